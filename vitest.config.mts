import { defineConfig } from 'vitest/config'
import { rendererConfig } from './vite.renderer.config'

const { resolve } = rendererConfig

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: 'shared',
          environment: 'node',
          include: ['test/shared/**/*.test.ts', 'test/resources/**/*.test.ts', 'test/support/**/*.test.ts', 'test/regressions/**/*.test.ts']
        }
      },
      {
        resolve,
        test: {
          name: 'main',
          environment: 'node',
          include: ['test/main/**/*.test.ts', 'test/preload/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/node/**/*.test.ts']
        }
      },
      {
        // The benchmark runner's contract and a tiny run (n=100); the real benchmark is `npm run bench`.
        // The aliases: the app suite's synthetic bundle is checked with the app's own bundle parser.
        resolve,
        test: { name: 'bench', environment: 'node', include: ['test/bench/**/*.test.ts'], testTimeout: 60_000 }
      },
      {
        plugins: rendererConfig.plugins,
        resolve,
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['test/renderer/**/*.test.ts'],
          setupFiles: ['test/setup/fakeIndexedDb.ts', 'test/setup/i18n.ts']
        }
      }
    ]
  }
})
