import type { TypedRecord } from '../../shared/domain/recordTypes'
import {
  guessColumnMapping,
  mappingProblems,
  mappingUnusable,
  targetNamed,
  unmappedRequiredFields,
  type ColumnMapping,
  type CsvImportType
} from '../../shared/interchange/csv/columnMapping'
import { ImportInputError } from '../../shared/interchange/importProblem'
import type { ImportFormat, ImportReading } from '../../shared/interchange/importReading'
import { mappingTableOf, needsColumnMapping, readImport, type ImportFile } from '../../shared/interchange/importers'
import { parseJsonSafely } from '../../shared/interchange/parseJsonSafely'
import { UsageError, type CliIo } from '../cliIo'
import { readTextFile } from '../bundleFile'
import type { CliTranslator } from '../cliTranslator'
import { message, messageList } from '../../shared/locale/message'

/** The files named on the command line, a directory standing for the files in it. */
async function expandInputs(io: CliIo, inputs: readonly string[]): Promise<string[]> {
  const paths: string[] = []
  for (const input of inputs) paths.push(...((await io.listDirectory(input)) ?? [input]))
  return paths
}

/**
 * How the command line is told to map a CSV's columns or a JSON file's fields, beyond the guess:
 * `--map FIELD=COLUMN` (repeatable, or comma-separated), `--set FIELD=VALUE` (a value for every
 * row) and `--mapping FILE` (a mapping saved as JSON, the shape the app remembers). FIELD is a
 * field's key in the mapping step (`title`, `occurredOn`) or its column in the app's CSV export
 * (`actorId (names)`).
 */
export interface MappingChoice {
  readonly map: readonly string[]
  readonly set: readonly string[]
  readonly mappingFile?: string
}

/** `a=b,c=d` and repeated options alike, as [field, value] pairs; a value may hold `=` but not `,`. */
function pairsOf(words: CliTranslator, option: string, values: readonly string[]): [string, string][] {
  return values
    .flatMap((value) => value.split(','))
    .filter((pair) => pair.trim() !== '')
    .map((pair) => {
      const at = pair.indexOf('=')
      if (at <= 0) throw new UsageError(words.t('cli.errors.pair', { option, pair }))
      return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()]
    })
}

/** The mapping for one file: the saved one, or the guess from its columns, then `--map` and `--set` on top. */
async function mappingFor(
  io: CliIo,
  words: CliTranslator,
  headers: readonly string[],
  file: string,
  csvType: CsvImportType,
  choice: MappingChoice | undefined
): Promise<ColumnMapping> {
  let mapping = guessColumnMapping(headers, csvType)
  if (choice?.mappingFile !== undefined) {
    const saved = parseJsonSafely(new TextDecoder().decode(await io.readFile(choice.mappingFile, 1024 * 1024)), choice.mappingFile) as Partial<
      Extract<ColumnMapping, { layout: 'columns' }>
    > | null
    if (typeof saved !== 'object' || saved === null || saved.layout !== 'columns' || typeof saved.columns !== 'object' || saved.columns === null) {
      throw new ImportInputError({ file: choice.mappingFile, message: message('cli.problems.mappingFile') })
    }
    const unknown = Object.keys(saved.columns).filter((column) => !headers.includes(column))
    if (unknown.length > 0)
      throw new ImportInputError({
        file: choice.mappingFile,
        message: message('cli.problems.unknownColumns', { file, columns: unknown.map((column) => `"${column}"`).join(', ') })
      })
    mapping = {
      layout: 'columns',
      recordType: saved.recordType ?? csvType,
      columns: { ...Object.fromEntries(headers.map((header) => [header, null])), ...saved.columns },
      ...(saved.constants === undefined ? {} : { constants: saved.constants })
    }
  }
  if (mapping.layout !== 'columns' || (choice?.map.length ?? 0) + (choice?.set.length ?? 0) === 0) return mapping
  const type = mapping.recordType
  const columns: Record<string, string | null> = { ...mapping.columns }
  for (const [field, column] of pairsOf(words, '--map', choice?.map ?? [])) {
    const target = targetNamed(type, field)
    if (target === undefined) throw new UsageError(words.t('cli.errors.notAField', { option: '--map', field, type }))
    if (!headers.includes(column)) throw new ImportInputError({ file, message: message('cli.problems.noSuchColumn', { field, column }) })
    // A field given by --map is given by that column only.
    if (!target.repeatable) for (const [header, key] of Object.entries(columns)) if (key === target.key) columns[header] = null
    columns[column] = target.key
  }
  const constants: Record<string, string> = { ...mapping.constants }
  for (const [field, value] of pairsOf(words, '--set', choice?.set ?? [])) {
    const target = targetNamed(type, field)
    if (target === undefined) throw new UsageError(words.t('cli.errors.notAField', { option: '--set', field, type }))
    if (!target.repeatable) for (const [header, key] of Object.entries(columns)) if (key === target.key) columns[header] = null
    constants[target.key] = value
  }
  return { layout: 'columns', recordType: type, columns, ...(Object.keys(constants).length === 0 ? {} : { constants }) }
}

/**
 * Reads the input files in one format, as the app's Import view does. A CSV's columns (a JSON
 * file's fields) are mapped by their names (the mapping the app would suggest), changed by
 * `--mapping`, `--map` and `--set`; a mapping that cannot be used stops the import with a message
 * naming the file.
 */
export async function readImportFiles(
  io: CliIo,
  format: ImportFormat,
  inputs: readonly string[],
  reference: readonly TypedRecord[],
  words: CliTranslator,
  csvType: CsvImportType = 'incident',
  mappingChoice?: MappingChoice
): Promise<{ readonly files: readonly ImportFile[]; readonly reading: ImportReading }> {
  const files: ImportFile[] = []
  for (const path of await expandInputs(io, inputs)) files.push(await readTextFile(io, path))
  const csvMappings: Record<string, ColumnMapping> = {}
  if (needsColumnMapping(format)) {
    for (const file of files) {
      const mapping = await mappingFor(io, words, mappingTableOf(format, file).headers, file.name, csvType, mappingChoice)
      const missing = unmappedRequiredFields(mapping)
      if (missing.length > 0) {
        throw new ImportInputError({
          file: file.name,
          row: 1,
          message: message('cli.problems.noColumnFor', {
            fields: messageList(
              missing.map((target) => message('cli.quoted', { text: target.label })),
              'comma'
            )
          })
        })
      }
      const problems = mappingProblems(mapping)
      if (problems.length > 0) throw new ImportInputError({ file: file.name, message: mappingUnusable(problems) })
      csvMappings[file.name] = mapping
    }
  } else if (mappingChoice !== undefined && (mappingChoice.map.length > 0 || mappingChoice.set.length > 0 || mappingChoice.mappingFile !== undefined)) {
    throw new UsageError(words.t('cli.errors.onlyMapped', { format }))
  }
  const jurisdictionIds = new Set(reference.flatMap((typed) => (typed.type === 'jurisdiction' ? [typed.record.id as string] : [])))
  const reading = readImport(format, files, { importedAt: io.now(), jurisdictionIds, csvMappings })
  return { files, reading }
}
