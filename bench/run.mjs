// The benchmark runner: `npm run bench [-- --sizes 1000,10000 --env node|chromium --suite search --json]`.
// Plain ESM for Node, because suites are TypeScript and the project has no TS loader: the runner
// builds them with Vite (an SSR bundle for Node, a page for Chromium, both into out/bench, not
// committed), forks Node with --expose-gc for the Node run and drives headless Chromium with
// playwright-core for the browser run. App suites (bench/appSuites, `--suite app`) are built for Node
// too and run in this process: they drive the built web app (runAppSuites below). Node suites
// (bench/nodeSuites, `--suite team`) are built for Node and run in this process too: they use Node
// itself (a throwaway PostgreSQL, the command line's code), so they run in Node only.
// Contract and suite list: bench/README.md, bench/benchContract.ts.
import { fork, spawn } from 'node:child_process'
import { createServer } from 'node:http'
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)))
// PRECEDENT_BENCH_DIR lets parallel runs (the smoke test, another engineer) build side by side.
const outDir = resolve(repo, process.env.PRECEDENT_BENCH_DIR ?? 'out/bench')
// The real data sets live next to the repository and are read at bench time, never copied in.
const sharedDataDir = resolve(repo, process.env.PRECEDENT_SHARED_DATA ?? '../shared/data')
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
// Same flags as test/e2e/browser.ts (no sandbox as root, no background networking), plus precise
// timers are granted by serving the page cross-origin isolated (see serve()).
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]
const DEFAULT_SIZES = [1000, 10000]
// App suites (bench/appSuites/*.ts) drive the real built web app from Node with playwright-core,
// so they run only in Chromium, and only when named with --suite (they build the app and import
// a knowledge base of every size: minutes, not seconds).
const APP_SUITES_DIR = resolve(repo, 'bench/appSuites')
const ENVS = ['node', 'chromium']
// Node suites (bench/nodeSuites/*.ts) start servers and use Node's modules (the team suite: a
// throwaway PostgreSQL cluster and the command line's team commands), so they run only in Node,
// and only when named with --suite.
const NODE_SUITES_DIR = resolve(repo, 'bench/nodeSuites')

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string' },
      env: { type: 'string' },
      suite: { type: 'string' },
      json: { type: 'boolean', default: false },
      screenshot: { type: 'string' },
      help: { type: 'boolean', default: false }
    },
    strict: true
  })
  const sizes = values.sizes ? values.sizes.split(',').map((size) => Number(size.trim())) : DEFAULT_SIZES
  if (sizes.some((size) => !Number.isInteger(size) || size <= 0)) throw new Error(`--sizes wants positive whole numbers, got "${values.sizes}"`)
  const envs = values.env ? values.env.split(',').map((env) => env.trim()) : ENVS
  for (const env of envs) if (!ENVS.includes(env)) throw new Error(`--env wants node or chromium, got "${env}"`)
  const suites = values.suite ? values.suite.split(',').map((suite) => suite.trim()) : []
  return { sizes: [...new Set(sizes)].sort((a, b) => a - b), envs, suites, json: values.json, screenshot: values.screenshot, help: values.help }
}

const HELP = `npm run bench -- [--sizes 1000,10000,100000] [--env node|chromium] [--suite search,timeline,app] [--json]
  --sizes   synthetic data set sizes (default ${DEFAULT_SIZES.join(',')})
  --env     node, chromium or both (default both)
  --suite   suites in bench/suites to run (default all of them); app suites (bench/appSuites: app)
            run only when named, in Chromium only; node suites (bench/nodeSuites: team) run only
            when named, in Node only
  --json    one JSON object per line on stdout: {suite, env, dataset, n, metric, kind?, value, unit}
  --screenshot <file.png>  after the Chromium run, a full-page screenshot of the bench page's results table`

/** Prints a row: JSON lines for machines, an aligned line for people. */
function printer(json) {
  return (row) => {
    if (json) {
      process.stdout.write(`${JSON.stringify(row)}\n`)
      return
    }
    const value = row.value >= 100 ? row.value.toFixed(0) : row.value >= 10 ? row.value.toFixed(1) : row.value.toFixed(2)
    process.stdout.write(
      `${row.suite.padEnd(9)} ${row.env.padEnd(8)} ${row.dataset.padEnd(20)} n=${String(row.n).padEnd(7)} ${row.metric.padEnd(18)} ${(row.kind ?? '').padEnd(14)} ${value.padStart(9)} ${row.unit}\n`
    )
  }
}

