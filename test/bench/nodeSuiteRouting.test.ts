import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const repo = resolve(import.meta.dirname, '../..')
const run = (args: string[]) =>
  promisify(execFile)('node', ['bench/run.mjs', ...args], { cwd: repo, env: { ...process.env, PRECEDENT_BENCH_DIR: 'out/bench-smoke-node' } })

// The team suite starts a PostgreSQL cluster and pushes thousands of records, so it never runs in
// npm test; these check only how the runner routes a node suite (cheap: nothing is built).
describe('npm run bench -- --suite team', () => {
  it('is a node suite: named, it runs in Node only, and with --env chromium it says so and prints no rows', async () => {
    const { stdout, stderr } = await run(['--suite', 'team', '--env', 'chromium', '--sizes', '100', '--json'])
    expect(stdout).toBe('')
    expect(stderr).toContain('team: node suites run only in Node; skipped with --env chromium')
    expect(stderr).not.toContain('building suites')
  })

  it('is listed in --help', async () => {
    const { stdout } = await run(['--help'])
    expect(stdout).toMatch(/node suites \(bench\/nodeSuites: team\)/)
  })
})
