import { builtinModules } from 'node:module'
import { resolve } from 'node:path'
import { defineConfig } from 'vite'

const root = resolve(import.meta.dirname, '../..')
// Builds the generator of synthetic rows into one Node module (run by measureViews.mjs's caller).
export default defineConfig({
  resolve: { alias: { '@shared': resolve(root, 'src/shared'), '@renderer': resolve(root, 'src/renderer') } },
  build: {
    outDir: resolve(root, 'out/view-open'),
    emptyOutDir: true,
    target: 'node20',
    ssr: resolve(import.meta.dirname, 'syntheticRows.ts'),
    minify: false,
    rollupOptions: {
      external: [...builtinModules, ...builtinModules.map((name) => `node:${name}`)],
      output: { format: 'es', entryFileNames: 'syntheticRows.mjs' }
    }
  },
  ssr: { noExternal: true, target: 'node' }
})