function isValidRow(row) {
  return (
    row !== null &&
    typeof row === 'object' &&
    typeof row.suite === 'string' &&
    ENVS.includes(row.env) &&
    typeof row.dataset === 'string' &&
    Number.isFinite(row.n) &&
    typeof row.metric === 'string' &&
    (row.kind === undefined || typeof row.kind === 'string') &&
    Number.isFinite(row.value) &&
    (row.unit === 'ms' || row.unit === 'MB')
  )
}

async function buildBench() {
  const { build } = await import('vite')
  const alias = {
    '@renderer': resolve(repo, 'src/renderer'),
    '@shared': resolve(repo, 'src/shared'),
    '@resources': resolve(repo, 'resources')
  }
  // The Vue plugin and aliases of vite.renderer.config.ts: the timeline suite mounts TimelineChart.vue.
  const { default: vue } = await import('@vitejs/plugin-vue')
  const quiet = { configFile: false, logLevel: 'warn', resolve: { alias }, plugins: [vue()] }
  await build({
    ...quiet,
    root: repo,
    build: {
      ssr: resolve(repo, 'bench/node/nodeEntry.ts'),
      outDir: resolve(outDir, 'node'),
      emptyOutDir: true,
      target: 'node20',
      rollupOptions: { output: { entryFileNames: 'nodeEntry.mjs', format: 'es' } }
    }
  })
  await build({
    ...quiet,
    root: resolve(repo, 'bench/browser'),
    base: './',
    build: { outDir: resolve(outDir, 'web'), emptyOutDir: true, target: 'es2022', minify: true }
  })
}

function runInNode(request, emit) {
  return new Promise((done, fail) => {
    const child = fork(resolve(outDir, 'node/nodeEntry.mjs'), [JSON.stringify({ ...request, sharedDataDir })], {
      execArgv: ['--expose-gc', '--max-old-space-size=4096'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc']
    })
    child.on('message', (message) => {
      if (message?.type === 'row') emit(message.row)
    })
    child.on('error', fail)
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`bench in Node exited with ${code}`))))
  })
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2'
}
// Cross-origin isolation gives performance.now() 5 µs instead of 100 µs resolution (bench page only:
// the app suite serves the app as users get it).
const ISOLATION_HEADERS = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' }

/** Serves `root` on 127.0.0.1, and each folder of `mounts` (prefix → folder) read-only under its prefix. */
async function serve(root, mounts = {}, headers = {}) {
  const server = createServer(async (request, response) => {
    try {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
      const mount = Object.keys(mounts).find((prefix) => pathname.startsWith(prefix))
      const [base, rest] = mount ? [mounts[mount], pathname.slice(mount.length - 1)] : [root, pathname]
      let file = normalize(join(base, rest))
      if (file !== base && !file.startsWith(base + sep)) return void response.writeHead(403).end()
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html')
      const body = await readFile(file)
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers })
      response.end(body)
    } catch {
      response.writeHead(404).end('not found')
    }
  })
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready))
  // close() alone waits for idle keep-alive connections to time out, which kept the runner alive after
  // the app suite had printed its rows: they are closed with the server.
  const close = () =>
    new Promise((done) => {
      server.close(() => done())
      server.closeAllConnections()
    })
  return { url: `http://127.0.0.1:${server.address().port}/`, close }
}

