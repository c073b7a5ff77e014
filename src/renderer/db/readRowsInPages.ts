import type { Collection, Table } from 'dexie'

/** Rows per request: a read queued between two pages waits one page (60–200 ms for 1,000 incidents at 100k in Chromium), not the whole table. */
export const ROWS_PER_PAGE = 1_000

/** Keys per request when counting: a page of incidents took 60–200 ms at 100k (timed in Chromium), so a request queued behind one waits at most that. */
export const KEYS_PER_PAGE = 5_000

/**
 * How many rows a table holds, counted a page of primary keys at a time. IndexedDB's own `count()`
 * is one request, and Chromium counts row by row (300 ms to 1 s for 40,000 rows), holding up every
 * request queued behind it — a list's first page included. Like `readRowsInPages`, each page is
 * its own read unless the caller runs it inside a transaction.
 */
export function countRowsInPages<Row extends { readonly id: string }>(table: Table<Row, string>, keysPerPage = KEYS_PER_PAGE): Promise<number> {
  return walkInPages(
    table,
    keysPerPage,
    (page) => page.primaryKeys(),
    (key) => key,
    () => undefined
  )
}

/**
 * Every row of a table, a page at a time in primary-key order, each page handed to `visit`.
 *
 * Chromium's IndexedDB runs one request at a time for an origin (every tab and worker), and a
 * single `toArray()` of 40,000 rows is one request lasting seconds: while a worker reads a whole
 * table that way, a list's first page or a record page in the window waits behind it. Reading by
 * pages lets those requests in between, at the cost of one more request per thousand rows.
 * Each page is its own read: rows written meanwhile may or may not be seen, so callers that need
 * a consistent picture note the change feed's position first and catch up afterwards.
 */
export async function readRowsInPages<Row extends { readonly id: string }>(
  table: Table<Row, string>,
  visit: (rows: readonly Row[]) => void,
  rowsPerPage = ROWS_PER_PAGE
): Promise<number> {
  return walkInPages(
    table,
    rowsPerPage,
    (page) => page.toArray(),
    (row) => row.id,
    visit
  )
}

/** The walk both share: pages of `perPage` in primary-key order, each after the last key of the one before, until a short page. */
async function walkInPages<Row extends { readonly id: string }, Item>(
  table: Table<Row, string>,
  perPage: number,
  read: (page: Collection<Row, string>) => Promise<Item[]>,
  keyOf: (item: Item) => string,
  visit: (items: readonly Item[]) => void
): Promise<number> {
  let after: string | undefined
  let walked = 0
  for (;;) {
    const items = await read((after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(perPage))
    if (items.length > 0) visit(items)
    walked += items.length
    if (items.length < perPage) return walked
    after = keyOf(items[items.length - 1]!)
  }
}
