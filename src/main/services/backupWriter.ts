import { randomUUID } from 'node:crypto'
import { mkdir, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import { app } from 'electron'
import type { IpcParsedRequest } from '../../shared/ipc/contract'
import type { IpcChannel } from '../../shared/ipc/channels'

/** Backup files kept in the folder; older ones are removed after each write. */
export const BACKUP_FILES_KEPT = 20

/** Uploads open at once; a page has no reason for more than one, so a third is refused. */
export const MAX_OPEN_BACKUP_UPLOADS = 2

/** An upload with no chunk for this long is abandoned (its window closed or crashed mid-way). */
export const BACKUP_UPLOAD_IDLE_MS = 10 * 60 * 1000

/** Old files were plain bundle JSON; since issue 10 they are gzip-compressed. Both rotate. */
const BACKUP_FILE = /^precedent-backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(?:-\d{3})?Z?\.json(?:\.gz)?$/

/** The first two bytes of every gzip stream: a backup file must be one. */
const GZIP_MAGIC = [0x1f, 0x8b] as const

/** Where backups go: beside the browser profile, not in it, so clearing site data leaves them. */
export function backupFolder(): string {
  return path.join(app.getPath('userData'), 'backups')
}

/** `precedent-backup-2026-11-29T10-05-09-123Z.json.gz` for a creation time: sortable, one per millisecond. */
export function backupFileNameOf(createdAt: string): string {
  const utc = new Date(createdAt).toISOString()
  return `precedent-backup-${utc.replace(/[:.]/g, '-')}.json.gz`
}

interface OpenUpload {
  readonly target: string
  readonly temporaryPath: string
  readonly file: FileHandle
  readonly totalBytes: number
  received: number
  busy: boolean
  lastActivity: number
}

/** A request on the backup channels that does not fit the upload it names. */
export class BackupUploadError extends Error {
  override readonly name = 'BackupUploadError'
}

/**
 * Receives a backup file from the page in bounded chunks (`backup:begin` → `backup:chunk`… →
 * `backup:commit`, or `backup:abort`) and writes it into the backup folder atomically
 * (RELIABILITY-SECURITY 23): the chunks go to a temporary file beside the target, which is
 * flushed and renamed only once every announced byte arrived, in order. The page names no path:
 * main chooses it, so a compromised page cannot write anywhere else, and it must send a gzip
 * stream of the size it announced. The newest BACKUP_FILES_KEPT files are kept.
 */
export class BackupUploads {
  private readonly uploads = new Map<string, OpenUpload>()

  constructor(private readonly clock: () => number = Date.now) {}

  /** Opens an upload of `totalBytes` bytes for the backup taken at `createdAt`; returns its id. */
  async begin(request: IpcParsedRequest<typeof IpcChannel.beginBackupUpload>): Promise<{ uploadId: string }> {
    await this.abandonIdle()
    if (this.uploads.size >= MAX_OPEN_BACKUP_UPLOADS) throw new BackupUploadError('Too many backup uploads are open')
    const folder = backupFolder()
    await mkdir(folder, { recursive: true })
    const target = path.join(folder, backupFileNameOf(request.createdAt))
    const temporaryPath = path.join(folder, `.${path.basename(target)}.${randomUUID()}.tmp`)
    // 'wx' fails rather than follow a symlink or reuse a file planted at the temporary name.
    const file = await open(temporaryPath, 'wx', 0o644)
    const uploadId = randomUUID()
    this.uploads.set(uploadId, { target, temporaryPath, file, totalBytes: request.totalBytes, received: 0, busy: false, lastActivity: this.clock() })
    return { uploadId }
  }

  /** Appends one chunk, which must start where the last one ended and not pass the announced size. */
  async chunk(request: IpcParsedRequest<typeof IpcChannel.backupUploadChunk>): Promise<{ received: number }> {
    const upload = this.openUpload(request.uploadId)
    if (upload.busy) return this.fail(request.uploadId, 'A chunk arrived while the previous one was being written')
    if (request.offset !== upload.received) return this.fail(request.uploadId, `Chunk out of order: expected offset ${upload.received}, got ${request.offset}`)
    if (upload.received + request.bytes.byteLength > upload.totalBytes) return this.fail(request.uploadId, 'The chunks are longer than the announced size')
    if (request.offset === 0 && (request.bytes[0] !== GZIP_MAGIC[0] || request.bytes[1] !== GZIP_MAGIC[1])) {
      return this.fail(request.uploadId, 'A backup file must be gzip-compressed')
    }
    upload.busy = true
    try {
      await upload.file.write(request.bytes, 0, request.bytes.byteLength, request.offset)
    } catch (error) {
      await this.discard(request.uploadId)
      throw error
    }
    upload.busy = false
    upload.received += request.bytes.byteLength
    upload.lastActivity = this.clock()
    return { received: upload.received }
  }

  /** Flushes, renames the temporary file to its name, and removes the oldest backups beyond the kept number. */
  async commit(request: IpcParsedRequest<typeof IpcChannel.commitBackupUpload>): Promise<{ savedPath: string }> {
    const upload = this.openUpload(request.uploadId)
    if (upload.busy) return this.fail(request.uploadId, 'Commit arrived while a chunk was being written')
    if (upload.received !== upload.totalBytes) return this.fail(request.uploadId, `Only ${upload.received} of ${upload.totalBytes} bytes arrived`)
    this.uploads.delete(request.uploadId)
    try {
      await upload.file.sync()
      await upload.file.close()
      await rename(upload.temporaryPath, upload.target)
    } catch (error) {
      await upload.file.close().catch(() => undefined)
      await rm(upload.temporaryPath, { force: true })
      throw error
    }
    await removeOldBackups(path.dirname(upload.target))
    return { savedPath: upload.target }
  }

  /** Drops an upload and its temporary file; `false` if there was none by that id. */
  async abort(request: IpcParsedRequest<typeof IpcChannel.abortBackupUpload>): Promise<{ aborted: boolean }> {
    return { aborted: await this.discard(request.uploadId) }
  }

  /** How many uploads are open (for tests). */
  get openCount(): number {
    return this.uploads.size
  }

  private openUpload(uploadId: string): OpenUpload {
    const upload = this.uploads.get(uploadId)
    if (upload === undefined) throw new BackupUploadError('No such backup upload: it was never begun, or it was committed, aborted or abandoned')
    return upload
  }

  /** A request that breaks the sequence ends the upload: the page must begin again. */
  private async fail(uploadId: string, message: string): Promise<never> {
    await this.discard(uploadId)
    throw new BackupUploadError(message)
  }

  private async discard(uploadId: string): Promise<boolean> {
    const upload = this.uploads.get(uploadId)
    if (upload === undefined) return false
    this.uploads.delete(uploadId)
    await upload.file.close().catch(() => undefined)
    await rm(upload.temporaryPath, { force: true })
    return true
  }

  private async abandonIdle(): Promise<void> {
    const now = this.clock()
    for (const [uploadId, upload] of this.uploads) {
      if (!upload.busy && now - upload.lastActivity > BACKUP_UPLOAD_IDLE_MS) await this.discard(uploadId)
    }
  }
}

async function removeOldBackups(folder: string): Promise<void> {
  // Names sort by time whatever their extension: the timestamp comes first and has a fixed width.
  const backups = (await readdir(folder)).filter((name) => BACKUP_FILE.test(name)).sort()
  for (const old of backups.slice(0, Math.max(0, backups.length - BACKUP_FILES_KEPT))) {
    await rm(path.join(folder, old), { force: true })
  }
}

/** The one set of uploads main serves. */
export const backupUploads = new BackupUploads()
