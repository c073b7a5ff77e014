import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

// index.ts runs on import, so each test imports it afresh and records the order of lifecycle calls.
const electron = vi.hoisted(() => {
  const steps: string[] = []
  const appListeners = new Map<string, (...args: unknown[]) => void>()
  let becomeReady: () => void = () => {}
  const mainWindow = { isMinimized: vi.fn(() => true), restore: vi.fn(), focus: vi.fn(), on: vi.fn() }
  const app = {
    isPackaged: true,
    hasLock: true,
    enableSandbox: vi.fn(() => steps.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => {
      steps.push('requestSingleInstanceLock')
      return app.hasLock
    }),
    on: vi.fn((event: string, listener: (...args: unknown[]) => void) => appListeners.set(event, listener)),
    whenReady: vi.fn(
      () =>
        new Promise<void>((resolve) => {
          becomeReady = resolve
        })
    ),
    getPreferredSystemLanguages: vi.fn(() => ['zh-Hans-CN', 'en-US']),
    quit: vi.fn(() => steps.push('quit')),
    exit: vi.fn()
  }
  return {
    steps,
    appListeners,
    app,
    mainWindow,
    ready: () => becomeReady(),
    session: { defaultSession: { id: 'default' } },
    BrowserWindow: { getAllWindows: vi.fn(() => []) }
  }
})
vi.mock('electron', () => ({ app: electron.app, session: electron.session, BrowserWindow: electron.BrowserWindow }))

const main = vi.hoisted(() => {
  const step = (name: string) => vi.fn(() => void electron.steps.push(name))
  return {
    registerAppScheme: step('registerAppScheme'),
    registerAppProtocol: step('registerAppProtocol'),
    applyPermissionPolicy: step('applyPermissionPolicy'),
    installOfflineGuard: step('installOfflineGuard'),
    registerIpcHandlers: step('registerIpcHandlers'),
    installApplicationMenu: step('installApplicationMenu'),
    attachNavigationGuards: vi.fn(),
    createMainWindow: vi.fn(() => {
      electron.steps.push('createMainWindow')
      return electron.mainWindow
    })
  }
})
vi.mock('../../src/main/appProtocol', () => ({
  APP_PAGE_URL: 'app://bundle/index.html',
  registerAppScheme: main.registerAppScheme,
  registerAppProtocol: main.registerAppProtocol
}))
vi.mock('../../src/main/security/permissionPolicy', () => ({ applyPermissionPolicy: main.applyPermissionPolicy }))
vi.mock('../../src/main/security/offlineGuard', () => ({ installOfflineGuard: main.installOfflineGuard }))
vi.mock('../../src/main/security/navigationGuards', () => ({ attachNavigationGuards: main.attachNavigationGuards }))
vi.mock('../../src/main/security/externalLinkGate', () => ({ openExternalLink: vi.fn() }))
vi.mock('../../src/main/ipc/registerIpcHandlers', () => ({ registerIpcHandlers: main.registerIpcHandlers }))
vi.mock('../../src/main/menu', () => ({ installApplicationMenu: main.installApplicationMenu }))
vi.mock('../../src/main/mainWindow', () => ({ createMainWindow: main.createMainWindow }))

async function launch({ isPackaged = true, hasLock = true } = {}): Promise<void> {
  electron.app.isPackaged = isPackaged
  electron.app.hasLock = hasLock
  await import('../../src/main/index')
  electron.ready()
  await vi.waitFor(() => {
    if (hasLock) expect(main.createMainWindow).toHaveBeenCalled()
  })
}

describe('main process lifecycle (index.ts)', () => {
  beforeEach(() => {
    vi.resetModules()
    vi.clearAllMocks()
    electron.steps.length = 0
    electron.appListeners.clear()
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173')
  })

  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('enables the sandbox and registers the app scheme before the app is ready', async () => {
    await launch()

    expect(electron.steps.slice(0, 2)).toEqual(['enableSandbox', 'registerAppScheme'])
  })

  it('requests the single-instance lock before any window exists', async () => {
    await launch()

    expect(electron.steps.indexOf('requestSingleInstanceLock')).toBeLessThan(electron.steps.indexOf('createMainWindow'))
  })

  it('quits without opening a window when another instance holds the lock', async () => {
    await launch({ hasLock: false })
    await Promise.resolve()

    expect(electron.app.quit).toHaveBeenCalled()
    expect(main.createMainWindow).not.toHaveBeenCalled()
  })

  it('when ready, sets up the protocol, permissions, offline guard and IPC before the window', async () => {
    await launch()

    expect(electron.steps.slice(3)).toEqual([
      'registerAppProtocol',
      'applyPermissionPolicy',
      'installOfflineGuard',
      'registerIpcHandlers',
      'installApplicationMenu',
      'createMainWindow'
    ])
  })

  it('restores and focuses the existing window when a second instance starts', async () => {
    await launch()

    electron.appListeners.get('second-instance')!()

    expect(electron.mainWindow.restore).toHaveBeenCalled()
    expect(electron.mainWindow.focus).toHaveBeenCalled()
  })

  it('attaches the navigation guards to every web contents created', async () => {
    await launch()
    const contents = { id: 3 }

    electron.appListeners.get('web-contents-created')!({}, contents)

    expect(main.attachNavigationGuards).toHaveBeenCalledWith(contents, new URL('app://bundle/index.html'), expect.any(Function))
  })

  it('ignores ELECTRON_RENDERER_URL when packaged and loads the bundle with DevTools off', async () => {
    await launch({ isPackaged: true })

    expect(main.createMainWindow).toHaveBeenCalledWith(expect.objectContaining({ pageUrl: 'app://bundle/index.html', isPackaged: true }))
    expect(main.installOfflineGuard).toHaveBeenCalledWith(electron.session.defaultSession, undefined)
  })

  it('loads the dev server in development and lets only it through the offline guard', async () => {
    await launch({ isPackaged: false })

    expect(main.createMainWindow).toHaveBeenCalledWith(expect.objectContaining({ pageUrl: 'http://localhost:5173/', isPackaged: false }))
    expect(main.installOfflineGuard).toHaveBeenCalledWith(electron.session.defaultSession, new URL('http://localhost:5173'))
  })
})
