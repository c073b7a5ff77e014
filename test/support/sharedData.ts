import { existsSync, readFileSync } from 'node:fs'
import { relative, resolve } from 'node:path'

/**
 * The one place tests find the real public data sets that sit beside the project at `../shared`
 * (see its README for licences and quirks). `npm test` must also pass in a clone with nothing
 * beside it, so a test that needs one of these files is a full-data test: it asks here whether the
 * file is present and skips with `describe.skipIf(!file.present)` / `it.skipIf(!file.present)`,
 * and it reads the file only inside its tests or a `beforeAll` (a skipped suite's body still runs
 * while Vitest collects it, so a read there would crash collection when the folder is absent).
 * Behaviour that must always be tested uses the fixtures in test/fixtures instead.
 *
 * `PRECEDENT_SHARED_DATA` names another data folder, as it does for `npm run bench`; reference
 * files are always looked for in ../shared/reference.
 */

const repoRoot = resolve(__dirname, '../..')
const dataFolder = resolve(repoRoot, process.env.PRECEDENT_SHARED_DATA ?? '../shared/data')
const referenceFolder = resolve(repoRoot, '../shared/reference')

/** A file (or folder) in ../shared, and whether this clone has it. */
export interface SharedFile {
  /** Absolute path. */
  readonly path: string
  readonly present: boolean
  /** The file's text (UTF-8); only call it from a test or hook that is skipped when absent. */
  text(): string
  /** The file's bytes, for tests that decode them themselves. */
  bytes(): Buffer
  /** The absolute path of a file inside this folder. */
  child(name: string): string
}

const announced = new Set<string>()

function sharedFile(path: string): SharedFile {
  const present = existsSync(path)
  if (!present && !announced.has(path)) {
    announced.add(path)
    console.info(`skipped: ${relative(process.cwd(), path)} not found (full-data test)`)
  }
  return {
    path,
    present,
    text: () => readFileSync(path, 'utf8'),
    bytes: () => readFileSync(path),
    child: (name) => resolve(path, name)
  }
}

/** A real data set's file or folder, by its path in ../shared/data ("vcdb-2013/incidents.json"). */
export function sharedData(pathInData: string): SharedFile {
  return sharedFile(resolve(dataFolder, pathInData))
}

/** A reference file, by its path in ../shared/reference ("seed-facts.md"). */
export function sharedReference(pathInReference: string): SharedFile {
  return sharedFile(resolve(referenceFolder, pathInReference))
}
