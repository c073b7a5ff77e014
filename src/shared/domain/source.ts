import { z } from '../lib/zod'
import { bookkeepingShape } from './bookkeeping'
import { sourceIdSchema } from './ids'
import { partialDateSchema } from './partialDate'
import { languageTagSchema, requiredTextSchema, textSchema, webAddressSchema } from './text'

/** A publication that records cite: a news report, an official statement, a research report. */
export const sourceSchema = z.strictObject({
  id: sourceIdSchema,
  title: requiredTextSchema('Title', 500),
  publisher: textSchema('Publisher', 300).optional(),
  author: textSchema('Author', 300).optional(),
  publishedOn: partialDateSchema.optional(),
  url: webAddressSchema.optional(),
  accessedOn: partialDateSchema.optional(),
  language: languageTagSchema.optional(),
  quotedPassage: textSchema('Quoted passage', 5000).optional(),
  ...bookkeepingShape
})
export type Source = z.infer<typeof sourceSchema>
