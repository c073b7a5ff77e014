import { describe, expect, it, vi } from 'vitest'
import { denyAllPermissions } from '../../../src/main/security/permissions'

// The code under test needs no Electron at run time; the factory keeps the real package out.
vi.mock('electron', () => ({}))

function fakeSession() {
  return { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() }
}

describe('denyAllPermissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'unknown'])(
    'denies a request for %s',
    (permission) => {
      const session = fakeSession()
      denyAllPermissions(session as never)
      const handler = session.setPermissionRequestHandler.mock.calls[0]![0] as (
        contents: unknown,
        permission: string,
        callback: (granted: boolean) => void
      ) => void
      const callback = vi.fn()

      handler({}, permission, callback)

      expect(callback).toHaveBeenCalledExactlyOnceWith(false)
    }
  )

  it.each(['media', 'geolocation', 'clipboard-sanitized-write', 'persistent-storage'])('answers a check for %s with no', (permission) => {
    const session = fakeSession()
    denyAllPermissions(session as never)
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (
      contents: unknown,
      permission: string,
      origin: string
    ) => boolean

    expect(check({}, permission, 'app://bundle')).toBe(false)
  })
})
