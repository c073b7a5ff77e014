import type { TypedRecord } from '../../shared/domain/recordTypes'
import { guessColumnMapping, unmappedRequiredFields, type ColumnMapping, type CsvImportType } from '../../shared/interchange/csv/columnMapping'
import { ImportInputError } from '../../shared/interchange/importProblem'
import type { ImportFormat, ImportReading } from '../../shared/interchange/importReading'
import { readImport, type ImportFile } from '../../shared/interchange/importers'
import { parseCsvTable } from '../../shared/interchange/parseCsvTable'
import type { CliIo } from '../cliIo'
import { readTextFile } from '../bundleFile'

/** The files named on the command line, a directory standing for the files in it. */
async function expandInputs(io: CliIo, inputs: readonly string[]): Promise<string[]> {
  const paths: string[] = []
  for (const input of inputs) paths.push(...((await io.listDirectory(input)) ?? [input]))
  return paths
}

/**
 * Reads the input files in one format, as the app's Import view does. A CSV's columns are mapped
 * by their names (the mapping the app would suggest); a required field no column maps to stops
 * the import with a message naming the file.
 */
export async function readImportFiles(
  io: CliIo,
  format: ImportFormat,
  inputs: readonly string[],
  reference: readonly TypedRecord[],
  csvType: CsvImportType = 'incident'
): Promise<{ readonly files: readonly ImportFile[]; readonly reading: ImportReading }> {
  const files: ImportFile[] = []
  for (const path of await expandInputs(io, inputs)) files.push(await readTextFile(io, path))
  const csvMappings: Record<string, ColumnMapping> = {}
  if (format === 'csv') {
    for (const file of files) {
      const mapping = guessColumnMapping(parseCsvTable(file.text, file.name).headers, csvType)
      const missing = unmappedRequiredFields(mapping)
      if (missing.length > 0) {
        throw new ImportInputError({
          file: file.name,
          row: 1,
          message: `No column maps to ${missing.map((target) => `"${target.label}"`).join(', ')}; rename the column or use --type`
        })
      }
      csvMappings[file.name] = mapping
    }
  }
  const jurisdictionIds = new Set(reference.flatMap((typed) => (typed.type === 'jurisdiction' ? [typed.record.id as string] : [])))
  const reading = readImport(format, files, { importedAt: io.now(), jurisdictionIds, csvMappings })
  return { files, reading }
}
