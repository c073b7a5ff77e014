import { toSafeExternalUrl } from '../security/externalUrl'

/**
 * The address a briefing may link to: the app's one rule (https: to a named host, or mailto:),
 * normalised, and free of characters that would need quoting in any of our formats. Anything else
 * is shown as text, never as a link.
 */
export function briefingLinkTarget(url: string): string | null {
  const safe = toSafeExternalUrl(url)
  return safe !== null && !/[\s<>"`\\]/.test(safe) ? safe : null
}

/**
 * Breaks up script-running URL schemes inside plain text ("javascript:" becomes "javascript&#58;")
 * so that no viewer that turns addresses in text into links — some Markdown renderers, some mail
 * clients — can make one of them clickable. `:` is written as a character reference, which every
 * HTML and Markdown reader shows as ":"; call it after escaping `&`.
 */
export function defuseScriptSchemes(escaped: string): string {
  return escaped.replace(/(javascript|vbscript|livescript)(\s*):/gi, '$1$2&#58;')
}
