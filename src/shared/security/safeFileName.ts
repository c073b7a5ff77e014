/** Longest file name suggested to a save dialog or a download. */
export const MAX_FILE_NAME_LENGTH = 200

/** Used when nothing usable is left of a suggested name. */
export const FALLBACK_FILE_NAME = 'export'

// Path separators, characters Windows forbids, and control characters.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTERS = /[/\\:*?"<>|\u0000-\u001f\u007f]/g
const WINDOWS_RESERVED_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i

/**
 * Turns a page-supplied name into a single, portable file name: no directories, no characters
 * Windows or macOS refuse, no leading dots (hidden files, `..`), no reserved device names, at most
 * {@link MAX_FILE_NAME_LENGTH} characters with the extension kept.
 * The page only *suggests* a name; the path itself always comes from a native save dialog.
 */
export function toSafeFileName(suggested: string): string {
  let name = suggested
    .normalize('NFC')
    .replace(FORBIDDEN_CHARACTERS, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s-]+/, '')
    .replace(/[.\s]+$/, '')
  if (WINDOWS_RESERVED_NAME.test(name)) name = `_${name}`
  if (name.length > MAX_FILE_NAME_LENGTH) name = truncateKeepingExtension(name, MAX_FILE_NAME_LENGTH)
  return name === '' ? FALLBACK_FILE_NAME : name
}

function truncateKeepingExtension(name: string, maxLength: number): string {
  const dot = name.lastIndexOf('.')
  const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : ''
  // Array.from keeps surrogate pairs whole, so a cut never leaves half an emoji.
  const stem = Array.from(name.slice(0, name.length - extension.length))
  let truncated = ''
  for (const character of stem) {
    if (truncated.length + character.length + extension.length > maxLength) break
    truncated += character
  }
  return truncated.trimEnd() + extension
}
