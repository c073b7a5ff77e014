import type { z } from '@shared/lib/zod'
import type { Message } from '@shared/locale/message'
import { formatIssuePath } from '@shared/domain/bundle'
import { validationProblem } from '@shared/domain/validationProblem'
import { problemText, translateMessage } from '@renderer/i18n'

/** One problem with a record, located by its path in the record (`links[0].organisationId`). */
export interface FieldProblem {
  readonly path: string
  readonly message: string
  /** The problem as a message, when the storage layer gave one: shown in the interface language (`problemText`). */
  readonly problem?: Message
}

/** Comma-separated text as a list, without empty entries. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

/** Text as an optional field: empty (or only spaces) means absent. */
export function optionalText(text: string): string | undefined {
  return text.trim() === '' ? undefined : text.trim()
}

/** One message per form field, the first problem of each; problems no field shows are dropped. */
export function problemsByField<Field extends string>(
  problems: readonly FieldProblem[],
  fieldOfPath: (path: string) => Field | undefined
): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {}
  for (const problem of problems) {
    const field = fieldOfPath(problem.path)
    if (field !== undefined && errors[field] === undefined) errors[field] = problemText(problem)
  }
  return errors
}

// Bookkeeping the writer sets: filled in here so a form can be checked with the record's own schema
// (zod cannot omit fields from a schema with refinements, such as a law's unique provision numbers).
const PLACEHOLDER_BOOKKEEPING = {
  id: 'draft',
  createdAt: '2000-01-01T00:00:00.000Z',
  updatedAt: '2000-01-01T00:00:00.000Z',
  revision: 1
}

/**
 * Validates record input with the record's schema, as the store will, and returns one message per
 * form field, in the interface language (`validationProblem`, from the issue's code and path).
 * Bookkeeping is filled in; problems with it cannot come from the form.
 */
export function validateInput<Field extends string>(
  schema: z.ZodType,
  input: Record<string, unknown>,
  fieldOfPath: (path: string) => Field | undefined
): Partial<Record<Field, string>> {
  const result = schema.safeParse({ ...input, ...PLACEHOLDER_BOOKKEEPING })
  if (result.success) return {}
  return problemsByField(
    result.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: translateMessage(validationProblem(issue)) })),
    fieldOfPath
  )
}

/** The field a path belongs to when field names are the record's top-level keys (`links[0].x` → `links`). */
export function headOfPath(path: string): string {
  return path.split(/[.[]/)[0] ?? ''
}
