import { parseArgs } from 'node:util'
import { RECORD_TYPES, type RecordType, type TypedRecord } from '../shared/domain/recordTypes'
import { CSV_IMPORT_TYPES, type CsvImportType } from '../shared/interchange/csv/columnMapping'
import { EXPORT_FORMATS, type ExportFormat } from '../shared/interchange/exportFormats'
import { describeImportProblem, ImportInputError } from '../shared/interchange/importProblem'
import type { ImportFormat } from '../shared/interchange/importReading'
import { TeamError } from '../shared/team/teamProtocol'
import { UsageError, type CliIo } from './cliIo'
import { cliLocale, cliTranslator, englishWords, languageAskedFor, type CliTranslator } from './cliTranslator'
import { CLI_IMPORT_FORMATS, cliUsage } from './cliUsage'
import type { MappingChoice } from './commands/readImportFiles'
import { exportCommand } from './commands/exportCommand'
import { importCommand } from './commands/importCommand'
import { statsCommand } from './commands/statsCommand'
import { validateCommand } from './commands/validateCommand'
import { teamConflictsCommand } from './commands/teamConflictsCommand'
import { teamInitCommand } from './commands/teamInitCommand'
import { teamPullCommand } from './commands/teamPullCommand'
import { teamPushCommand } from './commands/teamPushCommand'
import { teamStatusCommand } from './commands/teamStatusCommand'
import { TEAM_COMMANDS, type TeamCommand } from './cliUsage'
import type { TeamAccess } from './teamAccess'

function oneOf<T extends string>(words: CliTranslator, value: string | undefined, allowed: readonly T[], option: string): T | undefined {
  if (value === undefined) return undefined
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(words.t('cli.errors.oneOf', { option, allowed: allowed.join(', '), value }))
}

function required<T>(words: CliTranslator, value: T | undefined, what: string): T {
  if (value === undefined) throw new UsageError(words.t('cli.errors.required', { what }))
  return value
}

function exactlyOne(words: CliTranslator, positionals: readonly string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(words.t('cli.errors.exactlyOne', { what }))
  return positionals[0]!
}

/**
 * Runs one command line and returns its exit status. Every failure the person can fix (bad
 * input, bad usage, the team's server refusing or out of reach) is one line on stderr and status
 * 1; nothing prints a stack trace. `team` reaches the team's PostgreSQL (asked for only by the
 * `team` commands). Messages are in the language `--lang` names (English without it).
 */
export async function runCli(argv: readonly string[], io: CliIo, reference: () => readonly TypedRecord[], team: () => TeamAccess): Promise<number> {
  // Read first, so that even a mistake in the other arguments is told in that language.
  let words = englishWords()
  try {
    words = cliTranslator(cliLocale(languageAskedFor(argv)))
    const [command, ...rest] = argv
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      io.out(cliUsage(words))
      return command === undefined ? 1 : 0
    }
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        from: { type: 'string' },
        format: { type: 'string' },
        query: { type: 'string' },
        type: { type: 'string' },
        title: { type: 'string' },
        out: { type: 'string', short: 'o' },
        map: { type: 'string', multiple: true },
        set: { type: 'string', multiple: true },
        mapping: { type: 'string' },
        server: { type: 'string' },
        lang: { type: 'string' }
      }
    })
    const recordType = oneOf<RecordType>(words, values.type, RECORD_TYPES, '--type')
    const csvImportType = command === 'import' || command === 'validate' ? oneOf<CsvImportType>(words, values.type, CSV_IMPORT_TYPES, '--type') : undefined
    const fromFormat = oneOf<ImportFormat>(words, values.from, CLI_IMPORT_FORMATS, '--from')
    const mappingChoice: MappingChoice = {
      map: values.map ?? [],
      set: values.set ?? [],
      ...(values.mapping === undefined ? {} : { mappingFile: values.mapping })
    }
    const referenceRecords = reference()
    const knownIds = new Set(referenceRecords.map((typed) => typed.record.id as string))
    switch (command) {
      case 'validate':
        return await validateCommand(
          io,
          {
            path: exactlyOne(words, positionals, words.t('cli.what.fileToValidate')),
            ...(fromFormat === undefined ? {} : { format: fromFormat }),
            ...(csvImportType === undefined ? {} : { csvType: csvImportType }),
            mappingChoice,
            words
          },
          referenceRecords
        )
      case 'import':
        if (positionals.length === 0) throw new UsageError(words.t('cli.errors.atLeastOneImport'))
        await importCommand(
          io,
          {
            format: required(words, fromFormat, '--from FORMAT'),
            inputs: positionals,
            outPath: required(words, values.out, '-o BUNDLE'),
            ...(csvImportType === undefined ? {} : { csvType: csvImportType }),
            mappingChoice,
            words
          },
          referenceRecords
        )
        return 0
      case 'export':
        await exportCommand(
          io,
          {
            bundlePath: exactlyOne(words, positionals, words.t('cli.what.bundleToExport')),
            format: required(words, oneOf<ExportFormat>(words, values.format, EXPORT_FORMATS, '--format'), '--format FORMAT'),
            outPath: required(words, values.out, '-o OUT'),
            ...(values.query === undefined ? {} : { query: values.query }),
            ...(values.title === undefined ? {} : { title: values.title }),
            ...(recordType === undefined ? {} : { csvType: recordType }),
            words
          },
          referenceRecords
        )
        return 0
      case 'stats':
        await statsCommand(io, exactlyOne(words, positionals, words.t('cli.what.bundle')), knownIds, words)
        return 0
      case 'team':
        await runTeamCommand(io, team, positionals, values, knownIds, words)
        return 0
      default:
        throw new UsageError(words.t('cli.errors.unknownCommand', { command }))
    }
  } catch (error) {
    io.err(`precedent: ${messageOf(error, words)}`)
    return 1
  }
}

