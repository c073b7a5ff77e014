import { decodeImportText } from '@shared/interchange/decodeImportText'
import type { ImportFile } from '@shared/interchange/importers'
import { DEFAULT_IMPORT_LIMITS, formatByteSize, type ImportLimits } from '@shared/interchange/importLimits'
import { ImportInputError } from '@shared/interchange/importProblem'

/** The part of a browser `File` reading needs (a test can pass a plain object). */
export interface ChosenFile {
  readonly name: string
  readonly size: number
  arrayBuffer(): Promise<ArrayBuffer>
}

/**
 * Reads the chosen files as text (RELIABILITY-SECURITY 30, 31). A file over the size limit is
 * refused from its size alone, before a byte of it is read into memory; the others are decoded
 * strictly by `decodeImportText`.
 *
 * @throws ImportInputError naming the first file that cannot be read and why
 */
export async function readChosenFiles(files: readonly ChosenFile[], limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<ImportFile[]> {
  for (const file of files) {
    if (file.size > limits.maxFileBytes) {
      throw new ImportInputError({
        file: file.name,
        message: `The file is ${formatByteSize(file.size)}; files over ${formatByteSize(limits.maxFileBytes)} are not imported`
      })
    }
  }
  const read: ImportFile[] = []
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer())
    read.push({ name: file.name, text: decodeImportText(bytes, file.name, limits) })
  }
  return read
}
