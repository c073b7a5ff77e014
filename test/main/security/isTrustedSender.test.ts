import { describe, expect, it, vi } from 'vitest'
import type { WebFrameMain } from 'electron'
import { isTrustedSender } from '../../../src/main/security/isTrustedSender'

// The code under test needs no Electron at run time; the factory keeps the real package out.
vi.mock('electron', () => ({}))

const appUrl = new URL('app://bundle/index.html')

function frame(url: string, parent: object | null = null): WebFrameMain {
  return { url, parent } as unknown as WebFrameMain
}

describe('isTrustedSender', () => {
  it('trusts the app page in a main frame', () => {
    expect(isTrustedSender(frame('app://bundle/index.html#/incidents'), appUrl)).toBe(true)
  })

  it('refuses a subframe even when it shows the app origin', () => {
    expect(isTrustedSender(frame('app://bundle/index.html', frame('app://bundle/index.html')), appUrl)).toBe(false)
  })

  it.each(['app://bundle.evil/index.html', 'app://evil/', 'app://x@bundle/', 'https://bundle/', 'file:///index.html', 'about:blank'])(
    'refuses a main frame showing %s',
    (url) => {
      expect(isTrustedSender(frame(url), appUrl)).toBe(false)
    }
  )

  it('refuses a missing frame', () => {
    expect(isTrustedSender(null, appUrl)).toBe(false)
  })

  it('refuses a destroyed frame whose properties throw', () => {
    const destroyed = {
      get parent(): never {
        throw new Error('Render frame was disposed')
      }
    } as unknown as WebFrameMain

    expect(isTrustedSender(destroyed, appUrl)).toBe(false)
  })

  it('does not rely on URL#origin, which is "null" for every app:// URL', () => {
    expect(new URL('app://evil/').origin).toBe(new URL('app://bundle/').origin)

    expect(isTrustedSender(frame('app://evil/'), appUrl)).toBe(false)
  })
})
