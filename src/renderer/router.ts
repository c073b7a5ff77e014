import { watch } from 'vue'
import { createRouter, createWebHashHistory, type RouteLocationNormalized, type RouteRecordRaw } from 'vue-router'
import { incidentRoutes } from './features/incidents'
import { organisationRoutes } from './features/organisations'
import { jurisdictionRoutes } from './features/jurisdictions'
import { lawRoutes } from './features/laws'
import { responseRoutes } from './features/responses'
import { sourceRoutes } from './features/sources'
import { duplicateRoutes, redirectMergedRecords } from './features/duplicates'
import { preferencesRoutes } from './features/history'
import { searchRoutes } from './features/search'
import { comparisonRoutes } from './features/comparison'
import { chartsRoutes } from './features/charts'
import { graphRoutes } from './features/graph'
import { timelineRoutes } from './features/timeline'
import { importRoutes } from './features/importing'
import { briefingRoutes } from './features/briefings'
import { exportingRoutes } from './features/exporting'
import { backupRoutes } from './features/backups'
import { teamRoutes } from './features/team'
import { currentLocale, i18n } from './i18n'

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/incidents' },
  ...incidentRoutes,
  ...organisationRoutes,
  ...jurisdictionRoutes,
  ...lawRoutes,
  ...responseRoutes,
  ...sourceRoutes,
  ...duplicateRoutes,
  ...preferencesRoutes,
  ...searchRoutes,
  ...comparisonRoutes,
  ...chartsRoutes,
  ...graphRoutes,
  ...timelineRoutes,
  ...importRoutes,
  ...briefingRoutes,
  ...exportingRoutes,
  ...backupRoutes,
  ...teamRoutes,
  { path: '/:unknown(.*)*', name: 'not-found', component: () => import('./features/startup/NotFoundView.vue') }
]

// Hash history: the built app then works from app://bundle/, any static server and any sub-path,
// with no server-side rewrite rules.
export const router = createRouter({
  history: createWebHashHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 })
})

// An address of a record that was merged away leads to the record it was merged into.
redirectMergedRecords(router)

/**
 * The window's title: the page's in the interface language (src/locales/<language>/pageTitle.json,
 * by route name; a test keeps its English equal to each route's `meta.title`), then the app's name.
 */
export function pageTitle(to: Pick<RouteLocationNormalized, 'name' | 'meta'>): string {
  const key = `pageTitle.${String(to.name)}`
  const title = typeof to.name === 'string' && i18n.global.te(key, 'en') ? i18n.global.t(key) : typeof to.meta.title === 'string' ? to.meta.title : undefined
  return title ? `${title} · Precedent` : 'Precedent'
}

router.afterEach((to) => {
  document.title = pageTitle(to)
})
// A switch of language renames the window at once.
watch(currentLocale, () => {
  document.title = pageTitle(router.currentRoute.value)
})
