import { BUNDLE_FORMAT, BUNDLE_VERSION, bundleRecordsOf, parseBundle, type Bundle } from '../../shared/domain/bundle'
import type { TypedRecord } from '../../shared/domain/recordTypes'
import type { CsvImportType } from '../../shared/interchange/csv/columnMapping'
import { planImport, type ImportPlan } from '../../shared/interchange/importPlan'
import { describeImportProblem } from '../../shared/interchange/importProblem'
import type { ImportFormat } from '../../shared/interchange/importReading'
import type { CliIo } from '../cliIo'
import { readImportFiles, type MappingChoice } from './readImportFiles'

export interface ImportArguments {
  readonly format: ImportFormat
  readonly inputs: readonly string[]
  readonly outPath: string
  readonly csvType?: CsvImportType
  readonly mappingChoice?: MappingChoice
}

/** Rejections listed one per line; past this many, the rest are counted. */
const LISTED_PROBLEMS = 20

/** The plan's counts as a person reads them: "1,740 new, 12 duplicates merged, 1 rejected". */
export function describePlanCounts(plan: ImportPlan): string {
  const { counts } = plan
  const parts = [`${counts.new} new`]
  if (counts.duplicate > 0) parts.push(`${counts.duplicate} duplicates merged or skipped`)
  if (counts.update > 0) parts.push(`${counts.update} updates`)
  // The CLI plans against the built-in records only, so "unchanged" means "the same as built in".
  if (counts.unchanged > 0) parts.push(`${counts.unchanged} identical to built-in records`)
  parts.push(`${counts.rejected} rejected`)
  return parts.join(', ')
}

/** Prints each rejection (file, row, field, reason) to stderr, at most LISTED_PROBLEMS of them. */
export function reportRejections(io: CliIo, plan: ImportPlan): void {
  const problems = plan.entries.flatMap((entry) => (entry.action === 'rejected' ? (entry.problems ?? []) : []))
  for (const problem of problems.slice(0, LISTED_PROBLEMS)) io.err(`  rejected: ${describeImportProblem(problem)}`)
  if (problems.length > LISTED_PROBLEMS) io.err(`  … and ${problems.length - LISTED_PROBLEMS} more rejections`)
}

/**
 * `precedent import --from FORMAT IN... -o BUNDLE`: reads the files exactly as the app's Import
 * view does, plans the import against the built-in records, and writes what would be imported as a
 * Precedent bundle. Rows that cannot be imported are listed (file, row, field, reason) and left out.
 */
export async function importCommand(io: CliIo, args: ImportArguments, reference: readonly TypedRecord[]): Promise<void> {
  const { files, reading } = await readImportFiles(io, args.format, args.inputs, reference, args.csvType, args.mappingChoice)
  const byId = new Map(reference.map((typed) => [typed.record.id as string, typed]))
  const plan = planImport(reading, { get: (id) => byId.get(id), organisations: [], incidents: [] })
  // The bundle holds every record the files gave (those identical to built-in records too, so it
  // stands for the whole file); duplicates merged into another record and rejected rows are left out.
  const kept = plan.entries.flatMap((entry) =>
    entry.typed !== undefined && (entry.action === 'new' || entry.action === 'update' || entry.action === 'unchanged') ? [entry.typed] : []
  )
  const names = files.map((file) => file.name).join(', ')
  const bundle = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    id: `precedent-import-${args.format}`,
    revision: 1,
    title: `Imported from ${names}`,
    createdAt: io.now(),
    records: bundleRecordsOf(kept)
  } satisfies Bundle
  // The bundle is checked as any bundle is read, so what this writes the app (and `stats`) will accept.
  const checked = parseBundle(JSON.parse(JSON.stringify(bundle)), new Set(byId.keys()))
  if (!checked.ok) throw new Error(`The imported records do not form a valid bundle: ${checked.problems[0]?.path} ${checked.problems[0]?.message}`)
  await io.writeFile(args.outPath, `${JSON.stringify(bundle, null, 2)}\n`)
  io.err(`Read ${names}: ${describePlanCounts(plan)}; wrote ${kept.length} records to ${args.outPath}`)
  reportRejections(io, plan)
}
