import { z } from '../lib/zod'
import { timestampSchema } from './text'

/**
 * Fields every stored record carries for bookkeeping. `revision` counts saves: a save that names an
 * older revision than the stored one is a conflict, never a silent overwrite.
 */
export const bookkeepingShape = {
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  revision: z.number().int().min(1)
}

export interface Bookkeeping {
  readonly createdAt: string
  readonly updatedAt: string
  readonly revision: number
}
