import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const repo = resolve(import.meta.dirname, '../..')
const run = (args: string[]) =>
  promisify(execFile)('node', ['bench/run.mjs', ...args], { cwd: repo, env: { ...process.env, PRECEDENT_BENCH_DIR: 'out/bench-smoke-app' } })

// The app suite itself drives Chromium for minutes, so it never runs in npm test; these check only
// how the runner routes it (cheap: nothing is built).
describe('npm run bench -- --suite app', () => {
  it('is an app suite: named, it runs in Chromium only, and with --env node it says so and prints no rows', async () => {
    const { stdout, stderr } = await run(['--suite', 'app', '--env', 'node', '--sizes', '100', '--json'])
    expect(stdout).toBe('')
    expect(stderr).toContain('app: app suites run only in Chromium; skipped with --env node')
    expect(stderr).not.toContain('building suites')
  })

  it('is listed in --help', async () => {
    const { stdout } = await run(['--help'])
    expect(stdout).toMatch(/app suites \(bench\/appSuites: app\)/)
  })
})
