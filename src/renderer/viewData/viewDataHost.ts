import type { ViewDataReply, ViewDataRequest } from './viewDataProtocol'
import type { ViewDataService } from './viewDataService'

/**
 * Turns protocol requests into service calls and posts one reply per request (with its id).
 * The worker and the in-thread fallback both use it, so they behave the same.
 */
export function createViewDataHost(service: ViewDataService, post: (reply: ViewDataReply) => void) {
  const answer = <T>(id: number, work: Promise<T>, reply: (value: T) => ViewDataReply): void => {
    work.then(
      (value) => post(reply(value)),
      (error: unknown) => post({ id, kind: 'failed', message: error instanceof Error ? error.message : String(error) })
    )
  }
  return {
    handle(request: ViewDataRequest): void {
      switch (request.kind) {
        case 'timeline': {
          const { id: _id, kind: _kind, ...body } = request
          answer(request.id, service.timelineLayout(body), (data) => ({ id: request.id, kind: 'timeline', data }))
          return
        }
        case 'timeline-window':
          answer(request.id, service.timelineWindow(request.layoutId, request.request), (data) => ({ id: request.id, kind: 'timeline-window', data }))
          return
        case 'timeline-locate': {
          const { id: _id, kind: _kind, ...body } = request
          answer(request.id, service.timelineLocate(body), (data) => ({ id: request.id, kind: 'timeline-locate', data }))
          return
        }
        case 'timeline-lane-keys':
        case 'timeline-record-ids':
          answer(request.id, service.timelineKeys(request.layoutId, request.kind === 'timeline-lane-keys' ? 'lanes' : 'records'), (data) => ({
            id: request.id,
            kind: 'timeline-keys',
            data
          }))
          return
        case 'charts': {
          const { id: _id, kind: _kind, ...body } = request
          answer(request.id, service.charts(body), (data) => ({ id: request.id, kind: 'charts', data }))
          return
        }
        case 'comparison':
          answer(request.id, service.comparison(request.subject, request.locale), (data) => ({ id: request.id, kind: 'comparison', data }))
          return
        case 'picker-matches': {
          const { id: _id, kind: _kind, ...body } = request
          answer(request.id, service.pickerMatches(body), (data) => ({ id: request.id, kind: 'picker-matches', data }))
          return
        }
        case 'preload':
          answer(request.id, service.preload(), () => ({ id: request.id, kind: 'done', moved: false }))
          return
        case 'changed':
          answer(request.id, service.applyChanges(), (moved) => ({ id: request.id, kind: 'done', moved }))
          return
      }
    }
  }
}
