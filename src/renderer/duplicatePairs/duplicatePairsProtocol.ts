/** Where the stored duplicate pairs stand; the Duplicates page shows it. */
export type DuplicatePairsStatus =
  | { readonly state: 'opening' }
  | { readonly state: 'computing'; readonly done: number; readonly total: number }
  | { readonly state: 'ready' }
  | { readonly state: 'failed'; readonly message: string }

/** Requests from the page to the duplicates worker: something was written, catch up. */
export type DuplicatePairsRequest = { readonly id: number; readonly kind: 'changed' }

/** Replies from the worker: answers to requests (by id), and status reports it sends on its own. */
export type DuplicatePairsReply =
  | { readonly id: number; readonly kind: 'done' }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'status'; readonly status: DuplicatePairsStatus }
