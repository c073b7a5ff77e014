import { z } from '../lib/zod'
import { languageTagSchema, textSchema } from './text'

/**
 * A title and summary in the language they were first published in, kept beside the English
 * ones (which are the record's `title` and `summary` or `description`). Both are shown and both are searched.
 */
export const originalTextSchema = z.strictObject({
  language: languageTagSchema,
  title: textSchema('Original title', 500).optional(),
  summary: textSchema('Original summary', 20000).optional()
})
export type OriginalText = z.infer<typeof originalTextSchema>
