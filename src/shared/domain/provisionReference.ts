import { z } from '../lib/zod'
import { lawIdSchema } from './ids'
import { textSchema } from './text'

/** A pointer to a law, or to one of its provisions by its stable number ("41", "69A"). */
export const provisionReferenceSchema = z.strictObject({
  lawId: lawIdSchema,
  provisionNumber: textSchema('Provision number', 40).optional()
})
export type ProvisionReference = z.infer<typeof provisionReferenceSchema>
