import { cliTranslator } from '../../src/cli/cliTranslator'
import { describeImportProblem, ImportInputError, type ImportProblem } from '../../src/shared/interchange/importProblem'
import { formatPartialDate } from '../../src/shared/domain/partialDate'
import { isMessage, type MessageValue } from '../../src/shared/locale/message'

/*
 * Messages composed in shared code, put into words as the edges put them (the command line's
 * translator over the same catalogues as the page), so tests can say what a person reads.
 */
const english = cliTranslator('en')
const chinese = cliTranslator('zh-CN')

/** A message (or a plain value) in English. */
export function inEnglish(value: MessageValue): string {
  return isMessage(value) ? english.translate(value) : typeof value === 'object' ? formatPartialDate(value.date, english.dateWords) : String(value)
}

/** A message (or a plain value) in Chinese. */
export function inChinese(value: MessageValue): string {
  return isMessage(value) ? chinese.translate(value) : typeof value === 'object' ? formatPartialDate(value.date, chinese.dateWords) : String(value)
}

/** `incidents.csv, row 12, field "date": Not a date`, in English, as the app and the command line show it. */
export function describedInEnglish(problem: ImportProblem): string {
  return inEnglish(describeImportProblem(problem))
}

/** The same in Chinese. */
export function describedInChinese(problem: ImportProblem): string {
  return inChinese(describeImportProblem(problem))
}

/** An import problem with its reason in English, to compare whole problems. */
export function withReasonInEnglish<P extends { readonly message: MessageValue }>(problem: P): Omit<P, 'message'> & { readonly message: string } {
  return { ...problem, message: inEnglish(problem.message) }
}

/**
 * What `run` throws, as a person reads it in English: an `ImportInputError` as its located problem,
 * an error carrying its `reason` as a message by that, any other error by its message. Fails when nothing is thrown.
 */
export function thrownInEnglish(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    if (error instanceof ImportInputError) return describedInEnglish(error.problem)
    // A cell's refusal (CsvCellError) and the storage layer's errors carry their reason as a message.
    const reason = typeof error === 'object' && error !== null ? (error as { reason?: unknown }).reason : undefined
    if (isMessage(reason)) return inEnglish(reason)
    return error instanceof Error ? error.message : String(error)
  }
  throw new Error('Nothing was thrown')
}

/** The value with every message inside it (a result's `reason`, a date's `notes`) put into English. */
export function inEnglishThroughout<T>(value: T): unknown {
  if (isMessage(value)) return inEnglish(value)
  if (Array.isArray(value)) return value.map((item: unknown) => inEnglishThroughout(item))
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, inEnglishThroughout(inner)]))
  return value
}

/** The storage layer's problems as a person reads them in English: each located by its path, the message shown being `problem` when there is one. */
export function problemsAsShown(
  problems: readonly { readonly path: string; readonly message: string; readonly problem?: MessageValue }[]
): { path: string; message: string }[] {
  return problems.map((entry) => ({ path: entry.path, message: entry.problem === undefined ? entry.message : inEnglish(entry.problem) }))
}
