import type { TypedRecord } from '../../shared/domain/recordTypes'
import type { CsvImportType } from '../../shared/interchange/csv/columnMapping'
import { detectImportFormat } from '../../shared/interchange/importers'
import { planImport } from '../../shared/interchange/importPlan'
import { ImportInputError } from '../../shared/interchange/importProblem'
import { IMPORT_FORMAT_LABELS, type ImportFormat } from '../../shared/interchange/importReading'
import type { CliIo } from '../cliIo'
import { readTextFile } from '../bundleFile'
import { describePlanCounts, reportRejections } from './importCommand'
import { readImportFiles, type MappingChoice } from './readImportFiles'

export interface ValidateArguments {
  readonly path: string
  readonly format?: ImportFormat
  readonly csvType?: CsvImportType
  readonly mappingChoice?: MappingChoice
}

/**
 * `precedent validate FILE [--from FORMAT]`: whether FILE imports cleanly. Status 0 when every
 * record would be imported; 1 when the file cannot be read or any row would be rejected (each
 * listed with file, row, field and reason).
 */
export async function validateCommand(io: CliIo, args: ValidateArguments, reference: readonly TypedRecord[]): Promise<number> {
  const format = args.format ?? detectImportFormat([await readTextFile(io, args.path)])
  if (format === undefined) {
    throw new ImportInputError({ file: args.path, message: 'The format was not recognised; name it with --from' })
  }
  const { reading } = await readImportFiles(io, format, [args.path], reference, args.csvType, args.mappingChoice)
  const byId = new Map(reference.map((typed) => [typed.record.id as string, typed]))
  const plan = planImport(reading, { get: (id) => byId.get(id), organisations: [], incidents: [] })
  if (plan.counts.rejected === 0) {
    io.out(`${args.path} is valid ${IMPORT_FORMAT_LABELS[format]}: ${describePlanCounts(plan)}`)
    return 0
  }
  io.err(`precedent: ${args.path} (${IMPORT_FORMAT_LABELS[format]}): ${describePlanCounts(plan)}`)
  reportRejections(io, plan)
  return 1
}
