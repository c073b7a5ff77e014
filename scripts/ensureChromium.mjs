// Finds the Chromium the end-to-end tests drive. When it is missing and we are root with apt, installs
// Debian's package; otherwise stops with a one-line instruction. Never downloads a browser build.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (existsSync(path)) process.exit(0)

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
if (!isRoot || !hasApt || process.env.CHROMIUM_PATH) {
  console.error(`Chromium not found at ${path}: install it with "sudo apt-get install -y chromium" (or set CHROMIUM_PATH), then run npm test again.`)
  process.exit(1)
}
console.log(`Chromium not found at ${path}; installing Debian's chromium package…`)
try {
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
} catch {
  console.error('Installing chromium with apt-get failed: run "apt-get install -y chromium" by hand, then npm test again.')
  process.exit(1)
}
if (!existsSync(path)) {
  console.error(`apt-get finished but ${path} is still missing: set CHROMIUM_PATH to your Chromium.`)
  process.exit(1)
}
