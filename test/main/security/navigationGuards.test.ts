import { beforeEach, describe, expect, it, vi } from 'vitest'
import { attachNavigationGuards } from '../../../src/main/security/navigationGuards'

// The code under test needs no Electron at run time; the factory keeps the real package out.
vi.mock('electron', () => ({}))

type Listener = (event: { url: string; preventDefault: () => void }) => void

function fakeWebContents() {
  const listeners = new Map<string, Listener>()
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined
  return {
    contents: {
      on: vi.fn((name: string, listener: Listener) => listeners.set(name, listener)),
      setWindowOpenHandler: vi.fn((handler: typeof windowOpenHandler) => {
        windowOpenHandler = handler
      })
    },
    /** Emits `name` and tells whether the guard cancelled it. */
    emit(name: string, url: string): boolean {
      const preventDefault = vi.fn()
      listeners.get(name)?.({ url, preventDefault })
      return preventDefault.mock.calls.length > 0
    },
    openWindow(url: string) {
      return windowOpenHandler?.({ url })
    }
  }
}

const appUrl = new URL('app://bundle/index.html')

describe('attachNavigationGuards', () => {
  let page: ReturnType<typeof fakeWebContents>
  const openExternalLink = vi.fn()

  beforeEach(() => {
    vi.clearAllMocks()
    openExternalLink.mockResolvedValue(true)
    page = fakeWebContents()
    attachNavigationGuards(page.contents as never, appUrl, openExternalLink)
  })

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('lets %s stay on the app origin', (name) => {
    expect(page.emit(name, 'app://bundle/index.html#/incidents')).toBe(false)
  })

  it.each([
    'https://x',
    'https://example.com/phish',
    'http://localhost:5173/',
    'app://bundle.evil/',
    'app://evil/index.html',
    'app://x@bundle/index.html',
    'app://bundle:1234/index.html',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'not a url'
  ])('cancels navigation, frame navigation and redirects to %s', (url) => {
    const cancelled = ['will-navigate', 'will-frame-navigate', 'will-redirect'].map((name) => page.emit(name, url))

    expect(cancelled).toEqual([true, true, true])
  })

  it('refuses to attach a webview', () => {
    expect(page.emit('will-attach-webview', 'app://bundle/index.html')).toBe(true)
  })

  it('denies window.open and hands an https link to the gate', () => {
    expect(page.openWindow('https://example.com/decision')).toEqual({ action: 'deny' })

    expect(openExternalLink).toHaveBeenCalledExactlyOnceWith('https://example.com/decision')
  })

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'app://bundle/index.html', 'smb://host/share'])(
    'denies window.open of %s without asking the gate',
    (url) => {
      expect(page.openWindow(url)).toEqual({ action: 'deny' })

      expect(openExternalLink).not.toHaveBeenCalled()
    }
  )
})

describe('attachNavigationGuards in development', () => {
  it('compares protocol and host, so the dev server page may navigate within itself only', () => {
    const page = fakeWebContents()
    attachNavigationGuards(page.contents as never, new URL('http://localhost:5173/'), vi.fn())

    expect(page.emit('will-navigate', 'http://localhost:5173/#/laws')).toBe(false)
    expect(page.emit('will-navigate', 'http://localhost:5174/')).toBe(true)
  })
})