/** `precedent team SUBCOMMAND …`: the team's server named by `--server URL` (`init` takes the URL itself). */
async function runTeamCommand(
  io: CliIo,
  team: () => TeamAccess,
  positionals: readonly string[],
  values: { readonly server?: string | undefined; readonly out?: string | undefined },
  knownIds: ReadonlySet<string>,
  words: CliTranslator
): Promise<void> {
  const [subcommand, ...operands] = positionals
  const command = required(
    words,
    oneOf<TeamCommand>(words, subcommand, TEAM_COMMANDS, words.t('cli.errors.theTeamCommand')),
    words.t('cli.errors.teamCommand', { commands: TEAM_COMMANDS.join(', ') })
  )
  if (command === 'init') {
    // `team init URL`, as the issue writes it; `--server URL` as the other team commands take it works too.
    if (values.server !== undefined && operands.length > 0) throw new UsageError(words.t('cli.errors.serverOnce'))
    return teamInitCommand(io, team(), values.server ?? exactlyOne(words, operands, words.t('cli.what.serverUrl')), words)
  }
  const url = required(words, values.server, '--server URL')
  switch (command) {
    case 'push':
      return teamPushCommand(io, team(), { bundlePath: exactlyOne(words, operands, words.t('cli.what.bundleToPush')), url }, knownIds, words)
    case 'pull':
      if (operands.length > 0) throw new UsageError(words.t('cli.errors.pullNoFile'))
      return teamPullCommand(io, team(), { url, outPath: required(words, values.out, '-o BUNDLE') }, knownIds, words)
    case 'conflicts':
    case 'status':
      if (operands.length > 0) throw new UsageError(words.t('cli.errors.takesNoFile', { command }))
      return command === 'status' ? teamStatusCommand(io, team(), url, words) : teamConflictsCommand(io, team(), url, words)
  }
}

function messageOf(error: unknown, words: CliTranslator): string {
  if (error instanceof TeamError) return describeTeamError(error, words)
  if (error instanceof ImportInputError) return words.translate(describeImportProblem(error.problem))
  if (error instanceof UsageError) return words.t('cli.errors.usage', { message: error.message })
  const code = (error as { code?: unknown } | null)?.code
  // Node's own words (the argument parser's, the file system's): English, as Node writes them.
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) return words.t('cli.errors.usage', { message: (error as Error).message })
  if (typeof code === 'string' && ['ENOENT', 'EACCES', 'EISDIR', 'ENOTDIR', 'EEXIST', 'ENOSPC'].includes(code)) {
    return `${(error as Error).message.split('\n')[0]}`
  }
  return error instanceof Error ? error.message.split('\n')[0]! : String(error)
}

/** A team error as one line; where running `init` is the fix, it says so. */
function describeTeamError(error: TeamError, words: CliTranslator): string {
  const line = error.message.split('\n')[0]!
  if (error.code === 'schema-missing' && !line.includes('precedent team init')) return words.t('cli.errors.runInit', { line })
  return line
}
