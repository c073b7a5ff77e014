/**
 * Mojibake is UTF-8 that was decoded as Windows-1252 (or Latin-1) somewhere upstream: "’" became
 * "â€™", "é" became "Ã©". Undoing it means turning each character back into the byte Windows-1252
 * gave it and decoding those bytes as UTF-8. Doing that blindly would damage genuine text ("CAFÉ”"
 * also re-encodes to valid UTF-8), so a sequence is repaired only when it shows a mark that
 * genuine text does not have; everything else is left exactly as it was.
 */

/** Windows-1252's characters for bytes 0x80–0x9F (the five bytes it leaves undefined are absent). */
const WINDOWS_1252_HIGH: Readonly<Record<number, number>> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f
}

/**
 * The byte ≥ 0x80 a character stood for when UTF-8 was misread as Windows-1252, or undefined.
 * C1 controls (U+0080–U+009F) map to themselves: that is how the bytes Windows-1252 leaves
 * undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) come through, as in "â€\u009d" for "”".
 */
function misreadByte(codePoint: number): number | undefined {
  if (codePoint >= 0x80 && codePoint <= 0xff) return codePoint
  return WINDOWS_1252_HIGH[codePoint]
}

/** Characters that stand for a UTF-8 continuation byte (0x80–0xBF) once misread. */
const CONTINUATION_CHARS =
  '\\u0080-\\u00BF\\u20AC\\u201A\\u0192\\u201E\\u2026\\u2020\\u2021\\u02C6\\u2030\\u0160\\u2039\\u0152\\u017D\\u2018\\u2019\\u201C\\u201D\\u2022\\u2013\\u2014\\u02DC\\u2122\\u0161\\u203A\\u0153\\u017E\\u0178'

/**
 * Marks genuine text does not have, alone: a C1 control; "Â"/"Ã" (the lead bytes of Latin-1
 * letters and symbols) followed by a misread continuation byte; "â€", "â‚" or "â„" followed by
 * one (quotes, dashes, "€", "™": E2 80, E2 82, E2 84); "ðŸ" and two more (emoji: F0 9F).
 */
const STRONG = `[\\u0080-\\u009F]|[\\u00C2\\u00C3][${CONTINUATION_CHARS}]|\\u00E2[\\u20AC\\u201A\\u201E][${CONTINUATION_CHARS}]|\\u00F0\\u0178[${CONTINUATION_CHARS}]{2}`

/**
 * Marks that count only two in a row: a misread Greek, Cyrillic, Hebrew or Arabic letter (lead
 * bytes CE–DB, a single one could be "Ñš" in a list of names) and a misread kana or ideograph
 * (lead bytes E3–E9, a single one could be "é…»"). Words in those scripts are rarely one letter.
 */
const WEAK_LETTER = `[\\u00CE\\u00CF\\u00D0\\u00D1\\u00D7\\u00D8\\u00D9\\u00DA\\u00DB][${CONTINUATION_CHARS}]`
const WEAK_IDEOGRAPH = `[\\u00E3-\\u00E9][${CONTINUATION_CHARS}]{2}`

const TELLTALE = new RegExp(`${STRONG}|(?:${WEAK_LETTER}){2,}|(?:${WEAK_IDEOGRAPH}){2,}`, 'g')
const STRONG_ONLY = new RegExp(STRONG)
const WEAK_LETTER_ONLY = new RegExp(`^${WEAK_LETTER}$`)
const WEAK_IDEOGRAPH_ONLY = new RegExp(`^${WEAK_IDEOGRAPH}$`)

