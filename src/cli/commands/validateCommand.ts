import type { TypedRecord } from '../../shared/domain/recordTypes'
import type { CsvImportType } from '../../shared/interchange/csv/columnMapping'
import { detectImportFormat } from '../../shared/interchange/importers'
import { planImport } from '../../shared/interchange/importPlan'
import { ImportInputError } from '../../shared/interchange/importProblem'
import type { ImportFormat } from '../../shared/interchange/importReading'
import type { CliIo } from '../cliIo'
import type { CliTranslator } from '../cliTranslator'
import { message } from '../../shared/locale/message'
import { readTextFile } from '../bundleFile'
import { describePlanCounts, reportRejections } from './importCommand'
import { readImportFiles, type MappingChoice } from './readImportFiles'

export interface ValidateArguments {
  readonly path: string
  readonly format?: ImportFormat
  readonly csvType?: CsvImportType
  readonly mappingChoice?: MappingChoice
  /** The language of what it prints (`--lang`). */
  readonly words: CliTranslator
}

/**
 * `precedent validate FILE [--from FORMAT]`: whether FILE imports cleanly. Status 0 when every
 * record would be imported; 1 when the file cannot be read or any row would be rejected (each
 * listed with file, row, field and reason).
 */
export async function validateCommand(io: CliIo, args: ValidateArguments, reference: readonly TypedRecord[]): Promise<number> {
  const format = args.format ?? detectImportFormat([await readTextFile(io, args.path)])
  if (format === undefined) {
    throw new ImportInputError({ file: args.path, message: message('cli.problems.formatNotRecognised') })
  }
  const { words } = args
  const { reading } = await readImportFiles(io, format, [args.path], reference, words, args.csvType, args.mappingChoice)
  const byId = new Map(reference.map((typed) => [typed.record.id as string, typed]))
  const plan = planImport(reading, { get: (id) => byId.get(id), organisations: [], incidents: [] })
  if (plan.counts.rejected === 0) {
    io.out(words.t('cli.validate.valid', { path: args.path, format: formatName(words, format), counts: describePlanCounts(plan, words) }))
    return 0
  }
  io.err(words.t('cli.validate.invalid', { path: args.path, format: formatName(words, format), counts: describePlanCounts(plan, words) }))
  reportRejections(io, plan, words)
  return 1
}

/** A format's name in the language of `words` ("Precedent bundle (JSON)"), from the catalogue's table of formats. */
function formatName(words: CliTranslator, format: ImportFormat): string {
  return words.t(`domain.importFormat.${format}`)
}