async function runInChromium(request, emit, screenshot) {
  const { chromium } = await import('playwright-core')
  const server = await serve(resolve(outDir, 'web'), { '/shared-data/': sharedDataDir }, ISOLATION_HEADERS)
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS })
  try {
    // The size of the app's main window (src/main/mainWindow.ts): the timeline suite draws its chart at it.
    const page = await browser.newPage({ viewport: { width: 1280, height: 820 } })
    const cdp = await page.context().newCDPSession(page)
    page.on('pageerror', (error) => console.error(`[chromium] page error: ${error.message}`))
    await page.exposeFunction('__benchEmit', (suite, row) => emit({ suite, env: 'chromium', ...row }))
    await page.exposeFunction('__benchLog', (message) => console.error(`[chromium] ${message}`))
    await page.exposeFunction('__benchHeapMb', async () => {
      await cdp.send('HeapProfiler.collectGarbage')
      const { usedSize } = await cdp.send('Runtime.getHeapUsage')
      return usedSize / 2 ** 20
    })
    await page.goto(server.url)
    await page.waitForFunction(() => typeof window.__runBench === 'function')
    if (!(await page.evaluate(() => window.crossOriginIsolated))) console.error('[chromium] page is not cross-origin isolated: timers are coarse (100 µs)')
    // PRECEDENT_BENCH_TRACE=<file>: a Chromium trace of the run (tasks with their CPU time, user
    // timing marks), e.g. for the timeline's CPU time per frame (bench/timeline/frameCpuFromTrace.mjs).
    const tracePath = process.env.PRECEDENT_BENCH_TRACE
    const traceEvents = []
    const traced = tracePath ? new Promise((done) => cdp.once('Tracing.tracingComplete', done)) : undefined
    if (tracePath) {
      cdp.on('Tracing.dataCollected', ({ value }) => traceEvents.push(...value))
      await cdp.send('Tracing.start', {
        traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'blink.user_timing'] },
        transferMode: 'ReportEvents'
      })
    }
    await page.evaluate((pageRequest) => window.__runBench(pageRequest), request)
    if (tracePath) {
      await cdp.send('Tracing.end')
      await traced
      await writeFile(resolve(tracePath), JSON.stringify(traceEvents))
      console.error(`[chromium] trace written to ${tracePath}`)
    }
    if (screenshot) await page.screenshot({ path: resolve(screenshot), fullPage: true })
  } finally {
    await browser.close()
    await server.close()
  }
}

/** Suite names of a folder: its .ts files (bench/appSuites, bench/nodeSuites). */
async function suiteNamesIn(folder) {
  const files = await readdir(folder).catch(() => [])
  return files
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -3))
    .sort()
}

/** App suite names: the files of bench/appSuites. */
async function appSuiteNames() {
  return suiteNamesIn(APP_SUITES_DIR)
}

/**
 * Builds suites for Node into `out/bench/<folder>` (SSR: their packages, such as playwright-core and
 * pg, and Node's modules stay external and are loaded from node_modules).
 */
async function buildSuitesForNode(names, suitesDir, folder) {
  const { build } = await import('vite')
  const alias = { '@renderer': resolve(repo, 'src/renderer'), '@shared': resolve(repo, 'src/shared'), '@resources': resolve(repo, 'resources') }
  await build({
    configFile: false,
    logLevel: 'warn',
    resolve: { alias },
    root: repo,
    build: {
      ssr: true,
      outDir: resolve(outDir, folder),
      emptyOutDir: true,
      target: 'node20',
      rollupOptions: {
        input: Object.fromEntries(names.map((name) => [name, resolve(suitesDir, `${name}.ts`)])),
        output: { entryFileNames: '[name].mjs', format: 'es' }
      }
    }
  })
}

/** Runs node suites in this process, built for Node. Each gets a folder of its own for generated files. */
async function runNodeSuites(names, sizes, emit) {
  await buildSuitesForNode(names, NODE_SUITES_DIR, 'node-suites')
  for (const name of names) {
    console.error(`[bench] ${name}: running in node (this process), sizes ${sizes.join(', ')}`)
    const dataDir = resolve(outDir, `${name}-data`)
    await mkdir(dataDir, { recursive: true })
    const suite = await import(pathToFileURL(resolve(outDir, 'node-suites', `${name}.mjs`)).href)
    await suite.run({
      sizes,
      emit: (row) => emit({ suite: name, env: 'node', ...row }),
      log: (message) => console.error(`[node] ${name}: ${message}`),
      dataDir
    })
  }
}

/** Runs a command of the repository's tools, its output on stderr; rejects if it fails. */
function runTool(args, env = {}) {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: repo, env: { ...process.env, ...env }, stdio: ['ignore', 2, 2] })
    child.on('error', fail)
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`${args.join(' ')} exited with ${code}`))))
  })
}

