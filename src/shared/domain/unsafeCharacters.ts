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
import { message, type Message } from '../locale/message'

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
  /** What kind of character it is, as the messages name it. */
  readonly kind: CharacterKind
  /** Index (UTF-16) in the text where it is. */
  readonly index: number
}

/** The kinds of character the messages name: the refused ones and the layout hints dropped. */
export type CharacterKind =
  | 'ltrEmbedding'
  | 'rtlEmbedding'
  | 'popFormatting'
  | 'ltrOverride'
  | 'rtlOverride'
  | 'ltrIsolate'
  | 'rtlIsolate'
  | 'firstStrongIsolate'
  | 'popIsolate'
  | 'control'
  | 'c1Control'
  | 'brokenCharacter'
  | 'tagCharacter'
  | 'formatCharacter'
  | 'softHyphen'
  | 'zeroWidthSpace'
  | 'strayNonJoiner'
  | 'strayJoiner'
  | 'wordJoiner'
  | 'byteOrderMark'
  | 'invisibleFormat'
  | 'objectReplacement'

const NAMED: Readonly<Record<number, CharacterKind>> = {
  0x202a: 'ltrEmbedding',
  0x202b: 'rtlEmbedding',
  0x202c: 'popFormatting',
  0x202d: 'ltrOverride',
  0x202e: 'rtlOverride',
  0x2066: 'ltrIsolate',
  0x2067: 'rtlIsolate',
  0x2068: 'firstStrongIsolate',
  0x2069: 'popIsolate'
}

function kindOfCodePoint(codePoint: number): CharacterKind {
  const named = NAMED[codePoint]
  if (named !== undefined) return named
  if (codePoint <= 0x1f || codePoint === 0x7f) return 'control'
  if (codePoint >= 0x80 && codePoint <= 0x9f) return 'c1Control'
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return 'brokenCharacter'
  if (codePoint === 0xe0001 || (codePoint >= 0xe0020 && codePoint <= 0xe007f)) return 'tagCharacter'
  return 'formatCharacter'
}

/** A kind of character in words, as a sentence names it: "an invisible right-to-left override". */
const DESCRIBED: Readonly<Record<CharacterKind, Message>> = {
  ltrEmbedding: message('problems.characters.described.ltrEmbedding'),
  rtlEmbedding: message('problems.characters.described.rtlEmbedding'),
  popFormatting: message('problems.characters.described.popFormatting'),
  ltrOverride: message('problems.characters.described.ltrOverride'),
  rtlOverride: message('problems.characters.described.rtlOverride'),
  ltrIsolate: message('problems.characters.described.ltrIsolate'),
  rtlIsolate: message('problems.characters.described.rtlIsolate'),
  firstStrongIsolate: message('problems.characters.described.firstStrongIsolate'),
  popIsolate: message('problems.characters.described.popIsolate'),
  control: message('problems.characters.described.control'),
  c1Control: message('problems.characters.described.c1Control'),
  brokenCharacter: message('problems.characters.described.brokenCharacter'),
  tagCharacter: message('problems.characters.described.tagCharacter'),
  formatCharacter: message('problems.characters.described.formatCharacter'),
  softHyphen: message('problems.characters.described.softHyphen'),
  zeroWidthSpace: message('problems.characters.described.zeroWidthSpace'),
  strayNonJoiner: message('problems.characters.described.strayNonJoiner'),
  strayJoiner: message('problems.characters.described.strayJoiner'),
  wordJoiner: message('problems.characters.described.wordJoiner'),
  byteOrderMark: message('problems.characters.described.byteOrderMark'),
  invisibleFormat: message('problems.characters.described.invisibleFormat'),
  objectReplacement: message('problems.characters.described.objectReplacement')
}

/** A kind of character by its name alone, as a list of what was removed names it: "right-to-left override". */
const NAMES: Readonly<Record<CharacterKind, Message>> = {
  ltrEmbedding: message('problems.characters.named.ltrEmbedding'),
  rtlEmbedding: message('problems.characters.named.rtlEmbedding'),
  popFormatting: message('problems.characters.named.popFormatting'),
  ltrOverride: message('problems.characters.named.ltrOverride'),
  rtlOverride: message('problems.characters.named.rtlOverride'),
  ltrIsolate: message('problems.characters.named.ltrIsolate'),
  rtlIsolate: message('problems.characters.named.rtlIsolate'),
  firstStrongIsolate: message('problems.characters.named.firstStrongIsolate'),
  popIsolate: message('problems.characters.named.popIsolate'),
  control: message('problems.characters.named.control'),
  c1Control: message('problems.characters.named.c1Control'),
  brokenCharacter: message('problems.characters.named.brokenCharacter'),
  tagCharacter: message('problems.characters.named.tagCharacter'),
  formatCharacter: message('problems.characters.named.formatCharacter'),
  softHyphen: message('problems.characters.named.softHyphen'),
  zeroWidthSpace: message('problems.characters.named.zeroWidthSpace'),
  strayNonJoiner: message('problems.characters.named.strayNonJoiner'),
  strayJoiner: message('problems.characters.named.strayJoiner'),
  wordJoiner: message('problems.characters.named.wordJoiner'),
  byteOrderMark: message('problems.characters.named.byteOrderMark'),
  invisibleFormat: message('problems.characters.named.invisibleFormat'),
  objectReplacement: message('problems.characters.named.objectReplacement')
}