/** How many telltale marks of mojibake the text carries. */
export function countMojibakeMarks(text: string): number {
  return text.match(TELLTALE)?.length ?? 0
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2
  if (lead >= 0xe0 && lead <= 0xef) return 3
  if (lead >= 0xf0 && lead <= 0xf4) return 4
  return 0
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

function decodeUtf8(bytes: readonly number[]): string | undefined {
  try {
    return strictUtf8.decode(Uint8Array.from(bytes))
  } catch {
    return undefined
  }
}

/** One decodable multi-byte sequence found inside a run of misread characters. */
interface Sequence {
  readonly original: string
  readonly decoded: string
}

/** Whether a decoded sequence should replace the original: a strong mark, or a weak one beside another of its kind. */
function shouldRepair(sequence: Sequence, neighbours: readonly (Piece | undefined)[]): boolean {
  if (STRONG_ONLY.test(sequence.original)) return true
  for (const weak of [WEAK_LETTER_ONLY, WEAK_IDEOGRAPH_ONLY]) {
    if (weak.test(sequence.original)) {
      return neighbours.some((neighbour) => neighbour !== undefined && typeof neighbour !== 'string' && weak.test(neighbour.original))
    }
  }
  return false
}

type Piece = string | Sequence

/** Splits a run of misread characters into decodable sequences and characters left as they are. */
function splitRun(chars: readonly string[], bytes: readonly number[]): Piece[] {
  const pieces: Piece[] = []
  let index = 0
  while (index < chars.length) {
    const length = sequenceLength(bytes[index]!)
    if (length > 0 && index + length <= chars.length) {
      const decoded = decodeUtf8(bytes.slice(index, index + length))
      if (decoded !== undefined) {
        pieces.push({ original: chars.slice(index, index + length).join(''), decoded })
        index += length
        continue
      }
    }
    pieces.push(chars[index]!)
    index += 1
  }
  return pieces
}

function repairRun(chars: readonly string[], bytes: readonly number[]): string {
  const pieces = splitRun(chars, bytes)
  return pieces
    .map((piece, index) => {
      if (typeof piece === 'string') return piece
      return shouldRepair(piece, [pieces[index - 1], pieces[index + 1]]) ? piece.decoded : piece.original
    })
    .join('')
}

/**
 * A lost lead byte: "\u0080\u009c" is "“" (E2 80 9C) whose first byte was dropped upstream. Only
 * U+0080 followed by a continuation byte is taken this way; U+0080 never starts genuine text.
 */
const LOST_PUNCTUATION_LEAD = /\u0080([\u0080-\u00BF])/g

function repairOnce(text: string): string {
  let result = ''
  let runChars: string[] = []
  let runBytes: number[] = []
  const flush = () => {
    if (runChars.length > 0) result += repairRun(runChars, runBytes)
    runChars = []
    runBytes = []
  }
  for (const char of text) {
    const byte = misreadByte(char.codePointAt(0)!)
    if (byte === undefined) {
      flush()
      result += char
    } else {
      runChars.push(char)
      runBytes.push(byte)
    }
  }
  flush()
  return result.replace(LOST_PUNCTUATION_LEAD, (whole, continuation: string) => decodeUtf8([0xe2, 0x80, continuation.charCodeAt(0)]) ?? whole)
}

export interface MojibakeRepair {
  readonly text: string
  /** Some sequences were decoded back to what they were written as. */
  readonly repaired: boolean
  /** Telltale marks remain that could not be repaired. */
  readonly suspected: boolean
}

/**
 * Repairs mojibake where it is certain and reports what remains. Text misread twice
 * ("Ã¢â‚¬â„¢") is repaired in two passes; a pass is kept only if it leaves no more marks than before.
 */
export function repairMojibake(text: string): MojibakeRepair {
  let current = text
  let marks = countMojibakeMarks(current)
  if (marks === 0) return { text, repaired: false, suspected: false }
  for (let pass = 0; pass < 3; pass += 1) {
    const next = repairOnce(current)
    const nextMarks = countMojibakeMarks(next)
    if (next === current || nextMarks > marks) break
    current = next
    marks = nextMarks
  }
  return { text: current, repaired: current !== text, suspected: marks > 0 }
}
