import { parseArgs } from 'node:util'
import { RECORD_TYPES, type RecordType, type TypedRecord } from '../shared/domain/recordTypes'
import { CSV_IMPORT_TYPES, type CsvImportType } from '../shared/interchange/csv/columnMapping'
import { EXPORT_FORMATS, type ExportFormat } from '../shared/interchange/exportFormats'
import { describeImportProblem, ImportInputError } from '../shared/interchange/importProblem'
import type { ImportFormat } from '../shared/interchange/importReading'
import { TeamError } from '../shared/team/teamProtocol'
import { UsageError, type CliIo } from './cliIo'
import { cliLocale, cliTranslator } from './cliTranslator'
import { CLI_IMPORT_FORMATS, CLI_USAGE } from './cliUsage'
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

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string): T | undefined {
  if (value === undefined) return undefined
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(`${option} must be one of ${allowed.join(', ')} (got "${value}")`)
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new UsageError(`${what} is required`)
  return value
}

function exactlyOne(positionals: readonly string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`Give exactly one ${what}`)
  return positionals[0]!
}

/**
 * Runs one command line and returns its exit status. Every failure the person can fix (bad
 * input, bad usage, the team's server refusing or out of reach) is one line on stderr and status
 * 1; nothing prints a stack trace. `team` reaches the team's PostgreSQL (asked for only by the
 * `team` commands).
 */
export async function runCli(argv: readonly string[], io: CliIo, reference: () => readonly TypedRecord[], team: () => TeamAccess): Promise<number> {
  try {
    const [command, ...rest] = argv
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      io.out(CLI_USAGE)
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
    const recordType = oneOf<RecordType>(values.type, RECORD_TYPES, '--type')
    const csvImportType = command === 'import' || command === 'validate' ? oneOf<CsvImportType>(values.type, CSV_IMPORT_TYPES, '--type') : undefined
    const fromFormat = oneOf<ImportFormat>(values.from, CLI_IMPORT_FORMATS, '--from')
    const mappingChoice: MappingChoice = { map: values.map ?? [], set: values.set ?? [], ...(values.mapping === undefined ? {} : { mappingFile: values.mapping }) }
    // The language of the command's output and exports (--lang zh-CN); English without it.
    const words = cliTranslator(cliLocale(values.lang))
    const referenceRecords = reference()
    const knownIds = new Set(referenceRecords.map((typed) => typed.record.id as string))
    switch (command) {
      case 'validate':
        return await validateCommand(io, {
          path: exactlyOne(positionals, 'file to validate'),
          ...(fromFormat === undefined ? {} : { format: fromFormat }),
          ...(csvImportType === undefined ? {} : { csvType: csvImportType }),
          mappingChoice
        }, referenceRecords)
      case 'import':
        if (positionals.length === 0) throw new UsageError('Give at least one file to import')
        await importCommand(io, {
          format: required(fromFormat, '--from FORMAT'),
          inputs: positionals,
          outPath: required(values.out, '-o BUNDLE'),
          ...(csvImportType === undefined ? {} : { csvType: csvImportType }),
          mappingChoice
        }, referenceRecords)
        return 0
      case 'export':
        await exportCommand(io, {
          bundlePath: exactlyOne(positionals, 'bundle to export'),
          format: required(oneOf<ExportFormat>(values.format, EXPORT_FORMATS, '--format'), '--format FORMAT'),
          outPath: required(values.out, '-o OUT'),
          ...(values.query === undefined ? {} : { query: values.query }),
          ...(values.title === undefined ? {} : { title: values.title }),
          ...(recordType === undefined ? {} : { csvType: recordType }),
          words
        }, referenceRecords)
        return 0
      case 'stats':
        await statsCommand(io, exactlyOne(positionals, 'bundle'), knownIds)
        return 0
      case 'team':
        await runTeamCommand(io, team, positionals, values, knownIds)
        return 0
      default:
        throw new UsageError(`Unknown command "${command}"`)
    }
  } catch (error) {
    io.err(`precedent: ${messageOf(error)}`)
    return 1
  }
}

/** `precedent team SUBCOMMAND …`: the team's server named by `--server URL` (`init` takes the URL itself). */
async function runTeamCommand(
  io: CliIo,
  team: () => TeamAccess,
  positionals: readonly string[],
  values: { readonly server?: string | undefined; readonly out?: string | undefined },
  knownIds: ReadonlySet<string>
): Promise<void> {
  const [subcommand, ...operands] = positionals
  const command = required(oneOf<TeamCommand>(subcommand, TEAM_COMMANDS, 'The team command'), `A team command (${TEAM_COMMANDS.join(', ')})`)
  if (command === 'init') {
    // `team init URL`, as the issue writes it; `--server URL` as the other team commands take it works too.
    if (values.server !== undefined && operands.length > 0) throw new UsageError('Give the server URL once: team init URL')
    return teamInitCommand(io, team(), values.server ?? exactlyOne(operands, 'server URL'))
  }
  const url = required(values.server, '--server URL')
  switch (command) {
    case 'push':
      return teamPushCommand(io, team(), { bundlePath: exactlyOne(operands, 'bundle to push'), url }, knownIds)
    case 'pull':
      if (operands.length > 0) throw new UsageError('team pull takes no file; name the bundle to write with -o BUNDLE')
      return teamPullCommand(io, team(), { url, outPath: required(values.out, '-o BUNDLE') }, knownIds)
    case 'conflicts':
    case 'status':
      if (operands.length > 0) throw new UsageError(`team ${command} takes no file`)
      return command === 'status' ? teamStatusCommand(io, team(), url) : teamConflictsCommand(io, team(), url)
  }
}

function messageOf(error: unknown): string {
  if (error instanceof TeamError) return describeTeamError(error)
  if (error instanceof ImportInputError) return describeImportProblem(error.problem)
  if (error instanceof UsageError) return `${error.message}. See precedent --help`
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) return `${(error as Error).message}. See precedent --help`
  if (typeof code === 'string' && ['ENOENT', 'EACCES', 'EISDIR', 'ENOTDIR', 'EEXIST', 'ENOSPC'].includes(code)) {
    return `${(error as Error).message.split('\n')[0]}`
  }
  return error instanceof Error ? error.message.split('\n')[0]! : String(error)
}

/** A team error as one line; where running `init` is the fix, it says so. */
function describeTeamError(error: TeamError): string {
  const line = error.message.split('\n')[0]!
  if (error.code === 'schema-missing' && !line.includes('precedent team init')) return `${line}; run precedent team init URL first`
  return line
}
