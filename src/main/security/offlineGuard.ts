import type { Session } from 'electron'

const NETWORK_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'ws:', 'wss:'])
const DEV_SERVER_PROTOCOLS: Readonly<Record<string, readonly string[]>> = {
  'http:': ['http:', 'ws:'],
  'https:': ['https:', 'wss:']
}

/**
 * Tells whether a request from the page must be cancelled: any http:, https:, ws: or wss: URL
 * (and anything unparsable), except the dev server's own origin and its hot-reload socket when
 * `devServerUrl` is given. app:, data: and blob: stay allowed.
 */
export function isBlockedNetworkRequest(url: string, devServerUrl?: URL): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return true
  }
  if (!NETWORK_PROTOCOLS.has(parsed.protocol)) return false
  if (devServerUrl === undefined) return true
  const devProtocols = DEV_SERVER_PROTOCOLS[devServerUrl.protocol] ?? []
  return !(devProtocols.includes(parsed.protocol) && parsed.host === devServerUrl.host)
}

/**
 * Makes `session` offline: the app keeps every record locally and must not leak reads (images,
 * fonts, beacons in imported text) to the network. Pass `devServerUrl` only in development.
 */
export function installOfflineGuard(session: Session, devServerUrl?: URL): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const cancel = isBlockedNetworkRequest(details.url, devServerUrl)
    if (cancel) console.warn('[offline] blocked a network request')
    callback({ cancel })
  })
}
