import type { BenchContext } from '../benchContract'
import { createBackup, PrecedentDatabase, readBackup, restoreBundle } from '@renderer/db'
import { allMigrations } from '@renderer/db/migrations'
import { toRow } from '@renderer/db/storedRow'
import { parseBundle } from '@shared/domain/bundle'
import { syntheticRecords } from '../backups/syntheticRecords'

const MiB = 1024 * 1024

/**
 * Backup and restore at n records, in Chromium (IndexedDB is a browser's): `backup_ms` (the whole
 * knowledge base read in one read-only transaction and gzipped into a Blob in the backup database),
 * `backup_mb` (its compressed size), `restore_read_ms` (the backup read back as a stream and parsed
 * record by record; the app does this in a worker) and `restore_ms` (validation plus the one
 * read-write transaction that makes an empty knowledge base equal to it), and the longest task on
 * this thread while the backup was taken (`backup_longest_task_ms`; the app takes backups on the page).
 */
export async function run(context: BenchContext): Promise<void> {
  if (context.env !== 'chromium' || typeof indexedDB === 'undefined') {
    context.log('backups: IndexedDB runs only in Chromium here; skipped in Node')
    return
  }
  for (const n of context.sizes) {
    const stamp = `${n}-${Date.now()}`
    const source = new PrecedentDatabase(`bench-backups-source-${stamp}`, allMigrations)
    const target = new PrecedentDatabase(`bench-backups-target-${stamp}`, allMigrations)
    try {
      context.log(`backups: storing ${n} synthetic records`)
      const records = syntheticRecords(n)
      for (let start = 0; start < records.length; start += 5000) {
        const slice = records.slice(start, start + 5000)
        await source.transaction('rw', source.tables, async () => {
          for (const type of ['incident', 'organisation', 'response', 'source'] as const) {
            const rows = slice.filter((typed) => typed.type === type).map((typed) => toRow(type, typed.record as never))
            if (rows.length > 0) await source.recordTable(type).bulkPut(rows as never)
          }
        })
      }

      let longestTask = 0
      const observer =
        typeof PerformanceObserver === 'undefined'
          ? undefined
          : new PerformanceObserver((list) => {
              for (const entry of list.getEntries()) longestTask = Math.max(longestTask, entry.duration)
            })
      try {
        observer?.observe({ type: 'longtask', buffered: false })
      } catch {
        // longtask is Chromium's; without it the metric is not emitted.
      }
      let start = performance.now()
      const backup = await createBackup(source, { reason: { text: 'bench', code: { kind: 'by-hand' } }, now: () => new Date().toISOString() })
      context.emit({ dataset: 'synthetic', n, metric: 'backup_ms', value: performance.now() - start, unit: 'ms' })
      await new Promise((resolve) => setTimeout(resolve, 50))
      observer?.disconnect()
      if (observer !== undefined) context.emit({ dataset: 'synthetic', n, metric: 'backup_longest_task_ms', value: longestTask, unit: 'ms' })
      context.emit({ dataset: 'synthetic', n, metric: 'backup_mb', value: backup.file.size / MiB, unit: 'MB' })

      start = performance.now()
      const bundle = await readBackup(source, backup.id)
      context.emit({ dataset: 'synthetic', n, metric: 'restore_read_ms', value: performance.now() - start, unit: 'ms' })
      const validating = performance.now()
      parseBundle(bundle)
      context.emit({ dataset: 'synthetic', n, metric: 'restore_validate_ms', value: performance.now() - validating, unit: 'ms' })
      const written = performance.now()
      const result = await restoreBundle(target, bundle, { author: 'bench', now: () => new Date().toISOString() })
      context.emit({ dataset: 'synthetic', n, metric: 'restore_write_ms', value: performance.now() - written, unit: 'ms' })
      context.emit({ dataset: 'synthetic', n, metric: 'restore_ms', value: performance.now() - start, unit: 'ms' })
      if (result.restored !== records.length) throw new Error(`restored ${result.restored} of ${records.length} records`)
      context.emit({ dataset: 'synthetic', n, metric: 'heap_mb', kind: 'after-restore', value: await context.measureHeapMb(), unit: 'MB' })
    } finally {
      source.close()
      target.close()
      await Promise.all(
        [indexedDB.deleteDatabase(source.name), indexedDB.deleteDatabase(target.name), indexedDB.deleteDatabase(`${source.name}-backups`)].map(
          (request) =>
            new Promise((resolve) => {
              request.onsuccess = request.onerror = request.onblocked = () => resolve(undefined)
            })
        )
      )
    }
  }
}
