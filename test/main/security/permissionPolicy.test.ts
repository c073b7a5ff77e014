import { describe, expect, it, vi } from 'vitest'
import { applyPermissionPolicy } from '../../../src/main/security/permissionPolicy'

// The code under test needs no Electron at run time; the factory keeps the real package out.
vi.mock('electron', () => ({}))

function fakeSession() {
  return { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() }
}

function requestHandlerOf(session: ReturnType<typeof fakeSession>) {
  return session.setPermissionRequestHandler.mock.calls[0]![0] as (contents: unknown, permission: string, callback: (granted: boolean) => void) => void
}

function checkHandlerOf(session: ReturnType<typeof fakeSession>) {
  return session.setPermissionCheckHandler.mock.calls[0]![0] as (contents: unknown, permission: string, origin: string) => boolean
}

describe('applyPermissionPolicy', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'persistent-storage', 'unknown'])(
    'denies a request for %s',
    (permission) => {
      const session = fakeSession()
      applyPermissionPolicy(session as never)
      const callback = vi.fn()

      requestHandlerOf(session)({}, permission, callback)

      expect(callback).toHaveBeenCalledExactlyOnceWith(false)
    }
  )

  it.each(['media', 'geolocation', 'clipboard-read', 'persistent-storage'])('answers a check for %s with no', (permission) => {
    const session = fakeSession()
    applyPermissionPolicy(session as never)

    expect(checkHandlerOf(session)({}, permission, 'app://bundle')).toBe(false)
  })

  it('grants writing text to the clipboard, the one permission the app uses', () => {
    const session = fakeSession()
    applyPermissionPolicy(session as never)
    const callback = vi.fn()

    requestHandlerOf(session)({}, 'clipboard-sanitized-write', callback)

    expect(callback).toHaveBeenCalledExactlyOnceWith(true)
    expect(checkHandlerOf(session)({}, 'clipboard-sanitized-write', 'app://bundle')).toBe(true)
  })
})
