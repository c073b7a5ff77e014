import { builtinModules } from 'node:module'
import { resolve } from 'node:path'
import { defineConfig } from 'vite'

// The command line (`npx precedent`): src/cli bundled with src/shared and its libraries into one
// Node ES module, out/cli/precedent.mjs, which bin/precedent.mjs runs. Built by `npm run build`.
export default defineConfig({
  build: {
    outDir: resolve(import.meta.dirname, 'out/cli'),
    emptyOutDir: true,
    target: 'node20',
    ssr: resolve(import.meta.dirname, 'src/cli/precedent.ts'),
    minify: false,
    rollupOptions: {
      external: [...builtinModules, ...builtinModules.map((name) => `node:${name}`)],
      output: { format: 'es', entryFileNames: 'precedent.mjs' }
    }
  },
  // Everything but Node's own modules goes into the bundle, so the CLI needs no node_modules at run time.
  ssr: { noExternal: true, target: 'node' }
})
