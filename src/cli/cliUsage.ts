import { EXPORT_FORMATS } from '../shared/interchange/exportFormats'
import { IMPORT_FORMATS } from '../shared/interchange/importReading'
import type { CliTranslator } from './cliTranslator'

/** Import formats by their command-line names: the app's own, one list for both. */
export const CLI_IMPORT_FORMATS = IMPORT_FORMATS

/** The subcommands of `precedent team`. */
export const TEAM_COMMANDS = ['init', 'push', 'pull', 'conflicts', 'status'] as const
export type TeamCommand = (typeof TEAM_COMMANDS)[number]

/** The command line's help (`cli.usage` in the catalogues), in the language of `words`. */
export function cliUsage(words: CliTranslator): string {
  return words.t('cli.usage', { importFormats: CLI_IMPORT_FORMATS.join(', '), exportFormats: EXPORT_FORMATS.join(', ') })
}
