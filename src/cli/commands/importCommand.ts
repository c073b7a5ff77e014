import { BUNDLE_FORMAT, BUNDLE_VERSION, bundleRecordsOf, parseBundle, type Bundle } from '../../shared/domain/bundle'
import type { TypedRecord } from '../../shared/domain/recordTypes'
import type { CsvImportType } from '../../shared/interchange/csv/columnMapping'
import { planImport, type ImportPlan } from '../../shared/interchange/importPlan'
import { describeImportProblem } from '../../shared/interchange/importProblem'
import type { ImportFormat } from '../../shared/interchange/importReading'
import type { CliIo } from '../cliIo'
import { englishWords, type CliTranslator } from '../cliTranslator'
import { readImportFiles, type MappingChoice } from './readImportFiles'

export interface ImportArguments {
  readonly format: ImportFormat
  readonly inputs: readonly string[]
  readonly outPath: string
  readonly csvType?: CsvImportType
  readonly mappingChoice?: MappingChoice
  /** The language of what it prints (`--lang`). */
  readonly words: CliTranslator
}

/** Rejections listed one per line; past this many, the rest are counted. */
const LISTED_PROBLEMS = 20

/** The plan's counts as a person reads them: "1740 new, 12 duplicates merged or skipped, 1 rejected". */
export function describePlanCounts(plan: ImportPlan, words: CliTranslator = englishWords()): string {
  const { counts } = plan
  const parts = [words.t('cli.counts.new', { count: counts.new })]
  if (counts.duplicate > 0) parts.push(words.t('cli.counts.duplicates', { count: counts.duplicate }))
  if (counts.update > 0) parts.push(words.t('cli.counts.updates', { count: counts.update }))
  // The CLI plans against the built-in records only, so "unchanged" means "the same as built in".
  if (counts.unchanged > 0) parts.push(words.t('cli.counts.unchanged', { count: counts.unchanged }))
  parts.push(words.t('cli.counts.rejected', { count: counts.rejected }))
  return parts.join(words.t('cli.listSeparator'))
}

/** Prints each rejection (file, row, field, reason) to stderr, at most LISTED_PROBLEMS of them. */
export function reportRejections(io: CliIo, plan: ImportPlan, words: CliTranslator = englishWords()): void {
  const problems = plan.entries.flatMap((entry) => (entry.action === 'rejected' ? (entry.problems ?? []) : []))
  for (const problem of problems.slice(0, LISTED_PROBLEMS)) io.err(words.t('cli.import.rejected', { problem: words.translate(describeImportProblem(problem)) }))
  if (problems.length > LISTED_PROBLEMS) io.err(words.t('cli.import.moreRejections', { count: problems.length - LISTED_PROBLEMS }))
}

/**
 * `precedent import --from FORMAT IN... -o BUNDLE`: reads the files exactly as the app's Import
 * view does, plans the import against the built-in records, and writes what would be imported as a
 * Precedent bundle. Rows that cannot be imported are listed (file, row, field, reason) and left out.
 */
export async function importCommand(io: CliIo, args: ImportArguments, reference: readonly TypedRecord[]): Promise<void> {
  const { words } = args
  const { files, reading } = await readImportFiles(io, args.format, args.inputs, reference, words, args.csvType, args.mappingChoice)
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
  if (!checked.ok) {
    const [first] = checked.problems
    throw new Error(words.t('cli.errors.notABundle', { path: first?.path ?? '', reason: first === undefined ? '' : words.translate(first.message) }))
  }
  await io.writeFile(args.outPath, `${JSON.stringify(bundle, null, 2)}\n`)
  io.err(words.t('cli.import.done', { names, counts: describePlanCounts(plan, words), count: kept.length, out: args.outPath }))
  reportRejections(io, plan, words)
}
