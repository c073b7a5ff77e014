import { message, messageInCodes, type Message } from '../locale/message'

/**
 * Where an imported value came from: the file, the row (1-based, as a spreadsheet numbers them, the
 * header being row 1 of a CSV; the position in the array for JSON) and the field.
 */
export interface ImportLocation {
  readonly file: string
  readonly row?: number
  readonly field?: string
}

/**
 * One thing wrong with imported data, located so a person can find and fix it. The reason is a
 * `Message` (a key of `src/locales/<language>/importProblems.json` and its values): the page and the
 * command line put it into the reader's language.
 */
export interface ImportProblem extends ImportLocation {
  readonly message: Message
}

/**
 * `incidents.csv, row 12, field "date": Not a date` — the one-line form the app and the CLI show,
 * as a message: the file, row and field are its values, the reason a message inside it.
 */
export function describeImportProblem(problem: ImportProblem): Message {
  const { file, row, message: reason } = problem
  const field = problem.field === '' ? undefined : problem.field
  if (row !== undefined && field !== undefined) return message('importProblems.at.fileRowField', { file, row, field, reason })
  if (row !== undefined) return message('importProblems.at.fileRow', { file, row, reason })
  if (field !== undefined) return message('importProblems.at.fileField', { file, field, reason })
  return message('importProblems.at.file', { file, reason })
}

/**
 * A file that cannot be read at all (too large, not UTF-8, not JSON, a hostile key). Nothing was
 * read from it, so nothing can be written. The edges show `problem` in words; the error's own
 * message is its codes, for logs.
 */
export class ImportInputError extends Error {
  override readonly name = 'ImportInputError'
  constructor(readonly problem: ImportProblem) {
    super(messageInCodes(describeImportProblem(problem)))
  }
}
