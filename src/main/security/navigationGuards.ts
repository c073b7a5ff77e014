import type { WebContents } from 'electron'
import { isSafeExternalUrl } from '../../shared/security/externalUrl'
import { isAppUrl } from './isAppUrl'

interface NavigationEvent {
  readonly url: string
  preventDefault(): void
}

/**
 * Keeps `contents` on the app origin `appUrl`: navigations, frame navigations and redirects to
 * any other URL are cancelled, `<webview>` attachment is refused, and `window.open` always
 * denies. A denied https:/mailto: `window.open` (e.g. a link with target=_blank) is handed to
 * `openExternalLink`, the gate that decides for itself again.
 */
export function attachNavigationGuards(contents: WebContents, appUrl: URL, openExternalLink: (url: string) => Promise<boolean>): void {
  const stayOnAppOrigin = (event: NavigationEvent): void => {
    if (!isAppUrl(event.url, appUrl)) event.preventDefault()
  }
  contents.on('will-navigate', stayOnAppOrigin)
  contents.on('will-frame-navigate', stayOnAppOrigin)
  contents.on('will-redirect', stayOnAppOrigin)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) {
      openExternalLink(url).catch((error: unknown) => console.error('[external-link] could not open a link', error))
    }
    return { action: 'deny' }
  })
}
