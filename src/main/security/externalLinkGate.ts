import { shell } from 'electron'
import { toSafeExternalUrl } from '../../shared/security/externalUrl'

/**
 * The one place in the app that calls `shell.openExternal`. Opens `url` in the user's browser or
 * mail client when it is an https: or mailto: link (shared rule: `toSafeExternalUrl`), and
 * refuses everything else, because the OS would happily run file:, smb: or ms-msdt: handlers.
 * Resolves to whether the link was handed to the OS.
 */
export async function openExternalLink(url: string): Promise<boolean> {
  const safeUrl = toSafeExternalUrl(url)
  if (safeUrl === null) {
    console.warn('[external-link] refused a link that is not https: or mailto:')
    return false
  }
  await shell.openExternal(safeUrl)
  return true
}
