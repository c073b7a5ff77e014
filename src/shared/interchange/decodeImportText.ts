import { message } from '../locale/message'
import { byteSize, DEFAULT_IMPORT_LIMITS, type ImportLimits } from './importLimits'
import { ImportInputError } from './importProblem'

/**
 * The byte offset of the first byte that does not begin a well-formed UTF-8 sequence (overlong
 * forms, surrogates and code points past U+10FFFF included), or -1 when the bytes are valid.
 * TextDecoder's fatal mode says *that* a file is bad; a person fixing it needs to know *where*.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const lead = bytes[index]!
    if (lead < 0x80) {
      index += 1
      continue
    }
    let length: number
    let min: number
    let max = 0xbf
    if (lead >= 0xc2 && lead <= 0xdf) {
      length = 2
      min = 0x80
    } else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3
      min = lead === 0xe0 ? 0xa0 : 0x80
      if (lead === 0xed) max = 0x9f // U+D800..U+DFFF are surrogates, not characters
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4
      min = lead === 0xf0 ? 0x90 : 0x80
      if (lead === 0xf4) max = 0x8f // nothing past U+10FFFF
    } else {
      return index
    }
    if (index + length > bytes.length) return index
    const second = bytes[index + 1]!
    if (second < min || second > max) return index
    for (let next = index + 2; next < index + length; next += 1) {
      const byte = bytes[next]!
      if (byte < 0x80 || byte > 0xbf) return index
    }
    index += length
  }
  return -1
}

/** Line and column (1-based) of a character offset, for messages about text. */
export function lineAndColumn(text: string, offset: number): { readonly line: number; readonly column: number } {
  let line = 1
  let lineStart = 0
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line += 1
    lineStart = index + 1
  }
  return { line, column: offset - lineStart + 1 }
}

/**
 * Turns the bytes of an imported file into text (RELIABILITY-SECURITY 30, 31): refuses files over
 * the size limit before decoding, decodes strictly as UTF-8 (a bad sequence is refused with its
 * byte offset, never replaced by U+FFFD), drops one byte-order mark, refuses NUL, and makes every
 * line end a single `\n` (CRLF and lone CR included), so row numbers mean the same everywhere.
 *
 * @throws ImportInputError naming the file and what is wrong; nothing was read
 */
export function decodeImportText(bytes: Uint8Array, file: string, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): string {
  if (bytes.length > limits.maxFileBytes) {
    throw new ImportInputError({
      file,
      message: message('importProblems.input.tooLarge', { size: byteSize(bytes.length), limit: byteSize(limits.maxFileBytes) })
    })
  }
  let text: string
  try {
    // ignoreBOM false: the decoder drops one leading BOM, which is what we want.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    const offset = firstInvalidUtf8Offset(bytes)
    throw new ImportInputError({
      file,
      message: message('importProblems.input.notUtf8', { offset })
    })
  }
  const nul = text.indexOf('\u0000')
  if (nul !== -1) {
    const { line, column } = lineAndColumn(text, nul)
    throw new ImportInputError({ file, row: line, message: message('importProblems.input.nul', { line, column }) })
  }
  return text.replace(/\r\n?/g, '\n')
}
