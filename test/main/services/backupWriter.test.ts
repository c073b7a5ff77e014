import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const userData = vi.hoisted(() => ({ path: '' }))
vi.mock('electron', () => ({ app: { getPath: (name: string) => (name === 'userData' ? userData.path : '/nowhere') } }))

import {
  BACKUP_FILES_KEPT,
  BACKUP_UPLOAD_IDLE_MS,
  backupFileNameOf,
  BackupUploadError,
  BackupUploads,
  MAX_OPEN_BACKUP_UPLOADS
} from '../../../src/main/services/backupWriter'
import { catchError } from '../../support/catchError'

const CREATED_AT = '2026-11-29T10:05:09.123Z'
const content = new Uint8Array(
  gzipSync(
    JSON.stringify({ format: 'precedent-bundle', records: { incidents: Array.from({ length: 200 }, (_, i) => ({ id: `inc-${i}`, salt: Math.random() })) } })
  )
)

let uploads: BackupUploads
let now: number
const folder = (): string => path.join(userData.path, 'backups')
/** Files in the backup folder, temporary ones included. */
const filesInFolder = (): string[] => readdirSync(folder()).sort()

beforeEach(() => {
  userData.path = mkdtempSync(path.join(tmpdir(), 'precedent-userdata-'))
  now = 1_000_000
  uploads = new BackupUploads(() => now)
})

/** Sends `bytes` in chunks of `size`. */
async function upload(bytes: Uint8Array<ArrayBuffer>, createdAt = CREATED_AT, size = 1000): Promise<string> {
  const { uploadId } = await uploads.begin({ createdAt, totalBytes: bytes.byteLength })
  for (let offset = 0; offset < bytes.byteLength; offset += size) {
    await uploads.chunk({ uploadId, offset, bytes: bytes.subarray(offset, offset + size) })
  }
  return (await uploads.commit({ uploadId })).savedPath
}

