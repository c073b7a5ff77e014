import { describeFailure, type ImportPipeline } from './importPipeline'
import type { ImportPipelineReply, ImportPipelineRequest } from './importPipelineProtocol'

/**
 * Turns protocol requests into pipeline calls, posting progress and one final reply per request.
 * The worker and the in-thread fallback both use it, so they behave the same.
 */
export function createImportPipelineHost(pipeline: ImportPipeline, post: (reply: ImportPipelineReply) => void) {
  const answer = <T>(id: number, work: Promise<T>, reply: (value: T) => ImportPipelineReply): void => {
    work.then(
      (value) => post(reply(value)),
      (error: unknown) => post({ id, kind: 'failed', failure: describeFailure(error) })
    )
  }
  return {
    handle(request: ImportPipelineRequest): void {
      const progress = (value: Parameters<Parameters<ImportPipeline['inspect']>[1]>[0]) => post({ id: request.id, kind: 'progress', progress: value })
      switch (request.kind) {
        case 'inspect':
          answer(request.id, pipeline.inspect(request.files, progress), (value) => ({ id: request.id, kind: 'inspected', ...value }))
          return
        case 'csv-columns':
          answer(request.id, pipeline.csvColumns(request.files, request.format, progress), (csvColumns) => ({
            id: request.id,
            kind: 'csv-columns',
            csvColumns
          }))
          return
        case 'check':
          answer(request.id, pipeline.check(request, progress), (planned) => ({ id: request.id, kind: 'planned', planned }))
          return
        case 'replan':
          answer(
            request.id,
            Promise.resolve().then(() => pipeline.replan(request.choices)),
            (summary) => ({ id: request.id, kind: 'planned', planned: { summary, storedBytes: 0 } })
          )
          return
        case 'commit':
          answer(request.id, pipeline.commit(request, progress), (result) => ({ id: request.id, kind: 'committed', result }))
          return
        case 'cancel-commit':
          pipeline.cancelCommit()
          post({ id: request.id, kind: 'done' })
          return
      }
    }
  }
}
