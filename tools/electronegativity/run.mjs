// Runs Electronegativity on src/ and fails on HIGH findings (the tool itself always exits 0).
// It scans src/, not out/: in bundled output `new electron.BrowserWindow(...)` is a member
// expression and the BrowserWindow checks silently skip it.
// NOTE: the tool misses missing will-navigate guards and IPC sender checks; unit tests in
// test/main cover those.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const toolDir = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(toolDir, '../..')
const bin = path.join(toolDir, 'node_modules/.bin/electronegativity')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

// The tool is heavy (eslint 7, typescript 4) and lives in its own lockfile: install on first use.
if (!existsSync(bin)) {
  console.log('Installing Electronegativity (first run)…')
  const install = spawnSync(npm, ['ci', '--prefix', toolDir, '--no-audit', '--no-fund'], {
    cwd: repoRoot,
    stdio: 'inherit'
  })
  if (install.status !== 0 || !existsSync(bin)) {
    console.error('Could not install Electronegativity (npm ci in tools/electronegativity failed)')
    process.exit(2)
  }
}

// The tool cannot detect the Electron version from src/ (it would assume v0.1.0), so pass it.
const electronPackage = path.join(repoRoot, 'node_modules/electron/package.json')
if (!existsSync(electronPackage)) {
  console.error('node_modules/electron is missing: run `npm ci` at the repository root first')
  process.exit(2)
}
const electronVersion = JSON.parse(readFileSync(electronPackage, 'utf8')).version

const resultsDir = path.join(repoRoot, 'test-results')
mkdirSync(resultsDir, { recursive: true })
const report = path.join(resultsDir, 'electronegativity.csv')
const scan = spawnSync(bin, ['-i', 'src', '-r', '-v', 'false', '-e', electronVersion, '-o', report], {
  cwd: repoRoot,
  stdio: ['ignore', 'ignore', 'inherit']
})
if (scan.status !== 0) {
  console.error(`Electronegativity exited with ${scan.status ?? scan.signal}`)
  process.exit(scan.status ?? 1)
}
if (!existsSync(report)) {
  console.error('Electronegativity wrote no report')
  process.exit(2)
}

// Report rows: check id, severity, confidence, file, location, ... (first five are enough here).
const findings = readFileSync(report, 'utf8')
  .split('\n')
  .filter((line) => /^[A-Z_]+_CHECK,/.test(line))
  .map((line) => line.split(',').slice(0, 5).join(' '))
console.log(`Electronegativity (Electron ${electronVersion}) findings: ${findings.length}`)
for (const finding of findings) console.log(`  ${finding}`)
const high = findings.filter((finding) => finding.includes('"HIGH"') || / HIGH /.test(finding))
if (high.length > 0) {
  console.error(`${high.length} HIGH finding(s): fix the code (see the report at test-results/electronegativity.csv)`)
  process.exit(1)
}
console.log('No HIGH findings.')
