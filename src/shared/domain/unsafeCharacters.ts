/**
 * The one definition of the characters a record's text may not hold, shared by the text schema
 * (forms, the command line and bundles refuse them) and the import cleaner (which removes them and
 * says so).
 *
 * Two kinds:
 * - **Refused**: controls (`\p{Cc}`) other than tab and newline, format characters (`\p{Cf}`) that
 *   can disguise text — bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069, the
 *   "Trojan Source" characters that make `txt.exe` read as `exe.txt`), tag characters outside an
 *   emoji flag (invisible ASCII), interlinear annotation marks — and unpaired surrogates
 *   (`\p{Cs}`, half a character).
 * - **Layout hints**, dropped silently by the schema as NFC normalisation is: a soft hyphen, a zero
 *   width space, a word joiner, a byte-order mark, the invisible maths operators, and a ZWJ or ZWNJ
 *   that joins nothing. They change no character anyone can see (only where a line may break), so
 *   refusing them would block a save over something the person cannot see or find; dropping them
 *   also stops them making two equal names differ.
 *
 * Kept, although Unicode classes them as controls or format characters:
 * - tab and newline;
 * - ZWNJ (U+200C) and ZWJ (U+200D) between two letters, marks, digits or emoji: Persian
 *   ("می‌خواهم"), Indic scripts and emoji sequences ("👩‍💻") need them;
 * - the directional marks LRM (U+200E), RLM (U+200F) and ALM (U+061C): Unicode's recommended way to
 *   place a number or punctuation mark correctly in Arabic or Hebrew text mixed with Latin. A mark
 *   embeds and overrides nothing — it acts like one invisible letter of its direction — so it cannot
 *   reorder text beyond what a visible letter could; the reordering characters are refused above;
 * - characters a script draws: the Arabic, Syriac and Kaithi number signs and end-of-ayah mark
 *   (prepended concatenation marks) and the Mongolian vowel separator.
 */

/** Format and control characters that are kept (see above). ZWJ/ZWNJ are judged by their neighbours. */
const KEPT = '\\t\\n\\u200C\\u200D\\u200E\\u200F\\u061C\\u0600-\\u0605\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u{110BD}\\u{110CD}'

/** An emoji tag sequence (🏴 + tag letters + cancel tag: the flags of England, Scotland, Wales). */
const EMOJI_TAG_SEQUENCE = '\\u{1F3F4}[\\u{E0020}-\\u{E007E}]+\\u{E007F}'

/** Layout hints that the schema drops (see above). */
const LAYOUT_HINT_CLASS = '\\u00AD\\u200B\\u2060-\\u2064\\uFEFF'

/** What a joiner may join: letters, marks, digits, emoji and their components. */
const JOINABLE = '[\\p{L}\\p{M}\\p{N}\\p{Extended_Pictographic}\\p{Emoji_Component}]'
const STRAY_JOINER = `(?<!${JOINABLE})[\\u200C\\u200D]|[\\u200C\\u200D](?!${JOINABLE})`

/** Group 1 is an emoji tag sequence (kept); any other match is an unsafe character. */
// eslint-disable-next-line no-misleading-character-class -- ZWNJ and ZWJ are listed as single characters on purpose
const REFUSED = new RegExp(`(${EMOJI_TAG_SEQUENCE})|(?![${KEPT}${LAYOUT_HINT_CLASS}])[\\p{Cc}\\p{Cf}\\p{Cs}]`, 'gu')
const LAYOUT_HINT = new RegExp(`[${LAYOUT_HINT_CLASS}]|${STRAY_JOINER}`, 'gu')

/**
 * Any control other than tab and newline, any format character, any lone surrogate: a text without
 * one (nearly every text) needs no closer look, and this plain class is several times faster to
 * scan than the patterns above, which every imported value and every saved field goes through.
 */
const CANDIDATE = /[^\t\n\P{Cc}]|[\p{Cf}\p{Cs}]/u

/** One refused character found in a text. */
export interface UnsafeCharacter {
  /** The character itself. */
  readonly character: string
  /** `U+202E` */
  readonly codePoint: string
  /** "an invisible right-to-left override" — what a person is told, with an article. */
  readonly description: string
  /** Index (UTF-16) in the text where it is. */
  readonly index: number
}

const NAMES: Readonly<Record<number, string>> = {
  0x202a: 'an invisible left-to-right embedding',
  0x202b: 'an invisible right-to-left embedding',
  0x202c: 'an invisible pop directional formatting',
  0x202d: 'an invisible left-to-right override',
  0x202e: 'an invisible right-to-left override',
  0x2066: 'an invisible left-to-right isolate',
  0x2067: 'an invisible right-to-left isolate',
  0x2068: 'an invisible first strong isolate',
  0x2069: 'an invisible pop directional isolate'
}

function describeCodePoint(codePoint: number): string {
  const named = NAMES[codePoint]
  if (named !== undefined) return named
  if (codePoint <= 0x1f || codePoint === 0x7f) return 'a control character'
  if (codePoint >= 0x80 && codePoint <= 0x9f) return 'an invisible C1 control character'
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return 'a broken character (half of a surrogate pair)'
  if (codePoint === 0xe0001 || (codePoint >= 0xe0020 && codePoint <= 0xe007f)) return 'an invisible tag character'
  return 'an invisible format character'
}

