import type { WebFrameMain } from 'electron'
import { isAppUrl } from './isAppUrl'

/**
 * Tells whether an IPC message comes from our own page: the sending frame still exists, is a
 * main (top-level) frame, and shows a URL of the app origin `appUrl`. A subframe or a page that
 * navigated elsewhere is refused even inside our window.
 */
export function isTrustedSender(frame: WebFrameMain | null | undefined, appUrl: URL): boolean {
  if (frame === null || frame === undefined) return false
  try {
    return frame.parent === null && isAppUrl(frame.url, appUrl)
  } catch {
    // A destroyed frame throws on access; it cannot be trusted.
    return false
  }
}
