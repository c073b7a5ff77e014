import { beforeEach, describe, expect, it, vi } from 'vitest'

const { ipcMain, app } = vi.hoisted(() => ({
  ipcMain: { handle: vi.fn() },
  app: { getName: () => 'Precedent', getVersion: () => '0.1.0' }
}))
vi.mock('electron', () => ({
  ipcMain,
  app,
  BrowserWindow: Object.assign(vi.fn(), { fromWebContents: vi.fn(() => null) }),
  dialog: { showSaveDialog: vi.fn() },
  shell: { openExternal: vi.fn() },
  safeStorage: { isEncryptionAvailable: vi.fn(() => false), encryptString: vi.fn(), decryptString: vi.fn() }
}))

import { desktopServices, registerIpcHandlers } from '../../../src/main/ipc/registerIpcHandlers'
import { IpcChannel } from '../../../src/shared/ipc/channels'
import { MAX_BACKUP_CHUNK_BYTES, MAX_BACKUP_FILE_BYTES } from '../../../src/shared/ipc/contract'
import { ShownIpcError } from '../../../src/main/ipc/shownIpcError'
import { TeamError } from '../../../src/shared/team/teamProtocol'

type Listener = (event: never, raw: unknown) => Promise<unknown>

const TEAM_STATUS = { user: 'alice', role: 'editor', schemaVersion: 1, headSeq: 3, openConflicts: 1, records: 10 }
const TEAM_CONNECTION = { host: 'localhost', port: 5432, database: 'precedent', user: 'alice', password: 's3cret-pass' }
const teamServer = {
  status: vi.fn(async () => TEAM_STATUS),
  push: vi.fn(async () => ({ outcomes: [], headSeq: 3 })),
  pull: vi.fn(async () => ({ changes: [], headSeq: 3, more: false })),
  conflicts: vi.fn(async () => [])
}

const appUrl = new URL('app://bundle/index.html')
const UPLOAD_ID = '9b2f7c52-4a8e-4f59-9d41-3c1f0e2a7b6d'
const trustedEvent = { senderFrame: { url: 'app://bundle/index.html', parent: null }, sender: {} } as never

function registeredListener(channel: string): Listener {
  const call = ipcMain.handle.mock.calls.find(([name]) => name === channel)
  return call![1] as Listener
}

