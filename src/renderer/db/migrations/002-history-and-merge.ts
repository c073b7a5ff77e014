import type { Migration } from './migration'

/**
 * Version 2 keeps every change (`revisions`), lets merged records redirect to their survivor
 * (`redirects`) and remembers each merge so it can be undone (`merges`). Laws gain links to other
 * laws and responses a stage (proposed or enacted): existing rows get the defaults the schemas give.
 */
export const historyAndMerge: Migration = {
  version: 2,
  description: 'Revision history, merge redirects and merge records; law relations and response stage defaults.',
  stores: {
    revisions: 'id, recordId, [recordId+revision], at',
    redirects: 'fromId, toId',
    merges: 'id, at'
  },
  async upgrade(tx) {
    await tx
      .table('laws')
      .toCollection()
      .modify((row: { relations?: unknown[] }) => {
        if (row.relations === undefined) row.relations = []
      })
    await tx
      .table('responses')
      .toCollection()
      .modify((row: { stage?: string }) => {
        if (row.stage === undefined) row.stage = 'enacted'
      })
  }
}
