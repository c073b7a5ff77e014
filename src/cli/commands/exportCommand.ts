import type { CliTranslator } from '../cliTranslator'
import { bundleRecordsInOrder } from '../../shared/domain/bundle'
import type { RecordType, TypedRecord } from '../../shared/domain/recordTypes'
import { exportRecords, type ExportFormat } from '../../shared/interchange/exportFormats'
import { recordSetOf } from '../../shared/interchange/recordSet'
import { searchRecords } from '../../shared/search/searchRecords'
import { basename } from 'node:path'
import type { CliIo } from '../cliIo'
import { readBundleFile } from '../bundleFile'

export interface ExportArguments {
  readonly bundlePath: string
  readonly format: ExportFormat
  readonly outPath: string
  readonly query?: string
  readonly csvType?: RecordType
  readonly title?: string
  /** The language of the export's words (a briefing's headings, dates): `--lang`. */
  readonly words: CliTranslator
}

/**
 * `precedent export BUNDLE --format F [--query Q] [--lang L] -o OUT`: the bundle's records (or those
 * matching the query, searched as the app searches) in one format; a briefing (DOCX, Markdown,
 * HTML) is written in the language `--lang` names. Built-in records the bundle links to
 * (jurisdictions, the GDPR) are looked up for names but not exported unless selected.
 */
export async function exportCommand(io: CliIo, args: ExportArguments, reference: readonly TypedRecord[]): Promise<void> {
  const bundle = await readBundleFile(io, args.bundlePath, new Set(reference.map((typed) => typed.record.id)))
  const own = bundleRecordsInOrder(bundle.records)
  const matching = args.query === undefined ? own : searchRecords(own, args.query)
  // A CSV is one table of one record type: say how many rows it holds, not how many records matched.
  const csvType = args.csvType ?? matching[0]?.type ?? 'incident'
  const selected = args.format === 'csv' ? matching.filter((typed) => typed.type === csvType) : matching
  const set = recordSetOf(selected, [...reference, ...own])
  const exported = await exportRecords(args.format, set, {
    now: io.now(),
    title: args.title ?? bundle.title ?? basename(args.bundlePath),
    csvType,
    words: args.words
  })
  await io.writeFile(args.outPath, exported.data)
  io.err(args.words.t('cli.export.done', { count: selected.length, total: own.length, out: args.outPath, format: exported.info.label }))
}
