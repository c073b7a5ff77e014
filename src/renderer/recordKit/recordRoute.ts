import type { RouteLocationRaw } from 'vue-router'
import type { RecordType } from '@shared/domain/recordTypes'

/** The page that shows a record. */
export function recordRoute(type: RecordType, id: string): RouteLocationRaw {
  return { name: type, params: { id } }
}
