import { z } from '../lib/zod'
import { sourceIdSchema } from './ids'
import { textSchema } from './text'

/** A record's reference to a source, with the passage that supports it when one was quoted. */
export const citationSchema = z.strictObject({
  sourceId: sourceIdSchema,
  passage: textSchema('Quoted passage', 5000).optional(),
  locator: textSchema('Locator', 200).optional()
})
export type Citation = z.infer<typeof citationSchema>

export const citationsSchema = z.array(citationSchema).max(200, 'At most 200 citations per record')
