/**
 * Tells whether `candidate` is a URL of the app's own page origin: same protocol and host (which
 * includes the port) as `appUrl`, and no credentials (`app://x@bundle` is another URL).
 * NOTE: compares protocol and host, not `URL#origin`, which is the string "null" for custom
 * schemes and would make every app:// URL look alike.
 */
export function isAppUrl(candidate: string, appUrl: URL): boolean {
  let parsed: URL
  try {
    parsed = new URL(candidate)
  } catch {
    return false
  }
  return parsed.protocol === appUrl.protocol && parsed.host === appUrl.host && parsed.username === '' && parsed.password === ''
}
