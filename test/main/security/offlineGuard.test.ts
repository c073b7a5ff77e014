import { describe, expect, it, vi } from 'vitest'
import { installOfflineGuard, isBlockedNetworkRequest } from '../../../src/main/security/offlineGuard'

// The code under test needs no Electron at run time; the factory keeps the real package out.
vi.mock('electron', () => ({}))

describe('isBlockedNetworkRequest', () => {
  it.each(['https://tracker.example/pixel.gif', 'http://127.0.0.1:8080/', 'ws://example.com/socket', 'wss://example.com/socket', 'HTTPS://EXAMPLE.COM/'])(
    'blocks %s',
    (url) => {
      expect(isBlockedNetworkRequest(url)).toBe(true)
    }
  )

  it.each(['app://bundle/index.html', 'data:image/png;base64,AAAA', 'blob:app://bundle/1234', 'devtools://devtools/bundled/inspector.html'])(
    'allows %s',
    (url) => {
      expect(isBlockedNetworkRequest(url)).toBe(false)
    }
  )

  it('blocks what it cannot parse', () => {
    expect(isBlockedNetworkRequest('::not a url::')).toBe(true)
  })

  it('allows the dev server and its hot-reload socket in development', () => {
    const devServer = new URL('http://localhost:5173')

    expect(isBlockedNetworkRequest('http://localhost:5173/src/main.ts', devServer)).toBe(false)
    expect(isBlockedNetworkRequest('ws://localhost:5173/', devServer)).toBe(false)
  })

  it('still blocks every other host and port in development', () => {
    const devServer = new URL('http://localhost:5173')

    expect(isBlockedNetworkRequest('http://localhost:5174/', devServer)).toBe(true)
    expect(isBlockedNetworkRequest('https://localhost:5173/', devServer)).toBe(true)
    expect(isBlockedNetworkRequest('https://example.com/', devServer)).toBe(true)
  })
})

describe('installOfflineGuard', () => {
  function guardedSession(devServerUrl?: URL) {
    const onBeforeRequest = vi.fn()
    installOfflineGuard({ webRequest: { onBeforeRequest } } as never, devServerUrl)
    const listener = onBeforeRequest.mock.calls[0]![0] as (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void
    return (url: string) => {
      const callback = vi.fn()
      listener({ url }, callback)
      return callback.mock.calls[0]![0] as { cancel: boolean }
    }
  }

  it('cancels a request to the internet', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const request = guardedSession()

    expect(request('https://fonts.example/font.woff2')).toEqual({ cancel: true })
  })

  it('lets a request for the app bundle through', () => {
    const request = guardedSession()

    expect(request('app://bundle/assets/app.js')).toEqual({ cancel: false })
  })
})
