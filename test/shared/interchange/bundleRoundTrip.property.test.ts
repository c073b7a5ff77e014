import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { readBundleImport } from '@shared/interchange/adapters/bundleImport'
import { decodeImportText } from '@shared/interchange/decodeImportText'
import { exportSelectionBundle } from '@shared/interchange/export/bundleSelection'
import { planImport } from '@shared/interchange/importPlan'
import { recordSetOf } from '@shared/interchange/recordSet'
import { aJurisdiction } from '../../builders/sharedDomain'
import { contentById, knowledgeBaseWorld, WORLD_JURISDICTIONS } from '../../builders/knowledgeBaseWorld'

/** The built-in jurisdictions every knowledge base has, which generated records may link to. */
const builtIn: TypedRecord[] = WORLD_JURISDICTIONS.map((code) => ({
  type: 'jurisdiction',
  record: aJurisdiction({
    id: code,
    code,
    kind: code === 'EU' ? 'supranational' : code.includes('-') ? 'subdivision' : 'country',
    ...(code.includes('-') ? { parentId: code.slice(0, 2) } : {})
  })
}))

/** What the knowledge base holds: the generated records, and the built-in jurisdictions they did not replace. */
function knowledgeBase(records: readonly TypedRecord[]): TypedRecord[] {
  const ids = new Set(records.map((typed) => typed.record.id))
  return [...builtIn.filter((typed) => !ids.has(typed.record.id)), ...records]
}

const bytes = (text: string) => new TextEncoder().encode(text)

describe('bundle round trip (property)', () => {
  it('export of a whole knowledge base → file bytes → import gives back exactly its records, every one new to an empty store', () => {
    fc.assert(
      fc.property(knowledgeBaseWorld, (records) => {
        const everything = knowledgeBase(records)
        const bundle = exportSelectionBundle(recordSetOf(everything), { id: 'round-trip', title: 'Round trip 往返', createdAt: '2026-11-29T10:00:00.000Z' })
        const text = decodeImportText(bytes(`${JSON.stringify(bundle, null, 2)}\n`), 'round-trip.json')

        const reading = readBundleImport(text, { file: 'round-trip.json' })

        expect(reading.rejected).toEqual([])
        const read = reading.candidates.map((candidate) => candidate.typed)
        expect(contentById(read)).toEqual(contentById(everything))
        // Bookkeeping travels too: a restored record keeps when it was made and its revision.
        expect(read.map((typed) => typed.record).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
          everything.map((typed) => typed.record).sort((a, b) => a.id.localeCompare(b.id))
        )
        const plan = planImport(reading, { get: () => undefined, organisations: [], incidents: [] })
        expect(plan.counts.rejected).toBe(0)
        expect(plan.counts.new + plan.counts.duplicate).toBe(everything.length)
      }),
      { numRuns: 80 }
    )
  }, 60_000)

  it('importing the bundle into the knowledge base it came from plans nothing but "unchanged"', () => {
    fc.assert(
      fc.property(knowledgeBaseWorld, (records) => {
        const everything = knowledgeBase(records)
        const bundle = exportSelectionBundle(recordSetOf(everything), { id: 'again', title: 'Again', createdAt: '2026-11-29T10:00:00.000Z' })
        const stored = new Map(everything.map((typed) => [typed.record.id as string, typed]))
        const organisations = everything.flatMap((typed) => (typed.type === 'organisation' ? [typed.record] : []))
        const incidents = everything.flatMap((typed) => (typed.type === 'incident' ? [typed.record] : []))

        const plan = planImport(readBundleImport(JSON.stringify(bundle), { file: 'again.json' }), { get: (id) => stored.get(id), organisations, incidents })

        expect(plan.counts).toEqual({ new: 0, update: 0, unchanged: everything.length, duplicate: 0, rejected: 0 })
        expect(plan.writes).toEqual([])
        expect(plan.entries).toHaveLength(everything.length)
      }),
      { numRuns: 80 }
    )
  }, 60_000)
})
