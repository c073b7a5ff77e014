/**
 * Cells a spreadsheet would read as a formula (RELIABILITY-SECURITY 37): `=`, `+`, `-`, `@`, tab,
 * CR and LF at the start. A cell that already starts with `'` is escaped too, so that removing
 * exactly one leading `'` on import gives back exactly what was exported, whatever the text was.
 */
const NEEDS_ESCAPE = /^[=+\-@\t\r\n']/

/** The cell as written to an exported CSV: prefixed with `'` when a spreadsheet could evaluate it. */
export function escapeSpreadsheetCell(text: string): string {
  return NEEDS_ESCAPE.test(text) ? `'${text}` : text
}

/**
 * Undoes `escapeSpreadsheetCell` for a cell of our own export. Never used on foreign files: there a
 * leading `'` may be the author's own text, and a formula is imported as the text it is.
 */
export function unescapeSpreadsheetCell(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text
}
