import { z } from '../lib/zod'
import { message } from '../locale/message'
import { textSchema } from './text'

/** What a person sets once for this device (stored in the `meta` table, held by backups). */
export interface Preferences {
  /** The name written beside each change in the history; '' when not set. */
  readonly authorName: string
}

/** The preferences as stored and as a backup holds them; unknown fields are dropped. */
export const preferencesSchema = z
  .object({
    authorName: textSchema('Author name', 100)
      .refine((name) => !name.includes('\n'), { message: 'Author name must be one line', params: { problem: message('problems.oneLine') } })
      .default('')
  })
  .strip()

export const DEFAULT_PREFERENCES: Preferences = { authorName: '' }
