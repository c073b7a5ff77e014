import type { RouteLocationNormalized, Router } from 'vue-router'
import { RECORD_TYPES, type RecordType } from '@shared/domain/recordTypes'
import { useMergeStore } from './mergeStore'

/**
 * The record type a route shows: for routes named after a record type (`organisation`) or an
 * action on one (`organisation-edit`, `incident-history`), or that name it in a `type` parameter
 * (the relationship graph, `/graph/organisation/…`); undefined for any other route.
 */
export function recordTypeOfRoute(
  route: Pick<RouteLocationNormalized, 'name'> & { readonly params?: RouteLocationNormalized['params'] }
): RecordType | undefined {
  const name = typeof route.name === 'string' ? route.name : ''
  const byName = RECORD_TYPES.find((type) => name === type || name.startsWith(`${type}-`))
  if (byName !== undefined) return byName
  const param = route.params?.type
  return RECORD_TYPES.find((type) => type === param)
}

/**
 * Sends an address of a record that was merged away to the record it was merged into, so old
 * links and bookmarks keep working; the page then says what happened.
 */
export function redirectMergedRecords(router: Router): void {
  router.beforeEach(async (to) => {
    const type = recordTypeOfRoute(to)
    const id = to.params.id
    if (type === undefined || typeof id !== 'string') return true
    const finalId = await useMergeStore().followRedirect(type, id)
    if (finalId === id) return true
    return { name: to.name, params: { ...to.params, id: finalId }, query: to.query, hash: to.hash, replace: true }
  })
}
