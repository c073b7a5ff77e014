import { EXPORT_FORMATS } from '../shared/interchange/exportFormats'
import { IMPORT_FORMATS } from '../shared/interchange/importReading'

/** Import formats by their command-line names: the app's own, one list for both. */
export const CLI_IMPORT_FORMATS = IMPORT_FORMATS

export const CLI_USAGE = `precedent — Precedent's command line: validate, import, export and count knowledge-base files.

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

Exit status: 0 on success; 1 on bad input or usage, with a one-line message naming the file, row and field.`
