import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { playTeamDay, type TeamStep } from './teamConvergence'

const analyst = fc.nat({ max: 4 })
const step: fc.Arbitrary<TeamStep> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('create' as const), analyst, title: fc.nat(3) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('edit' as const), analyst, record: fc.nat(9), title: fc.nat(3) }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), analyst, record: fc.nat(9) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('merge' as const), analyst, record: fc.nat(9), into: fc.nat(9) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('sync' as const), analyst }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('sync-lost' as const), analyst }), weight: 1 }
)

/** Small pages and batches, and first pulls from current records, so that paging, batching and the first pull are exercised too. */
const SMALL_PAGES = { firstPullFromLogUpTo: 1, pageSize: 3, chunkSize: 2, pushBatch: 4 }

describe('team sync, whatever the analysts do', () => {
  it('converges to the same records everywhere once conflicts are resolved, and no pushed revision vanishes', async () => {
    const seen = { conflicts: 0, redirects: 0, unchanged: 0 }
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(step, { minLength: 4, maxLength: 30 }),
        fc.boolean(),
        async (count, shared, steps, small) => {
          const day = await playTeamDay(count, shared, steps, small ? SMALL_PAGES : {})
          seen.conflicts += day.conflicts
          seen.redirects += day.redirects
          seen.unchanged += day.unchanged
        }
      ),
      { numRuns: 30 }
    )
    // The runs must have reached what can go wrong, or the property proves little.
    expect(seen.conflicts).toBeGreaterThan(0)
    expect(seen.redirects).toBeGreaterThan(0)
    expect(seen.unchanged).toBeGreaterThan(0)
  }, 120_000)
})
