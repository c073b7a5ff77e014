import type { RouteRecordRaw } from 'vue-router'

export { default as CommandPalette } from './CommandPalette.vue'
export { default as HeaderSearchBox } from './HeaderSearchBox.vue'
export { default as SavedSearchesNav } from './SavedSearchesNav.vue'
export { searchRoute } from './searchRoute'

export const searchRoutes: RouteRecordRaw[] = [{ path: '/search', name: 'search', component: () => import('./SearchView.vue'), meta: { title: 'Search' } }]
export { useSearchIndexAfterStartup } from './useSearchIndexAfterStartup'
