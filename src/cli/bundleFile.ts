import { parseBundle, type Bundle } from '../shared/domain/bundle'
import { decodeImportText } from '../shared/interchange/decodeImportText'
import { DEFAULT_IMPORT_LIMITS } from '../shared/interchange/importLimits'
import { ImportInputError } from '../shared/interchange/importProblem'
import { parseJsonSafely } from '../shared/interchange/parseJsonSafely'
import { basename } from 'node:path'
import { message } from '../shared/locale/message'
import type { CliIo } from './cliIo'

/** Reads a file as text under the import limits (size, strict UTF-8, BOM, NUL, line ends). */
export async function readTextFile(io: CliIo, path: string): Promise<{ readonly name: string; readonly text: string }> {
  const name = basename(path)
  const bytes = await io.readFile(path, DEFAULT_IMPORT_LIMITS.maxFileBytes)
  return { name, text: decodeImportText(bytes, name) }
}

/**
 * Reads and validates a Precedent bundle. Links may point at the built-in records (`knownIds`).
 *
 * @throws ImportInputError naming the file and the first problem's path
 */
export async function readBundleFile(io: CliIo, path: string, knownIds: ReadonlySet<string>): Promise<Bundle> {
  const { name, text } = await readTextFile(io, path)
  const parsed = parseBundle(parseJsonSafely(text, name), knownIds)
  if (!parsed.ok) {
    const [first] = parsed.problems
    const reason = first?.message ?? message('cli.problems.invalidBundle')
    const more = parsed.problems.length - 1
    throw new ImportInputError({ file: name, field: first?.path, message: more > 0 ? message('cli.problems.bundleProblemAndMore', { reason, more }) : reason })
  }
  return parsed.bundle
}
