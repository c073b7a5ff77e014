import { beforeEach, describe, expect, it, vi } from 'vitest'

const { BrowserWindow, windows } = vi.hoisted(() => {
  const windows: {
    options: { show: boolean; webPreferences: Record<string, unknown> }
    loadURL: ReturnType<typeof vi.fn>
    loadFile: ReturnType<typeof vi.fn>
    once: ReturnType<typeof vi.fn>
    show: ReturnType<typeof vi.fn>
  }[] = []
  const BrowserWindow = vi.fn(function (this: Record<string, unknown>, options: unknown) {
    this.options = options
    this.loadURL = vi.fn().mockResolvedValue(undefined)
    this.loadFile = vi.fn().mockResolvedValue(undefined)
    this.once = vi.fn()
    this.show = vi.fn()
    windows.push(this as never)
  })
  return { BrowserWindow, windows }
})
vi.mock('electron', () => ({ BrowserWindow }))

import { createMainWindow } from '../../src/main/mainWindow'

const production = { pageUrl: 'app://bundle/index.html', preloadPath: '/app/out/preload/index.js', isPackaged: true }

describe('createMainWindow', () => {
  beforeEach(() => {
    vi.clearAllMocks()
    windows.length = 0
  })

  it('isolates and sandboxes the page and gives it no Node.js', () => {
    createMainWindow(production)

    expect(windows[0]!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false
    })
  })

  it('enables no Blink features', () => {
    createMainWindow(production)

    expect(windows[0]!.options.webPreferences).not.toHaveProperty('enableBlinkFeatures')
  })

  it('turns off the middle click that would ask for a new window', () => {
    createMainWindow(production)

    expect(windows[0]!.options.webPreferences.disableBlinkFeatures).toBe('Auxclick')
  })

  it('loads the preload it is given', () => {
    createMainWindow(production)

    expect(windows[0]!.options.webPreferences.preload).toBe('/app/out/preload/index.js')
  })

  it('turns DevTools off when packaged', () => {
    createMainWindow(production)

    expect(windows[0]!.options.webPreferences.devTools).toBe(false)
  })

  it('keeps DevTools in development', () => {
    createMainWindow({ ...production, isPackaged: false })

    expect(windows[0]!.options.webPreferences.devTools).toBe(true)
  })

  it('loads the page by URL and never from a file', () => {
    createMainWindow(production)

    expect(windows[0]!.loadURL).toHaveBeenCalledExactlyOnceWith('app://bundle/index.html')
    expect(windows[0]!.loadFile).not.toHaveBeenCalled()
  })

  it('stays hidden until the page is ready to show', () => {
    createMainWindow(production)
    const [event, show] = windows[0]!.once.mock.calls[0] as [string, () => void]

    expect(windows[0]!.options.show).toBe(false)
    expect(event).toBe('ready-to-show')
    show()
    expect(windows[0]!.show).toHaveBeenCalled()
  })
})
