#!/usr/bin/env node
// `npx precedent`: runs the command line built by `npm run build` (out/cli/precedent.mjs).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const built = new URL('../out/cli/precedent.mjs', import.meta.url)
if (!existsSync(fileURLToPath(built))) {
  process.stderr.write('precedent: the command line is not built yet; run `npm run build` first\n')
  process.exit(1)
}
await import(built.href)