describe('registerIpcHandlers', () => {
  const services = {
    getAppInfo: vi.fn(() => ({ name: 'Precedent', version: '0.1.0', platform: 'linux' })),
    openExternalLink: vi.fn(async () => true),
    setMenuLanguage: vi.fn(),
    saveFile: vi.fn(async () => '/home/alice/Documents/incidents.csv'),
    printBriefingPdf: vi.fn(async () => null),
    backupUploads: {
      begin: vi.fn(async () => ({ uploadId: UPLOAD_ID })),
      chunk: vi.fn(async ({ offset, bytes }: { offset: number; bytes: Uint8Array }) => ({ received: offset + bytes.byteLength })),
      commit: vi.fn(async () => ({ savedPath: '/home/alice/.config/Precedent/backups/precedent-backup-2026-11-29T10-00-00-000Z.json.gz' })),
      abort: vi.fn(async () => ({ aborted: true }))
    },
    team: {
      connect: vi.fn(async () => TEAM_STATUS),
      disconnect: vi.fn(async () => ({ disconnected: true })),
      connection: vi.fn(async () => null),
      use: vi.fn(async (request: (server: typeof teamServer) => Promise<unknown>) => request(teamServer))
    }
  } as unknown as typeof desktopServices & {
    backupUploads: Record<'begin' | 'chunk' | 'commit' | 'abort', ReturnType<typeof vi.fn>>
    team: Record<'connect' | 'disconnect' | 'connection' | 'use', ReturnType<typeof vi.fn>>
  }

  beforeEach(() => {
    vi.clearAllMocks()
    registerIpcHandlers(appUrl, services)
  })

  it('registers a handler for every IpcChannel value, once each', () => {
    const channels = ipcMain.handle.mock.calls.map(([channel]) => channel)

    expect(channels.sort()).toEqual(Object.values(IpcChannel).sort())
  })

  it('uses the real services by default', () => {
    expect(Object.keys(desktopServices).sort()).toEqual(Object.keys(services).sort())
  })

  it('answers app:get-info with the app info service', async () => {
    await expect(registeredListener(IpcChannel.getAppInfo)(trustedEvent, undefined)).resolves.toEqual({
      ok: true,
      value: { name: 'Precedent', version: '0.1.0', platform: 'linux' }
    })
  })

  it('hands shell:open-external-link to the link gate', async () => {
    const result = await registeredListener(IpcChannel.openExternalLink)(trustedEvent, { url: 'https://example.com' })

    expect(result).toEqual({ ok: true, value: { opened: true } })
    expect(services.openExternalLink).toHaveBeenCalledWith('https://example.com')
  })

  it('shows the menu in the language the page names, and refuses one it does not have', async () => {
    const chinese = await registeredListener(IpcChannel.setInterfaceLanguage)(trustedEvent, { locale: 'zh-CN' })
    const klingon = await registeredListener(IpcChannel.setInterfaceLanguage)(trustedEvent, { locale: 'tlh' })

    expect(chinese).toEqual({ ok: true, value: {} })
    expect(klingon).toMatchObject({ ok: false, code: 'invalid-request' })
    expect(services.setMenuLanguage).toHaveBeenCalledExactlyOnceWith('zh-CN')
  })

  it('answers file:save with the path the file saver wrote', async () => {
    const request = { suggestedFileName: 'incidents.csv', encoding: 'utf8', content: 'a,b' }

    const result = await registeredListener(IpcChannel.saveFile)(trustedEvent, request)

    expect(result).toEqual({ ok: true, value: { savedPath: '/home/alice/Documents/incidents.csv' } })
  })

  it('answers briefing:print-pdf with null when the user cancels', async () => {
    const request = { html: '<h1>Briefing</h1>', suggestedFileName: 'briefing' }

    const result = await registeredListener(IpcChannel.printBriefingPdf)(trustedEvent, request)

    expect(result).toEqual({ ok: true, value: { savedPath: null } })
  })

  it('sends a backup through begin, chunk and commit, where main chooses the path', async () => {
    const begun = await registeredListener(IpcChannel.beginBackupUpload)(trustedEvent, { createdAt: '2026-11-29T10:00:00.000Z', totalBytes: 1000 })
    const chunk = await registeredListener(IpcChannel.backupUploadChunk)(trustedEvent, { uploadId: UPLOAD_ID, offset: 0, bytes: new Uint8Array(1000) })
    const committed = await registeredListener(IpcChannel.commitBackupUpload)(trustedEvent, { uploadId: UPLOAD_ID })
    const aborted = await registeredListener(IpcChannel.abortBackupUpload)(trustedEvent, { uploadId: UPLOAD_ID })

    expect(begun).toEqual({ ok: true, value: { uploadId: UPLOAD_ID } })
    expect(chunk).toEqual({ ok: true, value: { received: 1000 } })
    expect(committed).toMatchObject({ ok: true, value: { savedPath: expect.stringContaining('backups') } })
    expect(aborted).toEqual({ ok: true, value: { aborted: true } })
  })

  it.each([
    ['a path named by the page', IpcChannel.beginBackupUpload, { createdAt: '2026-11-29T10:00:00.000Z', totalBytes: 1000, path: '/etc/passwd' }],
    ['a size over the limit', IpcChannel.beginBackupUpload, { createdAt: '2026-11-29T10:00:00.000Z', totalBytes: MAX_BACKUP_FILE_BYTES + 1 }],
    ['an oversized chunk', IpcChannel.backupUploadChunk, { uploadId: UPLOAD_ID, offset: 0, bytes: new Uint8Array(MAX_BACKUP_CHUNK_BYTES + 1) }],
    ['an empty chunk', IpcChannel.backupUploadChunk, { uploadId: UPLOAD_ID, offset: 0, bytes: new Uint8Array(0) }],
    ['a chunk of text, not bytes', IpcChannel.backupUploadChunk, { uploadId: UPLOAD_ID, offset: 0, bytes: 'H4sI' }],
    ['a negative offset', IpcChannel.backupUploadChunk, { uploadId: UPLOAD_ID, offset: -1, bytes: new Uint8Array(10) }],
    ['an upload id that is not one', IpcChannel.commitBackupUpload, { uploadId: '../../etc' }]
  ] as const)('refuses %s before any backup service runs', async (_what, channel, request) => {
    const result = await registeredListener(channel)(trustedEvent, request)

    expect(result).toMatchObject({ ok: false, code: 'invalid-request' })
    for (const service of Object.values(services.backupUploads)) expect(service).not.toHaveBeenCalled()
  })

  describe('team channels', () => {
    beforeEach(() => {
      vi.spyOn(console, 'warn').mockImplementation(() => {})
      vi.spyOn(console, 'error').mockImplementation(() => {})
    })

    it('connects with the connection and answers the status, never the password', async () => {
      const result = await registeredListener(IpcChannel.teamConnect)(trustedEvent, TEAM_CONNECTION)

      expect(result).toEqual({ ok: true, value: TEAM_STATUS })
      expect(services.team.connect).toHaveBeenCalledWith(TEAM_CONNECTION)
      expect(JSON.stringify(result)).not.toContain('s3cret-pass')
    })

    it.each([
      ['a port that is not a number', { ...TEAM_CONNECTION, port: '5432' }],
      ['a port out of range', { ...TEAM_CONNECTION, port: 70000 }],
      ['an empty host', { ...TEAM_CONNECTION, host: '' }],
      ['an unknown key', { ...TEAM_CONNECTION, sslmode: 'disable' }],
      ['nothing', undefined]
    ])('refuses team:connect with %s and connects nothing', async (_what, request) => {
      const result = await registeredListener(IpcChannel.teamConnect)(trustedEvent, request)

      expect(result).toMatchObject({ ok: false, code: 'invalid-request' })
      expect(services.team.connect).not.toHaveBeenCalled()
    })

    it.each([
      [IpcChannel.teamPush, { changes: [{ kind: 'revision', id: 'r1' }] }],
      [IpcChannel.teamPull, { since: -1, limit: 10 }],
      [IpcChannel.teamPull, { since: 0, limit: 1_000_000 }],
      [IpcChannel.teamConflicts, { includeResolved: 'yes' }],
      [IpcChannel.teamResolveConflict, { conflictId: '' }],
      [IpcChannel.teamSaveBriefing, { briefing: { id: 'b1' }, shared: true }],
      [IpcChannel.teamStatus, { user: 'mallory' }]
    ])('refuses a malformed request on %s before it reaches the server', async (channel, request) => {
      const result = await registeredListener(channel)(trustedEvent, request)

      expect(result).toMatchObject({ ok: false, code: 'invalid-request' })
      expect(services.team.use).not.toHaveBeenCalled()
    })

    it('hands a valid pull to the kept server and answers its page', async () => {
      const result = await registeredListener(IpcChannel.teamPull)(trustedEvent, { since: 0, limit: 100 })

      expect(result).toEqual({ ok: true, value: { changes: [], headSeq: 3, more: false } })
      expect(teamServer.pull).toHaveBeenCalledWith({ since: 0, limit: 100 })
    })

    it("keeps a TeamError's code and the first line of its message", async () => {
      teamServer.status.mockRejectedValueOnce(new TeamError('unreachable', 'cannot connect to db.ministry.example:5432\n    at Socket.connect (net.js:1)'))

      const result = await registeredListener(IpcChannel.teamStatus)(trustedEvent, undefined)

      expect(result).toEqual({ ok: false, code: 'unreachable', message: 'cannot connect to db.ministry.example:5432' })
    })

    it('says not-connected when no connection is kept', async () => {
      services.team.use.mockRejectedValueOnce(new ShownIpcError('not-connected', 'Not connected to a team server: connect on the Team page.'))

      const result = await registeredListener(IpcChannel.teamConflicts)(trustedEvent, { includeResolved: false })

      expect(result).toEqual({ ok: false, code: 'not-connected', message: 'Not connected to a team server: connect on the Team page.' })
    })

    it('answers the kept connection, and refuses an answer that would carry a password', async () => {
      services.team.connection.mockResolvedValueOnce({ host: 'localhost', port: 5432, database: 'precedent', user: 'alice' })
      await expect(registeredListener(IpcChannel.teamConnection)(trustedEvent, undefined)).resolves.toEqual({
        ok: true,
        value: { connection: { host: 'localhost', port: 5432, database: 'precedent', user: 'alice' } }
      })

      services.team.connection.mockResolvedValueOnce(TEAM_CONNECTION)
      const leaking = await registeredListener(IpcChannel.teamConnection)(trustedEvent, undefined)

      expect(leaking).toMatchObject({ ok: false, code: 'failed' })
      expect(JSON.stringify(leaking)).not.toContain('s3cret-pass')
    })
  })
})
