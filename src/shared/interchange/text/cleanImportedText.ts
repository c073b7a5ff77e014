import { removeUnsafeCharacters } from '../../domain/unsafeCharacters'
import { htmlToText, looksLikeHtml } from './htmlToText'
import { repairMojibake } from './repairMojibake'

/** What cleaning did to a value, so an importer can tell the person (as a notice naming row and field). */
export const TEXT_CHANGES = ['html-removed', 'mojibake-repaired', 'mojibake-suspected', 'normalised', 'control-removed', 'ligature-replaced'] as const
export type TextChange = (typeof TEXT_CHANGES)[number]

export const TEXT_CHANGE_DESCRIPTIONS: Record<TextChange, string> = {
  'html-removed': 'HTML markup was turned into plain text',
  'mojibake-repaired': 'garbled characters (UTF-8 read as Windows-1252, e.g. "â€™") were repaired',
  'mojibake-suspected': 'the text looks garbled (characters decoded wrongly or lost) and could not be repaired; check it',
  normalised: 'accents and line ends were normalised (Unicode NFC)',
  'control-removed': 'invisible control or format characters were removed',
  'ligature-replaced': 'ligature characters (e.g. "ﬁ") were replaced by their letters'
}

/** "invisible characters were removed: soft hyphen (U+00AD)" — the one wording every importer's notice uses. */
export function describeRemovedCharacters(removed: readonly string[]): string {
  return `invisible characters were removed: ${removed.join(', ')}`
}

export interface CleanedText {
  readonly text: string
  /** Each kind of change made, once, in the order applied; empty when the value was already clean. */
  readonly changes: readonly TextChange[]
  /**
   * With `control-removed` only: each kind of character removed, e.g. "right-to-left override
   * (U+202E)", so the notice can say what went.
   */
  readonly removed?: readonly string[]
}

export interface CleanOptions {
  /** The value may hold HTML (a feed's description): markup becomes text. */
  readonly html?: boolean
}

/** "ﬁ" and friends, and the private-use code points fonts and PDF extractors put in their place. */
const LIGATURES: Readonly<Record<string, string>> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
  // Apple's private-use fi and fl (Mac OS Roman 0xDE, 0xDF), common in text copied from PDFs.
  '\uF001': 'fi',
  '\uF002': 'fl'
}
const LIGATURE = /[\uFB00-\uFB06\uF001\uF002]/g

/**
 * U+E000, the first private-use code point, stands for "fi" in text extracted from some PDFs: VCDB
 * has "other \uE000nancial related information". Since private-use characters can mean anything,
 * it is read as "fi" only before a lower-case Latin letter, where no symbol would sit.
 */
const PRIVATE_USE_FI = /\uE000(?=[a-z])/g

/**
 * The object replacement character: what rich-text copying leaves where an image was. It is
 * visible, so a person may type it, but in an imported value it only ever means "something was lost".
 */
const OBJECT_REPLACEMENT = /\uFFFC/g

/**
 * Cleans one text value read from an imported file: HTML to text (when asked), mojibake repaired
 * (or flagged when it cannot be repaired with confidence), ligatures spelled out, control and
 * invisible format characters removed (the ones the text schema refuses or drops; ZWJ and ZWNJ
 * that join letters or emoji are kept), line ends made `\n` and the text normalised to NFC. Genuine text in any
 * script passes through unchanged, with no changes reported.
 */
export function cleanImportedText(value: string, options: CleanOptions = {}): CleanedText {
  const changes: TextChange[] = []
  let text = value

  if (options.html === true && looksLikeHtml(text)) {
    const plain = htmlToText(text)
    if (plain !== text) {
      text = plain
      changes.push('html-removed')
    }
  }

  const mojibake = repairMojibake(text)
  if (mojibake.repaired) changes.push('mojibake-repaired')
  // U+FFFD is what a decoder leaves for bytes it could not read: the original text is lost there.
  if (mojibake.suspected || mojibake.text.includes('\uFFFD')) changes.push('mojibake-suspected')
  text = mojibake.text

  const spelled = text.replace(LIGATURE, (ligature) => LIGATURES[ligature] ?? ligature).replace(PRIVATE_USE_FI, 'fi')
  if (spelled !== text) {
    text = spelled
    changes.push('ligature-replaced')
  }

  const lines = text.replace(/\r\n?|[\u2028\u2029]/g, '\n')
  // The characters the text schema refuses or drops (`unsafeCharacters.ts`), so what is imported saves.
  const unsafe = removeUnsafeCharacters(lines)
  const objectReplacements = unsafe.text.match(OBJECT_REPLACEMENT)?.length ?? 0
  const withoutControls = unsafe.text.replace(OBJECT_REPLACEMENT, '')
  const removed = objectReplacements > 0 ? [...unsafe.removed, 'object replacement character (U+FFFC)'] : unsafe.removed
  if (removed.length > 0) changes.push('control-removed')
  const normalised = withoutControls.normalize('NFC')
  if (normalised !== withoutControls || lines !== text) changes.push('normalised')
  text = normalised

  return removed.length > 0 ? { text, changes, removed } : { text, changes }
}
