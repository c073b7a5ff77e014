import { firstInvalidUtf8Offset, lineAndColumn } from '@shared/interchange/decodeImportText'
import { byteSize, DEFAULT_IMPORT_LIMITS, type ImportLimits } from '@shared/interchange/importLimits'
import { ImportInputError } from '@shared/interchange/importProblem'
import { message } from '@shared/locale/message'

/** The part of a browser `File` reading needs (a test can pass a plain object). */
export interface ChosenFile {
  readonly name: string
  readonly size: number
  stream?(): ReadableStream<Uint8Array>
  arrayBuffer(): Promise<ArrayBuffer>
}

/**
 * The app's limits. The fixed 64 MB of the command line's defaults is lifted to 1 GB: the files are
 * read as streams in a worker, so the page never holds them, and what bounds an import is memory
 * and disk, checked against the storage estimate before reading (`shortOfRoomFor`). One string in
 * V8 holds at most 2^29 - 24 characters (about 512 MB of ASCII); a larger file is refused by name.
 */
export const APP_IMPORT_LIMITS: ImportLimits = { ...DEFAULT_IMPORT_LIMITS, maxFileBytes: 1024 * 1024 * 1024, maxRows: 2_000_000 }

/** Refuses, from sizes alone and before a byte is read, any file over the limit. */
export function assertFileSizes(files: readonly Pick<ChosenFile, 'name' | 'size'>[], limits: ImportLimits = APP_IMPORT_LIMITS): void {
  for (const file of files) {
    if (file.size > limits.maxFileBytes) {
      throw new ImportInputError({
        file: file.name,
        message: message('importProblems.input.tooLarge', { size: byteSize(file.size), limit: byteSize(limits.maxFileBytes) })
      })
    }
  }
}

async function* chunksOf(file: ChosenFile): AsyncGenerator<Uint8Array> {
  if (typeof file.stream !== 'function') {
    yield new Uint8Array(await file.arrayBuffer())
    return
  }
  const reader = file.stream().getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      yield value
    }
  } finally {
    reader.releaseLock()
  }
}

/**
 * Reads a file as text the way `decodeImportText` does (RELIABILITY-SECURITY 30, 31), but as a
 * stream, so the whole file is never held as bytes and text at once: strict UTF-8 (a bad sequence
 * is refused with its byte offset), one BOM dropped, NUL refused with its line and column, every
 * line end made `\n`. `onBytes` is told how many bytes have been read, for a progress bar.
 *
 * @throws ImportInputError naming the file and what is wrong
 */
export async function readImportFileText(file: ChosenFile, onBytes?: (read: number) => void, limits: ImportLimits = APP_IMPORT_LIMITS): Promise<string> {
  assertFileSizes([file], limits)
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
  const pieces: string[] = []
  let bytesRead = 0
  // The bytes at the end of the previous chunk that begin a character it did not finish.
  let held: Uint8Array = new Uint8Array(0)
  let heldCarriageReturn = false
  let line = 1
  let lineStartOffset = 0 // characters of text before the current line began
  let textLength = 0
  const invalid = (chunk: Uint8Array): ImportInputError => {
    const joined = new Uint8Array(held.length + chunk.length)
    joined.set(held)
    joined.set(chunk, held.length)
    const local = firstInvalidUtf8Offset(joined)
    const offset = bytesRead - chunk.length - held.length + (local === -1 ? joined.length : local)
    return new ImportInputError({
      file: file.name,
      message: message('importProblems.input.notUtf8', { offset })
    })
  }
  const accept = (decoded: string, isLast: boolean): void => {
    let text = (heldCarriageReturn ? '\r' : '') + decoded
    heldCarriageReturn = !isLast && text.endsWith('\r')
    if (heldCarriageReturn) text = text.slice(0, -1)
    text = text.replace(/\r\n?/g, '\n')
    const nul = text.indexOf('\u0000')
    if (nul !== -1) {
      const within = lineAndColumn(text, nul)
      const nulLine = line + within.line - 1
      const column = within.line === 1 ? textLength - lineStartOffset + within.column : within.column
      throw new ImportInputError({ file: file.name, row: nulLine, message: message('importProblems.input.nul', { line: nulLine, column }) })
    }
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
      line += 1
      lineStartOffset = textLength + index + 1
    }
    textLength += text.length
    if (text !== '') pieces.push(text)
  }
  for await (const chunk of chunksOf(file)) {
    bytesRead += chunk.length
    if (bytesRead > limits.maxFileBytes) assertFileSizes([{ name: file.name, size: bytesRead }], limits)
    let decoded: string
    try {
      decoded = decoder.decode(chunk, { stream: true })
    } catch {
      throw invalid(chunk)
    }
    accept(decoded, false)
    held = unfinishedTail(held, chunk)
    onBytes?.(bytesRead)
  }
  let rest: string
  try {
    rest = decoder.decode()
  } catch {
    throw invalid(new Uint8Array(0))
  }
  accept(rest, true)
  try {
    return pieces.join('')
  } catch {
    throw new ImportInputError({ file: file.name, message: message('importProblems.input.tooMuchText', { size: byteSize(bytesRead) }) })
  }
}

// The bytes after the last whole character of `held + chunk` (at most 3): what the decoder is holding.
function unfinishedTail(held: Uint8Array, chunk: Uint8Array): Uint8Array {
  const joined = held.length === 0 ? chunk : new Uint8Array([...held, ...chunk.subarray(Math.max(0, chunk.length - 3))])
  for (let back = 1; back <= Math.min(3, joined.length); back += 1) {
    const byte = joined[joined.length - back]!
    if ((byte & 0xc0) === 0x80) continue // a continuation byte: look further back for its lead
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1
    return needed > back ? joined.slice(joined.length - back) : new Uint8Array(0)
  }
  return new Uint8Array(0)
}