/**
 * Builds what app suites need: the real web app exactly as `npm run build:web` does, into its own
 * folder (PRECEDENT_BENCH_APP_WEB_DIR uses an existing build instead), and the suites themselves for
 * Node (SSR: playwright-core and Node's modules stay external).
 */
async function buildForAppSuites(names) {
  const given = process.env.PRECEDENT_BENCH_APP_WEB_DIR
  const webDir = given ? resolve(repo, given) : resolve(outDir, 'app-web')
  if (given) console.error(`[bench] app: using the web build in ${webDir}`)
  else {
    console.error(`[bench] app: building the web app (vite.web.config.mts) into ${webDir}`)
    await runTool([
      resolve(repo, 'node_modules/vite/bin/vite.js'),
      'build',
      '-c',
      'vite.web.config.mts',
      '--outDir',
      webDir,
      '--emptyOutDir',
      '--logLevel',
      'warn'
    ])
  }
  if (!(await stat(join(webDir, 'index.html')).catch(() => null))) throw new Error(`${webDir}/index.html is missing: the web app was not built`)
  await buildSuitesForNode(names, APP_SUITES_DIR, 'app-suites')
  return webDir
}

/** Runs app suites in this process: each drives the built app in its own Chromium (see bench/app/appDriver.ts). */
async function runAppSuites(names, sizes, emit) {
  const webDir = await buildForAppSuites(names)
  const dataDir = resolve(outDir, 'app-data')
  await mkdir(dataDir, { recursive: true })
  const server = await serve(webDir, { '/bench-data/': dataDir })
  try {
    for (const name of names) {
      console.error(`[bench] ${name}: running in chromium (driving the built app), sizes ${sizes.join(', ')}`)
      const suite = await import(pathToFileURL(resolve(outDir, 'app-suites', `${name}.mjs`)).href)
      await suite.run({
        sizes,
        emit: (row) => emit({ suite: name, env: 'chromium', ...row }),
        log: (message) => console.error(`[app] ${name}: ${message}`),
        launch: { chromiumPath: CHROMIUM_PATH, chromiumArgs: CHROMIUM_ARGS, appUrl: server.url, dataUrl: new URL('bench-data/', server.url).toString() },
        dataDir
      })
    }
  } finally {
    await server.close()
  }
}

async function main() {
  const options = parseOptions(process.argv.slice(2))
  if (options.help) {
    console.log(HELP)
    return
  }
  const print = printer(options.json)
  const emit = (row) => {
    if (!isValidRow(row)) throw new Error(`bench suite emitted an invalid row: ${JSON.stringify(row)}`)
    print(row)
  }
  const appSuites = new Set(await appSuiteNames())
  const nodeSuites = new Set(await suiteNamesIn(NODE_SUITES_DIR))
  const wantedApp = options.suites.filter((suite) => appSuites.has(suite))
  const wantedNode = options.suites.filter((suite) => nodeSuites.has(suite))
  const pageSuites = options.suites.filter((suite) => !appSuites.has(suite) && !nodeSuites.has(suite))
  // Named app or node suites only: the other suites run only if some were named too, or none at all.
  const runPageSuites = options.suites.length === 0 || pageSuites.length > 0
  if (runPageSuites) {
    console.error(`[bench] building suites into ${outDir}`)
    await buildBench()
    const request = { suites: pageSuites, sizes: options.sizes }
    for (const env of options.envs) {
      console.error(`[bench] ${env}: sizes ${options.sizes.join(', ')}`)
      if (env === 'node') await runInNode(request, emit)
      else await runInChromium(request, emit, options.screenshot)
    }
  }
  if (wantedNode.length > 0) {
    if (options.envs.includes('node')) await runNodeSuites(wantedNode, options.sizes, emit)
    else console.error(`[bench] ${wantedNode.join(', ')}: node suites run only in Node; skipped with --env ${options.envs.join(',')}`)
  }
  if (wantedApp.length > 0) {
    if (options.envs.includes('chromium')) await runAppSuites(wantedApp, options.sizes, emit)
    else console.error(`[bench] ${wantedApp.join(', ')}: app suites run only in Chromium; skipped with --env ${options.envs.join(',')}`)
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
