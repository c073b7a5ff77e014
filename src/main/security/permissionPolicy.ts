import type { Session } from 'electron'

/**
 * The only permission the app uses: writing plain text to the clipboard ("Copy address" for a
 * source link that is not opened from the app). Reading the clipboard, camera, microphone,
 * notifications, geolocation, MIDI, HID, USB and everything else stay denied; a feature that
 * needs another permission must add it here, named, with a test.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])

/** Answers every permission request and check in `session` from {@link GRANTED_PERMISSIONS}: deny by default. */
export function applyPermissionPolicy(session: Session): void {
  session.setPermissionRequestHandler((_webContents, permission, callback) => callback(GRANTED_PERMISSIONS.has(permission)))
  session.setPermissionCheckHandler((_webContents, permission) => GRANTED_PERMISSIONS.has(permission))
}
