import type { Session } from 'electron'

/**
 * Denies every permission request and check in `session`. The app needs no camera, microphone,
 * notifications, geolocation, clipboard-read, MIDI, HID or USB, so nothing is granted; a feature
 * that needs one must add it here, named, with a test.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}