function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`
}

/** "right-to-left override (U+202E)": a character removed, as the import notices list it. */
export function removedCharacter(kind: CharacterKind, codePoint: number): Message {
  return message('problems.characters.removed', { name: NAMES[kind], codePoint: formatCodePoint(codePoint) })
}

/** Every refused character in `text`, in order (layout hints are not refused: see `dropLayoutHints`). */
export function unsafeCharactersIn(text: string): UnsafeCharacter[] {
  const found: UnsafeCharacter[] = []
  if (!CANDIDATE.test(text)) return found
  for (const match of text.matchAll(REFUSED)) {
    if (match[1] !== undefined) continue
    const codePoint = match[0].codePointAt(0)!
    found.push({ character: match[0], codePoint: formatCodePoint(codePoint), kind: kindOfCodePoint(codePoint), index: match.index })
  }
  return found
}

/** Where the first refused character is: the text before it (at most 20 characters, on one line), or "" at the start. */
function firstUnsafeCharacter(text: string): { readonly character: UnsafeCharacter; readonly before: string } | undefined {
  const first = unsafeCharactersIn(text)[0]
  if (first === undefined) return undefined
  // One line: a summary's earlier line breaks would split the message.
  return { character: first, before: [...text.slice(0, first.index).replace(/\s+/g, ' ')].slice(-20).join('').trimStart() }
}

/**
 * The schema's problem for the first refused character: `Title contains an invisible right-to-left
 * override (U+202E) after "invoice"; remove it` (the field is named where the problem is put into
 * words, from the path). The text quoted is what comes before it (at most 20 characters), so
 * the person can find a character they cannot see.
 */
export function unsafeCharacterProblem(text: string): Message | undefined {
  const found = firstUnsafeCharacter(text)
  if (found === undefined) return undefined
  const character = DESCRIBED[found.character.kind]
  const { codePoint } = found.character
  return found.before === ''
    ? message('problems.unsafeCharacterAtStart', { character, codePoint })
    : message('problems.unsafeCharacter', { character, codePoint, before: found.before })
}

/**
 * The same problem as zod's own message, in English like every message the schemas give zod (code
 * that shows a zod message as it is reads it; the page and the command line show
 * `unsafeCharacterProblem` in the reader's language, and a test keeps the two saying the same).
 */
export function unsafeCharacterMessage(label: string, text: string): string | undefined {
  const found = firstUnsafeCharacter(text)
  if (found === undefined) return undefined
  const where = found.before === '' ? 'at the start' : `after "${found.before}"`
  return `${label} contains ${DESCRIBED_IN_ENGLISH[found.character.kind]} (${found.character.codePoint}) ${where}; remove it`
}

/** `DESCRIBED` in English, for zod's messages only (see `unsafeCharacterMessage`). */
export const DESCRIBED_IN_ENGLISH: Readonly<Record<CharacterKind, string>> = {
  ltrEmbedding: 'an invisible left-to-right embedding',
  rtlEmbedding: 'an invisible right-to-left embedding',
  popFormatting: 'an invisible pop directional formatting',
  ltrOverride: 'an invisible left-to-right override',
  rtlOverride: 'an invisible right-to-left override',
  ltrIsolate: 'an invisible left-to-right isolate',
  rtlIsolate: 'an invisible right-to-left isolate',
  firstStrongIsolate: 'an invisible first strong isolate',
  popIsolate: 'an invisible pop directional isolate',
  control: 'a control character',
  c1Control: 'an invisible C1 control character',
  brokenCharacter: 'a broken character (half of a surrogate pair)',
  tagCharacter: 'an invisible tag character',
  formatCharacter: 'an invisible format character',
  softHyphen: 'a soft hyphen',
  zeroWidthSpace: 'a zero width space',
  strayNonJoiner: 'a zero width non-joiner joining nothing',
  strayJoiner: 'a zero width joiner joining nothing',
  wordJoiner: 'a word joiner',
  byteOrderMark: 'a byte-order mark',
  invisibleFormat: 'an invisible format character',
  objectReplacement: 'an object replacement character'
}

/** A kind of character as a sentence names it, as a message ("an invisible right-to-left override"). */
export function describedCharacter(kind: CharacterKind): Message {
  return DESCRIBED[kind]
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
  readonly removed: readonly Message[]
}

/**
 * Removes every refused character and every layout hint, for text read from a file (the importer
 * tells the person what was removed). The result passes the text schema's check.
 */
export function removeUnsafeCharacters(text: string): RemovedCharacters {
  if (!CANDIDATE.test(text)) return { text, removed: [] }
  // One entry per kind and code point, in the order first met.
  const removed = new Map<string, Message>()
  const remove = (kind: CharacterKind, codePoint: number) => {
    const key = `${kind} ${codePoint}`
    if (!removed.has(key)) removed.set(key, removedCharacter(kind, codePoint))
  }
  const withoutRefused = text.replace(REFUSED, (whole: string, tagSequence: string | undefined) => {
    if (tagSequence !== undefined) return whole
    const codePoint = whole.codePointAt(0)!
    remove(kindOfCodePoint(codePoint), codePoint)
    return ''
  })
  // Removing a refused character can leave a joiner with nothing to join, so hints go second.
  const withoutHints = withoutLayoutHints(withoutRefused, (hint) => remove(LAYOUT_HINT_KINDS[hint] ?? 'invisibleFormat', hint.codePointAt(0)!))
  return { text: withoutHints, removed: [...removed.values()] }
}

const LAYOUT_HINT_KINDS: Readonly<Record<string, CharacterKind>> = {
  '\u00AD': 'softHyphen',
  '\u200B': 'zeroWidthSpace',
  '\u200C': 'strayNonJoiner',
  '\u200D': 'strayJoiner',
  '\u2060': 'wordJoiner',
  '\uFEFF': 'byteOrderMark'
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
