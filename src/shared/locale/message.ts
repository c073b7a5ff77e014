import { z } from '../lib/zod'
import { formatPartialDate, partialDateSchema, type DateWords, type PartialDate } from '../domain/partialDate'

/**
 * A sentence a person will read, as the key of its words in the catalogues (src/locales/<language>/)
 * and the values it names. Shared code composes messages; the edges (the page, the command line)
 * put them into words in the reader's language, so src/shared holds no language.
 *
 * A value may itself be a message (a field's name inside a validation problem), put into words
 * in the same language before it is placed, or a date (`dateValue`), written at its precision in
 * that language.
 */
export interface Message {
  readonly key: string
  readonly values?: Readonly<Record<string, MessageValue>>
}

export type MessageValue = string | number | Message | DateValue

/** A partial date placed in a message: "1 June 2017" / "2017年6月1日" at the edge, never a day it does not know. */
export interface DateValue {
  readonly date: PartialDate
}

/** A date as a message's value. */
export function dateValue(date: PartialDate): DateValue {
  return { date }
}

/** Puts a message into words in one language (the page's `translateMessage`, the command line's translator). */
export type Translate = (message: Message) => string

/**
 * A message as stored (a revision's note): a key and values that are text, numbers, dates or
 * messages, nested no deeper than a few levels, kept short.
 */
export const messageSchema: z.ZodType<Message> = z.lazy(() =>
  z.strictObject({
    key: z
      .string()
      .regex(/^[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9-]+)+$/)
      .max(200),
    values: z.record(z.string().max(100), z.union([z.string().max(2000), z.number(), z.strictObject({ date: partialDateSchema }), messageSchema])).optional()
  })
)

/** A message from its key and values, e.g. a date range inside an approximate date: `message('dates.approximately', { date: message('dates.between', { start, end }) })`. */
export function message(key: string, values?: Readonly<Record<string, MessageValue>>): Message {
  return values === undefined ? { key } : { key, values }
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).key === 'string'
}

/**
 * The values of a message with the messages among them put into words first and its dates
 * written with `dates` (English when absent), for a translator that places plain strings and
 * numbers: the one rule both edges follow.
 */
export function wordedValues(values: Message['values'], translate: Translate, dates?: DateWords): Record<string, string | number> {
  const worded: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(values ?? {})) {
    worded[name] = typeof value !== 'object' ? value : isMessage(value) ? translate(value) : formatPartialDate(value.date, dates)
  }
  return worded
}

/**
 * A list of values as one message, its items joined the way the reader's language joins them
 * (`lists.comma`: "a, b, c" / "a、b、c"; `lists.semicolon`: "a; b" / "a；b"; `lists.and`: "a and b" /
 * "a和b"; `lists.or`: "a, b or c" / "a、b或c"). Items may be messages.
 */
export function messageList(items: readonly MessageValue[], separator: 'comma' | 'semicolon' | 'and' | 'or' = 'comma'): MessageValue {
  if (items.length <= 1) return items[0] ?? ''
  if (separator === 'or') return message('lists.or', { first: messageList(items.slice(0, -1), 'comma'), rest: items.at(-1)! })
  const [first, ...rest] = items
  const values = { first: first!, rest: messageList(rest, separator) }
  if (separator === 'and') return message('lists.and', values)
  return separator === 'comma' ? message('lists.comma', values) : message('lists.semicolon', values)
}

/**
 * A message as its key and values, in no language: `importProblems.at.file(file=a.csv, reason=…)`.
 * For an `Error`'s own message and logs, which no person is meant to read in a language; the edges
 * put the message itself into words.
 */
export function messageInCodes(value: MessageValue): string {
  if (typeof value !== 'object') return String(value)
  if (!isMessage(value)) return value.date
  const values = Object.entries(value.values ?? {}).map(([name, inner]) => `${name}=${messageInCodes(inner)}`)
  return values.length === 0 ? value.key : `${value.key}(${values.join(', ')})`
}
