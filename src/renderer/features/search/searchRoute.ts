import type { RouteLocationRaw } from 'vue-router'

/** The search page for a query (the query lives in the URL, so a search can be reloaded or shared). */
export function searchRoute(query: string): RouteLocationRaw {
  return query.trim() === '' ? { name: 'search' } : { name: 'search', query: { q: query } }
}
