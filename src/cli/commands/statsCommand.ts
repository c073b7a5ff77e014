import { BUNDLE_COLLECTION } from '../../shared/domain/bundle'
import { RECORD_TYPES } from '../../shared/domain/recordTypes'
import type { CliIo } from '../cliIo'
import type { CliTranslator } from '../cliTranslator'
import { readBundleFile } from '../bundleFile'

/**
 * `precedent stats BUNDLE`: the bundle's record counts as one JSON object on stdout. The JSON is data,
 * the same in every language; `words` is taken for the interface every command has (its errors are
 * put into words by `runCli`).
 */
export async function statsCommand(io: CliIo, bundlePath: string, knownIds: ReadonlySet<string>, _words?: CliTranslator): Promise<void> {
  const bundle = await readBundleFile(io, bundlePath, knownIds)
  const records = Object.fromEntries(RECORD_TYPES.map((type) => [BUNDLE_COLLECTION[type], bundle.records[BUNDLE_COLLECTION[type]].length]))
  const total = Object.values(records).reduce((sum, count) => sum + count, 0)
  io.out(JSON.stringify({ id: bundle.id, revision: bundle.revision, records, total }))
}
