import type { RouteLocationRaw, RouteRecordRaw } from 'vue-router'

/** The timeline of one organisation (and everything under it), jurisdiction, law or saved search, or of everything. */
export function timelineRoute(
  scope: { readonly org?: string; readonly jurisdiction?: string; readonly law?: string; readonly saved?: string; readonly q?: string } = {}
): RouteLocationRaw {
  const query = Object.fromEntries(Object.entries(scope).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''))
  return { name: 'timeline', query }
}

export const timelineRoutes: RouteRecordRaw[] = [
  { path: '/timeline', name: 'timeline', component: () => import('./TimelineView.vue'), meta: { title: 'Timeline' } }
]
