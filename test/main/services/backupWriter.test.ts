import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const userData = vi.hoisted(() => ({ path: '' }))
vi.mock('electron', () => ({ app: { getPath: (name: string) => (name === 'userData' ? userData.path : '/nowhere') } }))

import { BACKUP_FILES_KEPT, backupFileNameOf, writeBackup } from '../../../src/main/services/backupWriter'

beforeEach(() => {
  userData.path = mkdtempSync(path.join(tmpdir(), 'precedent-userdata-'))
})

describe('writeBackup', () => {
  it('writes the bundle into the backups folder beside the profile, named by its time', async () => {
    const savedPath = await writeBackup({ createdAt: '2026-11-29T10:05:09.123Z', content: '{"format":"precedent-bundle"}' })

    expect(savedPath).toBe(path.join(userData.path, 'backups', 'precedent-backup-2026-11-29T10-05-09-123Z.json'))
    expect(readFileSync(savedPath, 'utf8')).toBe('{"format":"precedent-bundle"}')
    expect(readdirSync(path.join(userData.path, 'backups'))).toEqual(['precedent-backup-2026-11-29T10-05-09-123Z.json'])
  })

  it(`keeps the newest ${BACKUP_FILES_KEPT} backups and leaves other files alone`, async () => {
    const folder = path.join(userData.path, 'backups')
    await writeBackup({ createdAt: '2026-01-01T00:00:00.000Z', content: '{}' })
    writeFileSync(path.join(folder, 'notes.txt'), 'mine')
    for (let day = 2; day <= BACKUP_FILES_KEPT + 3; day += 1) {
      await writeBackup({ createdAt: new Date(Date.UTC(2026, 0, day)).toISOString(), content: '{}' })
    }

    const names = readdirSync(folder).sort()

    expect(names.filter((name) => name.endsWith('.json'))).toHaveLength(BACKUP_FILES_KEPT)
    expect(names).toContain('notes.txt')
    expect(names).not.toContain(backupFileNameOf('2026-01-03T00:00:00.000Z'))
    expect(names).toContain(backupFileNameOf('2026-01-04T00:00:00.000Z'))
  })
})
