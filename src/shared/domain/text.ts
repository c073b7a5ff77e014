import { z } from '../lib/zod'
import { message } from '../locale/message'
import { dropLayoutHints, unsafeCharacterMessage, unsafeCharacterProblem } from './unsafeCharacters'

/**
 * Text a person wrote: NFC-normalised so that a decomposed "é" and a composed one are the same
 * text, line ends made `\n`, invisible layout hints (soft hyphens, zero width spaces) dropped,
 * trimmed, and at most `max` characters. Controls other than tab and newline (NUL, U+0019 as found
 * in real breach lists, C1) and characters that can disguise text (a right-to-left override) are
 * refused, naming the character and where it is: see `unsafeCharacters.ts`.
 */
export function textSchema(label: string, max: number) {
  return z
    .string()
    .transform((text) => dropLayoutHints(text.normalize('NFC').replace(/\r\n?/g, '\n')).trim())
    .pipe(
      z
        .string()
        .max(max, `${label} must be at most ${max} characters`)
        .superRefine((text, context) => {
          // People read the problem (validationProblem names the field from the path); zod's message is its English.
          const problem = unsafeCharacterProblem(text)
          if (problem !== undefined) context.addIssue({ code: 'custom', message: unsafeCharacterMessage(label, text) ?? '', params: { problem } })
        })
    )
}

/** Like `textSchema`, but empty text is refused. */
export function requiredTextSchema(label: string, max: number) {
  return textSchema(label, max).pipe(z.string().min(1, `${label} is required`))
}

/** A short label from a list (tags, aliases, data categories): one line, no duplicates kept. */
export function labelListSchema(label: string, maxItems = 50) {
  return z
    .array(
      requiredTextSchema(label, 200).refine((text) => !text.includes('\n'), {
        message: `${label} must be one line`,
        params: { problem: message('problems.oneLine') }
      })
    )
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
export const languageTagSchema = z.string().regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'A language is a BCP 47 tag such as en, zh or zh-Hans')