describe('backup uploads', () => {
  it('writes the chunks, in order, into the backups folder beside the profile, named by the time of the backup', async () => {
    const savedPath = await upload(content)

    expect(savedPath).toBe(path.join(userData.path, 'backups', 'precedent-backup-2026-11-29T10-05-09-123Z.json.gz'))
    expect(readFileSync(savedPath)).toEqual(Buffer.from(content))
    expect(filesInFolder()).toEqual(['precedent-backup-2026-11-29T10-05-09-123Z.json.gz'])
    expect(uploads.openCount).toBe(0)
  })

  it('shows nothing under the backup name until the commit renames the whole file into place', async () => {
    const { uploadId } = await uploads.begin({ createdAt: CREATED_AT, totalBytes: content.byteLength })
    await uploads.chunk({ uploadId, offset: 0, bytes: content.subarray(0, 100) })

    expect(filesInFolder()).toHaveLength(1)
    expect(filesInFolder()[0]).toMatch(/^\.precedent-backup-.*\.tmp$/)

    await uploads.chunk({ uploadId, offset: 100, bytes: content.subarray(100) })
    await uploads.commit({ uploadId })
    expect(filesInFolder()).toEqual([backupFileNameOf(CREATED_AT)])
  })

  it('refuses a chunk out of order, and drops the upload and its temporary file', async () => {
    const { uploadId } = await uploads.begin({ createdAt: CREATED_AT, totalBytes: content.byteLength })
    await uploads.chunk({ uploadId, offset: 0, bytes: content.subarray(0, 100) })

    const skipped = await catchError(uploads.chunk({ uploadId, offset: 200, bytes: content.subarray(200, 300) }))

    expect(skipped).toBeInstanceOf(BackupUploadError)
    expect((skipped as Error).message).toMatch(/expected offset 100, got 200/)
    expect(filesInFolder()).toEqual([])
    expect(await catchError(uploads.chunk({ uploadId, offset: 100, bytes: content.subarray(100, 200) }))).toBeInstanceOf(BackupUploadError)
  })

  it('refuses chunks past the announced size, and a commit before every byte arrived', async () => {
    const first = await uploads.begin({ createdAt: CREATED_AT, totalBytes: 100 })
    expect(await catchError(uploads.chunk({ uploadId: first.uploadId, offset: 0, bytes: content.subarray(0, 101) }))).toBeInstanceOf(BackupUploadError)

    const second = await uploads.begin({ createdAt: CREATED_AT, totalBytes: content.byteLength })
    await uploads.chunk({ uploadId: second.uploadId, offset: 0, bytes: content.subarray(0, 100) })
    const early = await catchError(uploads.commit({ uploadId: second.uploadId }))

    expect((early as Error).message).toMatch(/^Only 100 of \d+ bytes arrived$/)
    expect(filesInFolder()).toEqual([])
  })

  it('refuses a file that is not gzip-compressed', async () => {
    const plain = new TextEncoder().encode('{"format":"precedent-bundle","records":{}}')
    expect(await catchError(upload(plain))).toBeInstanceOf(BackupUploadError)
    expect(filesInFolder()).toEqual([])
  })

  it('refuses a chunk or commit for an upload that was never begun, or already committed', async () => {
    const unknown = '9b2f7c52-4a8e-4f59-9d41-3c1f0e2a7b6d'
    expect(await catchError(uploads.chunk({ uploadId: unknown, offset: 0, bytes: content.subarray(0, 10) }))).toBeInstanceOf(BackupUploadError)
    expect(await catchError(uploads.commit({ uploadId: unknown }))).toBeInstanceOf(BackupUploadError)

    const { uploadId } = await uploads.begin({ createdAt: CREATED_AT, totalBytes: content.byteLength })
    await uploads.chunk({ uploadId, offset: 0, bytes: content })
    await uploads.commit({ uploadId })
    expect(await catchError(uploads.commit({ uploadId }))).toBeInstanceOf(BackupUploadError)
  })

  it('aborts an upload: the temporary file is removed and nothing is written', async () => {
    const { uploadId } = await uploads.begin({ createdAt: CREATED_AT, totalBytes: content.byteLength })
    await uploads.chunk({ uploadId, offset: 0, bytes: content.subarray(0, 100) })

    expect(await uploads.abort({ uploadId })).toEqual({ aborted: true })
    expect(await uploads.abort({ uploadId })).toEqual({ aborted: false })
    expect(filesInFolder()).toEqual([])
  })

  it(`keeps at most ${MAX_OPEN_BACKUP_UPLOADS} uploads open, abandoning idle ones`, async () => {
    for (let open = 0; open < MAX_OPEN_BACKUP_UPLOADS; open += 1) await uploads.begin({ createdAt: CREATED_AT, totalBytes: 100 })

    expect(await catchError(uploads.begin({ createdAt: CREATED_AT, totalBytes: 100 }))).toBeInstanceOf(BackupUploadError)

    now += BACKUP_UPLOAD_IDLE_MS + 1
    await uploads.begin({ createdAt: CREATED_AT, totalBytes: 100 })
    expect(uploads.openCount).toBe(1)
    expect(filesInFolder()).toHaveLength(1)
  })

  it(`keeps the newest ${BACKUP_FILES_KEPT} backups, old uncompressed ones included, and leaves other files alone`, async () => {
    await upload(content, '2026-01-01T00:00:00.000Z')
    writeFileSync(path.join(folder(), 'notes.txt'), 'mine')
    writeFileSync(path.join(folder(), 'precedent-backup-2026-01-02T00-00-00-000Z.json'), '{}')
    for (let day = 3; day <= BACKUP_FILES_KEPT + 3; day += 1) {
      await upload(content, new Date(Date.UTC(2026, 0, day)).toISOString())
    }

    const names = filesInFolder()

    expect(names.filter((name) => name.startsWith('precedent-backup-'))).toHaveLength(BACKUP_FILES_KEPT)
    expect(names).toContain('notes.txt')
    expect(names).not.toContain('precedent-backup-2026-01-02T00-00-00-000Z.json')
    expect(names).not.toContain(backupFileNameOf('2026-01-03T00:00:00.000Z'))
    expect(names).toContain(backupFileNameOf('2026-01-04T00:00:00.000Z'))
  })
})
