/**
 * `meta` keys read outside `db/` and written by more than one place, named once here. (Each of the
 * others is named beside the code that owns it; `backupWorkspace.ts` lists every key and whether a
 * backup holds it.)
 */

/** The saved searches (a list of `SavedSearch`), held by backups. */
export const SAVED_SEARCHES_KEY = 'saved-searches'
/** The stamp of the last write of records without revisions (see `noteUnloggedWrite`); never in a backup. */
export const UNLOGGED_WRITE_KEY = 'unlogged-write'
/** A new id with every transaction that adds revisions (see `appendRevisions`); never in a backup. */
export const REVISIONS_WRITTEN_KEY = 'revisions-written'
