// NOTE: shared/ compiles without DOM or Node types, but every process that runs this code
// (Electron main, the page, Node tests) has the WHATWG URL class. Declare only what is used.
declare const URL: new (input: string) => {
  readonly protocol: string
  readonly username: string
  readonly password: string
  readonly hostname: string
  readonly href: string
}

/** Longest external link accepted; longer strings are refused rather than truncated. */
export const MAX_EXTERNAL_URL_LENGTH = 2048

/** The only schemes the app hands to the operating system. */
export const EXTERNAL_URL_PROTOCOLS: readonly string[] = ['https:', 'mailto:']

// Whitespace and control characters around or inside a URL are where parsers disagree
// (the WHATWG parser strips them, OS URL handlers may not), so such strings are refused.
// eslint-disable-next-line no-control-regex
const AMBIGUOUS_CHARACTERS = /[\u0000-\u0020\u007f-\u009f\u2028\u2029\\]/

/**
 * Parses `candidate` and returns its normalised form when it is an https: link to a named host
 * or a mailto: link, and `null` for anything else (file:, smb:, javascript:, UNC paths,
 * credentials in the URL, surrounding whitespace, unparsable text).
 * Hand the returned string, never the original, to whatever opens it.
 */
export function toSafeExternalUrl(candidate: string): string | null {
  if (candidate.length === 0 || candidate.length > MAX_EXTERNAL_URL_LENGTH) return null
  if (AMBIGUOUS_CHARACTERS.test(candidate)) return null
  let parsed: InstanceType<typeof URL>
  try {
    parsed = new URL(candidate)
  } catch {
    return null
  }
  if (!EXTERNAL_URL_PROTOCOLS.includes(parsed.protocol)) return null
  if (parsed.protocol === 'https:') {
    // user:password@ is a phishing device ("https://bank.com@evil.example") and never needed.
    if (parsed.username !== '' || parsed.password !== '' || parsed.hostname === '') return null
  }
  return parsed.href
}

/** Tells whether {@link toSafeExternalUrl} accepts `candidate`: the one rule for main and page. */
export function isSafeExternalUrl(candidate: string): boolean {
  return toSafeExternalUrl(candidate) !== null
}
