import { initialSchema } from './001-initial-schema'
import { historyAndMerge } from './002-history-and-merge'
import { briefings } from './003-briefings'
import { listOrderIndexes } from './004-list-order-indexes'
import { duplicateKeys } from './005-duplicate-keys'
import { placeholderNames } from './006-placeholder-names'
import { rareTitleKeys } from './007-rare-title-keys'
import { pinyinOrderKeys } from './008-pinyin-order-keys'
import type { Migration } from './migration'

export type { Migration } from './migration'

/** Every schema version in order. Append only. */
export const allMigrations: readonly Migration[] = [
  initialSchema,
  historyAndMerge,
  briefings,
  listOrderIndexes,
  duplicateKeys,
  placeholderNames,
  rareTitleKeys,
  pinyinOrderKeys
]
