/**
 * Where an imported value came from: the file, the row (1-based, as a spreadsheet numbers them, the
 * header being row 1 of a CSV; the position in the array for JSON) and the field.
 */
export interface ImportLocation {
  readonly file: string
  readonly row?: number
  readonly field?: string
}

/** One thing wrong with imported data, located so a person can find and fix it. */
export interface ImportProblem extends ImportLocation {
  readonly message: string
}

/** `incidents.csv, row 12, field "date": Not a date` — the one-line form the app and the CLI show. */
export function describeImportProblem(problem: ImportProblem): string {
  const place = [problem.file]
  if (problem.row !== undefined) place.push(`row ${problem.row}`)
  if (problem.field !== undefined && problem.field !== '') place.push(`field "${problem.field}"`)
  return `${place.join(', ')}: ${problem.message}`
}

/**
 * A file that cannot be read at all (too large, not UTF-8, not JSON, a hostile key). Nothing was
 * read from it, so nothing can be written.
 */
export class ImportInputError extends Error {
  override readonly name = 'ImportInputError'
  constructor(readonly problem: ImportProblem) {
    super(describeImportProblem(problem))
  }
}
