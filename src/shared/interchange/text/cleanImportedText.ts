import { removedCharacter, removeUnsafeCharacters } from '../../domain/unsafeCharacters'
import { message, messageList, type Message } from '../../locale/message'
import { htmlToText, looksLikeHtml } from './htmlToText'
import { repairMojibake } from './repairMojibake'

/** What cleaning did to a value, so an importer can tell the person (as a notice naming row and field). */
export const TEXT_CHANGES = ['html-removed', 'mojibake-repaired', 'mojibake-suspected', 'normalised', 'control-removed', 'ligature-replaced'] as const
export type TextChange = (typeof TEXT_CHANGES)[number]

/**
 * What a change did, in words (`importProblems.text.<change>`): `.start` begins a sentence ("HTML
 * markup was turned into plain text"), `.within` follows another ("…; garbled characters (…) were
 * repaired"). Chinese writes both alike; English capitalises the first.
 */
const TEXT_CHANGE_WORDS: Record<TextChange, { readonly start: Message; readonly within: Message }> = {
  'html-removed': { start: message('importProblems.text.htmlRemoved.start'), within: message('importProblems.text.htmlRemoved.within') },
  'mojibake-repaired': { start: message('importProblems.text.mojibakeRepaired.start'), within: message('importProblems.text.mojibakeRepaired.within') },
  'mojibake-suspected': { start: message('importProblems.text.mojibakeSuspected.start'), within: message('importProblems.text.mojibakeSuspected.within') },
  normalised: { start: message('importProblems.text.normalised.start'), within: message('importProblems.text.normalised.within') },
  'control-removed': { start: message('importProblems.text.controlRemoved.start'), within: message('importProblems.text.controlRemoved.within') },
  'ligature-replaced': { start: message('importProblems.text.ligatureReplaced.start'), within: message('importProblems.text.ligatureReplaced.within') }
}

/** "invisible characters were removed: soft hyphen (U+00AD)" — the one wording every importer's notice uses. */
function removedCharactersWords(removed: readonly Message[], position: 'start' | 'within'): Message {
  const characters = messageList(removed, 'comma')
  return position === 'start'
    ? message('importProblems.text.removedCharacters.start', { characters })
    : message('importProblems.text.removedCharacters.within', { characters })
}

/**
 * The changes made to a value as one sentence, joined by semicolons, the first starting it: "HTML
 * markup was turned into plain text; invisible characters were removed: soft hyphen (U+00AD)".
 * `removed` (what `cleanImportedText` took out) names the characters of a `control-removed`;
 * `start: false` when the sentence continues another ("The text was changed: html markup…").
 */
export function describeTextChanges(changes: readonly TextChange[], removed?: readonly Message[], options: { readonly start?: boolean } = {}): Message {
  const words = changes.map((change, index) => {
    const position = index === 0 && options.start !== false ? 'start' : 'within'
    return change === 'control-removed' && removed !== undefined && removed.length > 0
      ? removedCharactersWords(removed, position)
      : TEXT_CHANGE_WORDS[change][position]
  })
  return messageList(words, 'semicolon') as Message
}

/** "Invisible characters were removed: …" on its own, as a notice. */
export function describeRemovedCharacters(removed: readonly Message[]): Message {
  return removedCharactersWords(removed, 'start')
}

export interface CleanedText {
  readonly text: string
  /** Each kind of change made, once, in the order applied; empty when the value was already clean. */
  readonly changes: readonly TextChange[]
  /**
   * With `control-removed` only: each kind of character removed, e.g. "right-to-left override
   * (U+202E)", so the notice can say what went.
   */
  readonly removed?: readonly Message[]
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
  const removed = objectReplacements > 0 ? [...unsafe.removed, removedCharacter('objectReplacement', 0xfffc)] : unsafe.removed
  if (removed.length > 0) changes.push('control-removed')
  const normalised = withoutControls.normalize('NFC')
  if (normalised !== withoutControls || lines !== text) changes.push('normalised')
  text = normalised

  return removed.length > 0 ? { text, changes, removed } : { text, changes }
}
