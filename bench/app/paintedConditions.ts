import type { Locator, Page } from 'playwright-core'

// When each view of the app counts as painted, in ONE table, so the integrator can adjust a row
// when a view changes. A view is painted when its locator is visible and then two animation frames
// have passed (the frame that shows it has been produced). Rows prefer headings, table captions and
// accessible names over classes, because lists, the timeline and the Duplicates page are being
// rewritten: a list is painted when its first data row is visible (row 0 is the header row).

/** What the suite knows about its knowledge base, for addresses that name a record or a word. */
export interface ViewTargets {
  /** A word that finds records (an organisation name's first word). */
  readonly searchWord: string
  /** An incident's id and title, for the record page. */
  readonly incidentId: string
  readonly incidentTitle: string
  /** The organisation linked to most records (a regulator), for the relationship graph. */
  readonly hubOrganisationId: string
}

export interface ViewUnderTest {
  /** The `kind` of its `view_open_ms` row. */
  readonly kind: string
  /** The address opened (hash route). */
  readonly path: (targets: ViewTargets) => string
  /** The element whose visibility means the view's content is there. */
  readonly painted: (page: Page, targets: ViewTargets) => Locator
  /** What `painted` means, in words (printed by `--help` of the suite's README table). */
  readonly condition: string
}

const firstDataRow = (page: Page, caption: string): Locator => page.getByRole('table', { name: caption, exact: true }).getByRole('row').nth(1)

const list = (kind: string, caption: string): ViewUnderTest => ({
  kind,
  path: () => `#/${kind}`,
  painted: (page) => firstDataRow(page, caption),
  condition: `first data row of the table "${caption}"`
})

export const VIEWS: readonly ViewUnderTest[] = [
  list('incidents', 'Incidents'),
  list('organisations', 'Organisations'),
  list('jurisdictions', 'Jurisdictions'),
  list('laws', 'Laws'),
  list('responses', 'Responses'),
  list('sources', 'Sources'),
  {
    kind: 'search',
    path: (targets) => `#/search?q=${encodeURIComponent(targets.searchWord)}`,
    painted: (page) => page.locator('.search-results').getByRole('link').first(),
    condition: 'first result link of `?q=<an organisation name word>` (in .search-results)'
  },
  {
    kind: 'timeline',
    path: () => '#/timeline',
    painted: (page) => page.getByRole('region', { name: 'Timeline', exact: true }).locator('[role="link"]').first(),
    condition: 'first drawn event (role link) in the region "Timeline"'
  },
  {
    kind: 'charts',
    path: () => '#/charts',
    painted: (page) => page.getByRole('main').getByRole('img').first(),
    condition: 'the first chart (an svg with role img) in the page'
  },
  {
    kind: 'comparison',
    path: () => '#/compare?category=breach',
    painted: (page) => page.getByRole('heading', { level: 2, name: / in \d+ jurisdictions?$/ }),
    condition: '`?category=breach`: the heading "Breach in N jurisdictions"'
  },
  {
    kind: 'duplicates',
    path: () => '#/duplicates',
    painted: (page) => page.getByRole('list', { name: 'Possible duplicate organisations' }).getByRole('listitem').first(),
    condition: 'first item of the list "Possible duplicate organisations" (the bundle plants near-duplicate names)'
  },
  {
    kind: 'graph',
    path: (targets) => `#/graph/organisation/${targets.hubOrganisationId}`,
    painted: (page) => page.locator('svg[aria-roledescription="relationship graph"]'),
    condition: 'graph of the busiest regulator: the svg with aria-roledescription "relationship graph"'
  },
  {
    kind: 'briefings',
    path: () => '#/briefings',
    painted: (page) => page.getByRole('heading', { level: 1, name: 'Briefings', exact: true }),
    condition: 'the heading "Briefings" (no briefings exist)'
  },
  {
    kind: 'backups',
    path: () => '#/backups',
    painted: (page) => page.getByRole('button', { name: 'Back up now', exact: true }),
    condition: 'the button "Back up now"'
  },
  {
    kind: 'import',
    path: () => '#/import',
    painted: (page) => page.getByLabel('Files to import'),
    condition: 'the file field "Files to import"'
  },
  {
    kind: 'record',
    path: (targets) => `#/incidents/${targets.incidentId}`,
    painted: (page, targets) => page.getByRole('heading', { level: 1, name: targets.incidentTitle, exact: true }),
    condition: "an incident's page: the heading with its title"
  }
]

/** Where the suite waits between two opens: a light page that mounts none of the views above. */
export const NEUTRAL_VIEW = {
  path: '#/preferences',
  painted: (page: Page): Locator => page.getByRole('heading', { level: 1 }).first()
}
