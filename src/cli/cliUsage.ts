import { EXPORT_FORMATS } from '../shared/interchange/exportFormats'
import { IMPORT_FORMATS } from '../shared/interchange/importReading'

/** Import formats by their command-line names: the app's own, one list for both. */
export const CLI_IMPORT_FORMATS = IMPORT_FORMATS

/** The subcommands of `precedent team`. */
export const TEAM_COMMANDS = ['init', 'push', 'pull', 'conflicts', 'status'] as const
export type TeamCommand = (typeof TEAM_COMMANDS)[number]

export const CLI_USAGE = `precedent — Precedent's command line: validate, import, export and count knowledge-base files,
and share them with a team's PostgreSQL.

Usage:
  precedent validate FILE [--from FORMAT]
      Checks that FILE can be imported (a Precedent bundle unless --from says otherwise).
  precedent import --from FORMAT IN... -o BUNDLE [--type TYPE] [--map FIELD=COLUMN,...] [--set FIELD=VALUE,...] [--mapping FILE]
      Reads IN (files, or a directory for aiid) and writes the records as a Precedent bundle.
      FORMAT: ${CLI_IMPORT_FORMATS.join(', ')}. --type: the record type of a CSV's rows or JSON records (default incident).
      csv and json are mapped by their column (field) names; --map gives a field its column
      (a JSON field by its path, e.g. victim.country), --set gives a field one value for every row,
      --mapping FILE reads a saved mapping. FIELD is a field of the app's CSV export, e.g. title,
      occurredOn, actorId (names).
  precedent export BUNDLE --format FORMAT [--query "..."] [--type TYPE] [--title "..."] -o OUT
      Writes the bundle's records (or those matching the query) as FORMAT: ${EXPORT_FORMATS.join(', ')}.
  precedent stats BUNDLE
      Prints the bundle's record counts as JSON.

Working as a team (URL: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE; the password may be in
PGPASSWORD instead; a host that is not this machine is reached with TLS, sslmode=verify-full):
  precedent team init URL
      Creates the Precedent schema and roles in the database, or upgrades it (run again: nothing changes).
  precedent team push BUNDLE --server URL
      Shares the bundle's records: a record at revision r+1 is an edit of revision r (1: a new record).
      Prints "N accepted, M conflicts, U unchanged, A already pushed" and one line per conflict
      (type, id, title). Pushing the same bundle again creates nothing twice.
  precedent team pull --server URL -o BUNDLE
      Writes the team's current knowledge base as a bundle.
  precedent team conflicts --server URL
      Prints each open conflict as one JSON line (the common version, the server's and the pushed one).
  precedent team status --server URL
      Prints the user, role, schema version, head sequence, records and open conflicts.

Every command takes --lang LANGUAGE (en, zh-CN; default en): the language of its messages and of
the words in its exports (a briefing's headings and dates).

Exit status: 0 on success (a push that met conflicts succeeded: they are kept on the server until
resolved); 1 on bad input or usage, with a one-line message naming the file, row and field, or when
the team's server cannot be reached, refuses the login or the role, or refuses a push.`
