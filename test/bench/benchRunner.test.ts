import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const repo = resolve(import.meta.dirname, '../..')
const METRICS = ['build_ms', 'query_p50_ms', 'query_p95_ms', 'snapshot_save_ms', 'snapshot_load_ms', 'rebuild_ms', 'heap_mb']

// One small run (n=100, Node only, no real data) shared by the checks below: building and running
// takes a few seconds, the big sizes never run in npm test.
async function benchAt100(): Promise<string> {
  const { stdout } = await promisify(execFile)('node', ['bench/run.mjs', '--env', 'node', '--sizes', '100', '--suite', 'search', '--json'], {
    cwd: repo,
    env: { ...process.env, PRECEDENT_BENCH_DIR: 'out/bench-smoke', PRECEDENT_SHARED_DATA: resolve(repo, 'out/bench-smoke/no-shared-data') },
    maxBuffer: 16 * 2 ** 20
  })
  return stdout
}

describe('npm run bench -- --json', () => {
  const output = benchAt100()

  it('prints only JSON objects with the row fields, one a line', async () => {
    const lines = (await output).trim().split('\n')
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) {
      const row = JSON.parse(line) as Record<string, unknown>
      expect(row).toMatchObject({ suite: 'search', env: 'node', dataset: 'synthetic', n: 100 })
      expect(typeof row['metric']).toBe('string')
      expect(Number.isFinite(row['value'])).toBe(true)
      expect(['ms', 'MB']).toContain(row['unit'])
    }
  }, 120_000)

  it('reports every metric the issue asks for', async () => {
    const metrics = new Set(
      (await output)
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { metric: string }).metric)
    )
    expect([...metrics]).toEqual(expect.arrayContaining(METRICS))
  }, 120_000)

  it('reports query latency for every query kind', async () => {
    const kinds = new Set(
      (await output)
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { metric: string; kind?: string })
        .filter((row) => row.metric === 'query_p95_ms')
        .map((row) => row.kind)
    )
    expect([...kinds].sort()).toEqual(['cjk', 'filtered', 'prefix', 'several-words', 'single-word', 'typo'])
  }, 120_000)
})
