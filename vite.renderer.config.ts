import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import type { UserConfig } from 'vite'

/**
 * The renderer's build settings, shared by the desktop build (electron.vite.config.ts) and the
 * web-mode build (vite.web.config.mts) so that both ship the same page.
 * `base: './'` keeps every asset URL relative: the build then works from app://bundle/, from any
 * static server and from any sub-path.
 */
export const rendererConfig = {
  root: resolve(__dirname, 'src/renderer'),
  base: './',
  resolve: {
    alias: {
      '@renderer': resolve(__dirname, 'src/renderer'),
      '@shared': resolve(__dirname, 'src/shared'),
      '@resources': resolve(__dirname, 'resources')
    }
  },
  plugins: [vue()],
  // vue-i18n's build flags, replaced rather than looked up at run time: no devtools hook in the
  // shipped page; the message compiler stays (messages are compiled to an AST, never to code, so
  // the CSP needs no 'unsafe-eval').
  define: { __INTLIFY_PROD_DEVTOOLS__: 'false', __INTLIFY_DROP_MESSAGE_COMPILER__: 'false' },
  worker: { format: 'es' }
} satisfies UserConfig