function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`
}

/** Every refused character in `text`, in order (layout hints are not refused: see `dropLayoutHints`). */
export function unsafeCharactersIn(text: string): UnsafeCharacter[] {
  const found: UnsafeCharacter[] = []
  if (!CANDIDATE.test(text)) return found
  for (const match of text.matchAll(REFUSED)) {
    if (match[1] !== undefined) continue
    const codePoint = match[0].codePointAt(0)!
    found.push({ character: match[0], codePoint: formatCodePoint(codePoint), description: describeCodePoint(codePoint), index: match.index })
  }
  return found
}

/**
 * The schema's message for the first refused character: `Title contains an invisible right-to-left
 * override (U+202E) after "invoice"; remove it`. The text quoted is what comes before it (at most
 * 20 characters), so the person can find a character they cannot see.
 */
export function unsafeCharacterMessage(label: string, text: string): string | undefined {
  const first = unsafeCharactersIn(text)[0]
  if (first === undefined) return undefined
  // One line: a summary's earlier line breaks would split the message.
  const before = [...text.slice(0, first.index).replace(/\s+/g, ' ')].slice(-20).join('').trimStart()
  const where = before === '' ? 'at the start' : `after "${before}"`
  return `${label} contains ${first.description} (${first.codePoint}) ${where}; remove it`
}

/** The text without layout hints (soft hyphens, zero width spaces, joiners that join nothing, …). */
export function dropLayoutHints(text: string): string {
  return CANDIDATE.test(text) ? withoutLayoutHints(text, () => undefined) : text
}

/**
 * Drops hints until none is left: dropping one can leave a joiner beside it with nothing to join
 * ("a" + ZWJ + ZWJ + ZWNJ loses the last two, then the first), and cleaning must be idempotent.
 */
function withoutLayoutHints(text: string, onDropped: (hint: string) => void): string {
  let current = text
  for (;;) {
    const next = current.replace(LAYOUT_HINT, (hint: string) => {
      onDropped(hint)
      return ''
    })
    if (next === current) return current
    current = next
  }
}

/** What `removeUnsafeCharacters` took out: one entry per kind, e.g. "right-to-left override (U+202E)". */
export interface RemovedCharacters {
  readonly text: string
  readonly removed: readonly string[]
}

/**
 * Removes every refused character and every layout hint, for text read from a file (the importer
 * tells the person what was removed). The result passes the text schema's check.
 */
export function removeUnsafeCharacters(text: string): RemovedCharacters {
  if (!CANDIDATE.test(text)) return { text, removed: [] }
  const removed = new Set<string>()
  const withoutRefused = text.replace(REFUSED, (whole: string, tagSequence: string | undefined) => {
    if (tagSequence !== undefined) return whole
    const codePoint = whole.codePointAt(0)!
    removed.add(`${describeCodePoint(codePoint).replace(/^an? (invisible )?/, '')} (${formatCodePoint(codePoint)})`)
    return ''
  })
  // Removing a refused character can leave a joiner with nothing to join, so hints go second.
  const withoutHints = withoutLayoutHints(withoutRefused, (hint) => {
    removed.add(`${LAYOUT_HINT_NAMES[hint] ?? 'invisible format character'} (${formatCodePoint(hint.codePointAt(0)!)})`)
  })
  return { text: withoutHints, removed: [...removed] }
}

const LAYOUT_HINT_NAMES: Readonly<Record<string, string>> = {
  '\u00AD': 'soft hyphen',
  '\u200B': 'zero width space',
  '\u200C': 'zero width non-joiner joining nothing',
  '\u200D': 'zero width joiner joining nothing',
  '\u2060': 'word joiner',
  '\uFEFF': 'byte-order mark'
}

/**
 * Stored data (plain JSON: objects, arrays, strings) with `removeUnsafeCharacters` applied to every
 * string: the value itself when nothing was removed, else a copy of what changed. For reading what was stored before the text schema refused these
 * characters: such data must stay readable rather than vanish because its schema grew stricter.
 */
export function withoutUnsafeCharactersInside(value: unknown): unknown {
  if (typeof value === 'string') return removeUnsafeCharacters(value).text
  // Copied only where something was taken out: a clean 100k-record backup is walked, never rebuilt.
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined
    value.forEach((item, index) => {
      const cleaned = withoutUnsafeCharactersInside(item)
      if (cleaned === item) return
      copy ??= [...value]
      copy[index] = cleaned
    })
    return copy ?? value
  }
  if (typeof value === 'object' && value !== null) {
    let copy: Record<string, unknown> | undefined
    for (const [key, member] of Object.entries(value)) {
      const cleaned = withoutUnsafeCharactersInside(member)
      if (cleaned === member) continue
      copy ??= { ...(value as Record<string, unknown>) }
      copy[key] = cleaned
    }
    return copy ?? value
  }
  return value
}
