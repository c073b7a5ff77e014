import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { TestProject } from 'vitest/node'
import { serveStatic } from './staticServer'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

/**
 * Serves the web-mode build (npm run build:web) for the end-to-end tests. PRECEDENT_WEB_DIR
 * points at another build folder, so parallel work can build and test without sharing out/web.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const requested = process.env['PRECEDENT_WEB_DIR'] ?? 'out/web'
  // `vite build --outDir x` resolves x from the renderer root, so a relative folder may be there.
  const dir = [resolve(requested), resolve('src/renderer', requested)].find((candidate) => existsSync(resolve(candidate, 'index.html'))) ?? resolve(requested)
  if (!existsSync(resolve(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: run "npm run build:web" first`)
  }
  const server = await serveStatic(dir)
  project.provide('baseUrl', server.url)
  return () => server.close()
}
