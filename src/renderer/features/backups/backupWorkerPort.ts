import type { BackupReply, BackupRequest, RestoreReply, RestoreRequest } from './backupRestoreJob'

/** The page's end of one backup worker: it runs one job (a backup or a restore) and is then closed. */
export interface BackupWorkerPort {
  post(request: RestoreRequest | BackupRequest): void
  /** Every reply of the job, and a failure of the worker itself (it could not load, or crashed) as a message. */
  onReply(listener: (reply: RestoreReply | BackupReply) => void, onFailure: (message: string) => void): void
  close(): void
}

/**
 * Starts a backup worker: a module worker bundled by Vite as its own file, so the CSP's
 * `worker-src 'self'` and the Trusted Types policy allow it. `undefined` where workers are missing
 * (the unit-test DOM): the caller then runs the job in this thread.
 */
export function openBackupWorker(name: string): BackupWorkerPort | undefined {
  if (typeof Worker === 'undefined') return undefined
  const worker = new Worker(new URL('./backupRestore.worker.ts', import.meta.url), { type: 'module', name })
  return {
    post: (request) => worker.postMessage(request),
    onReply(listener, onFailure) {
      worker.addEventListener('message', (event: MessageEvent<RestoreReply | BackupReply>) => listener(event.data))
      worker.addEventListener('error', (event) => {
        event.preventDefault()
        onFailure(event.message)
      })
    },
    close: () => worker.terminate()
  }
}
