import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import { rendererConfig } from './vite.renderer.config'

// Web mode: the same renderer as the desktop app, built as a static site into out/web.
export default defineConfig({
  ...rendererConfig,
  // PRECEDENT_WEB_DIR (from the repository root) lets parallel work build side by side.
  build: { outDir: resolve(import.meta.dirname, process.env['PRECEDENT_WEB_DIR'] ?? 'out/web'), emptyOutDir: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false }
})
