import { z } from 'zod'

// Control characters other than tab and newline have no place in a record, and some (NUL, U+0019
// as found in real breach lists) break exports and terminals.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

/**
 * Text a person wrote: NFC-normalised so that a decomposed "é" and a composed one are the same
 * text, trimmed, free of control characters, and at most `max` characters.
 */
export function textSchema(label: string, max: number) {
  return z
    .string()
    .transform((text) => text.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .max(max, `${label} must be at most ${max} characters`)
        .refine((text) => !FORBIDDEN_CONTROL.test(text), `${label} contains a control character`)
    )
}

/** Like `textSchema`, but empty text is refused. */
export function requiredTextSchema(label: string, max: number) {
  return textSchema(label, max).pipe(z.string().min(1, `${label} is required`))
}

/** A short label from a list (tags, aliases, data categories): one line, no duplicates kept. */
export function labelListSchema(label: string, maxItems = 50) {
  return z
    .array(requiredTextSchema(label, 200).refine((text) => !text.includes('\n'), `${label} must be one line`))
    .max(maxItems, `At most ${maxItems} ${label.toLowerCase()} entries`)
    .transform((items) => [...new Set(items)])
}

/** A web address stored as text; opening it goes through the one external-link gate. */
export const webAddressSchema = z
  .string()
  .trim()
  .max(2000, 'A URL must be at most 2000 characters')
  .pipe(z.url({ protocol: /^https?$/, message: 'A URL must be a full http:// or https:// address' }))

/** An ISO 8601 timestamp for bookkeeping (`createdAt`, `updatedAt`), never for a record's own dates. */
export const timestampSchema = z.iso.datetime({ offset: true, message: 'A timestamp must be ISO 8601, e.g. 2026-01-31T12:00:00.000Z' })

/** BCP 47 language tag such as `zh-Hans`, `en`, `hi`. */
export const languageTagSchema = z
  .string()
  .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'A language is a BCP 47 tag such as en, zh or zh-Hans')
