import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

// The bench's own tests (test/bench) until vitest.config.mts lists them as a project:
// `npx vitest run -c bench/vitest.config.mts`.
export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  test: { name: 'bench', environment: 'node', include: ['test/bench/**/*.test.ts'] }
})
