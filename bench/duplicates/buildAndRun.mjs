// Builds measureDuplicates.ts into a Node module with Vite (as bench/run.mjs builds its suites) and runs it.
// Usage: node bench/duplicates/buildAndRun.mjs [n]
import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = resolve(fileURLToPath(import.meta.url), '../../..')
const outDir = resolve(repo, 'out/bench-duplicates')
const { build } = await import('vite')
await build({
  configFile: false,
  logLevel: 'warn',
  root: repo,
  resolve: { alias: { '@shared': resolve(repo, 'src/shared') } },
  build: {
    ssr: resolve(repo, 'bench/duplicates/measureDuplicates.ts'),
    outDir,
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { entryFileNames: 'measureDuplicates.mjs', format: 'es' } }
  }
})
execFileSync(process.execPath, ['--max-old-space-size=4096', resolve(outDir, 'measureDuplicates.mjs'), process.argv[2] ?? '100000'], { stdio: 'inherit' })
