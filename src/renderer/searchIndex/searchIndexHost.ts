import type { SearchIndexReply, SearchIndexRequest } from './searchIndexProtocol'
import type { SearchIndexService } from './searchIndexService'

/**
 * Turns protocol requests into service calls and posts one reply per request (with its id).
 * The worker and the in-thread fallback both use it, so they behave the same.
 */
export function createSearchIndexHost(service: SearchIndexService, post: (reply: SearchIndexReply) => void) {
  const fail = (id: number, error: unknown): void => post({ id, kind: 'failed', message: error instanceof Error ? error.message : String(error) })
  return {
    handle(request: SearchIndexRequest): void {
      switch (request.kind) {
        case 'search':
          service.search(request.query, request.mode, request.limit).then(
            (page) => post({ id: request.id, kind: 'search-result', page }),
            (error: unknown) => fail(request.id, error)
          )
          return
        case 'match-ids':
          service.matchingIds(request.query, request.recordType).then(
            (matches) => post({ id: request.id, kind: 'match-ids-result', matches }),
            (error: unknown) => fail(request.id, error)
          )
          return
        case 'changed':
          service.applyChanges().then(
            () => post({ id: request.id, kind: 'done' }),
            (error: unknown) => fail(request.id, error)
          )
          return
      }
    }
  }
}
