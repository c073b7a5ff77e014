import type { ImportLocation, ImportProblem } from '../importProblem'
import { cleanImportedText, describeTextChanges, type CleanOptions, type TextChange } from './cleanImportedText'

/**
 * Changes worth telling a person about. NFC normalisation and line ends are left out: they change
 * no character anyone can see.
 */
const REPORTED_CHANGES: ReadonlySet<TextChange> = new Set(['html-removed', 'mojibake-repaired', 'mojibake-suspected', 'control-removed', 'ligature-replaced'])

/**
 * Cleans one imported value and adds a notice, located at the row and field, for each visible
 * change ("mojibake repaired"), so the dry-run report shows what the importer did to the text.
 * Returns the cleaned text, trimmed.
 */
export function cleanImportedField(value: string, location: ImportLocation, notices: ImportProblem[], options: CleanOptions = {}): string {
  const cleaned = cleanImportedText(value, options)
  const reported = cleaned.changes.filter((change) => REPORTED_CHANGES.has(change))
  if (reported.length > 0) notices.push({ ...location, message: describeTextChanges(reported, cleaned.removed) })
  return cleaned.text.trim()
}
