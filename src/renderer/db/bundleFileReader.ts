import { BundleTextReader } from '@shared/interchange/bundleTextReader'
import { ImportInputError } from '@shared/interchange/importProblem'
import { message, type MessageValue } from '@shared/locale/message'

/** The first two bytes of every gzip stream (RFC 1952). */
const GZIP_MAGIC = [0x1f, 0x8b] as const

export interface ReadBundleFileOptions {
  readonly signal?: AbortSignal
  /** Called now and then with the bytes of the file read so far and the records parsed. */
  readonly onProgress?: (progress: { readonly bytesRead: number; readonly totalBytes: number; readonly records: number }) => void
}

/** The reading stopped because it was cancelled; nothing was changed. */
export class BundleReadCancelledError extends Error {
  override readonly name = 'BundleReadCancelledError'
  constructor() {
    super('Cancelled: nothing was changed')
  }
}

/** Whether a file starts as gzip does (a `.json.gz` backup), whatever its name says. */
export async function isGzipFile(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer())
  return head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1]
}

/**
 * Whether a file can be a bundle at all: gzip, or JSON text starting with `{` (after a BOM and
 * white space). Checked before a restore takes its safety backup, so a wrong file is refused at once.
 */
export async function looksLikeBundleFile(file: Blob): Promise<boolean> {
  if (await isGzipFile(file)) return true
  const head = new TextDecoder('utf-8', { fatal: false }).decode(await file.slice(0, 1024).arrayBuffer())
  return /^\uFEFF?\s*\{/.test(head)
}

/**
 * Reads a bundle file, plain JSON or gzip-compressed (told by its first bytes), as a stream:
 * decompressed and decoded piece by piece (strict UTF-8; a BOM is dropped) and parsed record by
 * record by {@link BundleTextReader}, so no whole-file string is ever built. Returns the parsed
 * JSON value; the caller validates it with `parseBundle`. Run it in a worker for large files: the
 * parsing is work on the calling thread.
 *
 * @throws ImportInputError naming the file (and record) when it is not UTF-8, not gzip or not JSON
 * @throws BundleReadCancelledError when `signal` is aborted
 */
export async function readBundleFile(file: Blob, fileName: string, options: ReadBundleFileOptions = {}): Promise<unknown> {
  const totalBytes = file.size
  let bytesRead = 0
  const counting = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      bytesRead += chunk.byteLength
      controller.enqueue(chunk)
    }
  })
  let bytes: ReadableStream<Uint8Array> = file.stream().pipeThrough(counting)
  if (await isGzipFile(file)) bytes = bytes.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>)
  const text = bytes.pipeThrough(new TextDecoderStream('utf-8', { fatal: true }) as unknown as TransformStream<Uint8Array, string>)
  const reader = new BundleTextReader(fileName)
  const pieces = text.getReader()
  try {
    for (;;) {
      if (options.signal?.aborted === true) throw new BundleReadCancelledError()
      let next: ReadableStreamReadResult<string>
      try {
        next = await pieces.read()
      } catch (error) {
        throw new ImportInputError({ file: fileName, message: message('importProblems.stream.unreadable', { reason: describeStreamError(error) }) })
      }
      if (next.done) break
      reader.push(next.value)
      options.onProgress?.({ bytesRead, totalBytes, records: reader.recordsRead })
    }
  } catch (error) {
    void pieces.cancel().catch(() => undefined)
    throw error
  }
  const document = reader.finish()
  options.onProgress?.({ bytesRead: totalBytes, totalBytes, records: reader.recordsRead })
  return document
}

function describeStreamError(error: unknown): MessageValue {
  const text = error instanceof Error ? error.message : String(error)
  if (/decod|utf/i.test(text)) return message('importProblems.stream.notUtf8')
  if (/gzip|compress|zlib|header|incorrect|invalid/i.test(text)) return message('importProblems.stream.damaged')
  return text
}
