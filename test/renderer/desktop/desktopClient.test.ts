import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BACKUP_UPLOAD_CHUNK_BYTES, createDesktopClient, DesktopRequestError } from '../../../src/renderer/desktop/desktopClient'
import type { DesktopApi, TeamMethod } from '../../../src/shared/ipc/desktopApi'
import { failure, success } from '../../../src/shared/ipc/ipcResult'

function aBridge(overrides: Partial<DesktopApi> = {}): DesktopApi {
  return {
    getAppInfo: vi.fn(async () => success({ name: 'Precedent', version: '0.1.0', platform: 'linux' })),
    openExternalLink: vi.fn(async () => success({ opened: true })),
    setInterfaceLanguage: vi.fn(async () => success({})),
    saveFile: vi.fn(async () => success({ savedPath: '/home/alice/Documents/incidents.csv' })),
    printBriefingPdf: vi.fn(async () => success({ savedPath: '/home/alice/Documents/briefing.pdf' })),
    beginBackupUpload: vi.fn(async () => success({ uploadId: 'upload-1' })),
    backupUploadChunk: vi.fn(async ({ offset, bytes }) => success({ received: offset + bytes.byteLength })),
    commitBackupUpload: vi.fn(async () => success({ savedPath: '/home/alice/.config/Precedent/backups/precedent-backup-2026-11-29T10-00-00-000Z.json.gz' })),
    abortBackupUpload: vi.fn(async () => success({ aborted: true })),
    onMenuCommand: vi.fn(() => () => {}),
    ...notConnectedTeam(),
    ...overrides
  }
}

/** The team methods of a desktop app with no team connection kept. */
function notConnectedTeam(): Pick<DesktopApi, TeamMethod> {
  const notConnected = async () => failure('not-connected', 'Not connected to a team server: connect on the Team page.')
  return {
    teamConnect: vi.fn(notConnected),
    teamDisconnect: vi.fn(async () => success({ disconnected: false })),
    teamConnection: vi.fn(async () => success({ connection: null })),
    teamStatus: vi.fn(notConnected),
    teamPush: vi.fn(notConnected),
    teamPull: vi.fn(notConnected),
    teamCurrentRecords: vi.fn(notConnected),
    teamConflicts: vi.fn(notConnected),
    teamResolveConflict: vi.fn(notConnected),
    teamBriefings: vi.fn(notConnected),
    teamSaveBriefing: vi.fn(notConnected)
  }
}

function hostWith(desktop: DesktopApi | undefined): Window {
  return Object.assign(Object.create(window) as Window, { desktop, open: vi.fn(), print: vi.fn() })
}

describe('createDesktopClient with the Electron bridge', () => {
  it('uses the bridge when window.desktop exists', () => {
    expect(createDesktopClient(hostWith(aBridge())).kind).toBe('electron')
  })

  it('returns the app info from main', async () => {
    const client = createDesktopClient(hostWith(aBridge()))

    await expect(client.getAppInfo()).resolves.toEqual({ name: 'Precedent', version: '0.1.0', platform: 'linux' })
  })

  it('tells main the interface language, for the menu', async () => {
    const bridge = aBridge()

    await createDesktopClient(hostWith(bridge)).setInterfaceLanguage('zh-CN')

    expect(bridge.setInterfaceLanguage).toHaveBeenCalledExactlyOnceWith({ locale: 'zh-CN' })
  })

  it('saves text as utf8 and reports the saved path', async () => {
    const bridge = aBridge()
    const client = createDesktopClient(hostWith(bridge))

    const outcome = await client.saveFile({ suggestedFileName: 'incidents.csv', content: 'a,b\n' })

    expect(outcome).toEqual({ status: 'saved', path: '/home/alice/Documents/incidents.csv' })
    expect(bridge.saveFile).toHaveBeenCalledWith(expect.objectContaining({ suggestedFileName: 'incidents.csv', encoding: 'utf8', content: 'a,b\n' }))
  })

  it('sends bytes as base64', async () => {
    const bridge = aBridge()
    const client = createDesktopClient(hostWith(bridge))

    await client.saveFile({ suggestedFileName: 'a.docx', content: new Uint8Array([0x50, 0x4b, 0x03, 0x04]) })

    expect(bridge.saveFile).toHaveBeenCalledWith(expect.objectContaining({ encoding: 'base64', content: 'UEsDBA==' }))
  })

  it('reports a cancelled save dialog as cancelled', async () => {
    const client = createDesktopClient(hostWith(aBridge({ saveFile: vi.fn(async () => success({ savedPath: null })) })))

    await expect(client.saveFile({ suggestedFileName: 'a.csv', content: 'x' })).resolves.toEqual({ status: 'cancelled' })
  })

  it('prints a briefing to a PDF through main', async () => {
    const bridge = aBridge()
    const client = createDesktopClient(hostWith(bridge))

    const outcome = await client.printBriefing({ html: '<h1>B</h1>', suggestedFileName: 'briefing.pdf' })

    expect(outcome).toEqual({ status: 'saved', path: '/home/alice/Documents/briefing.pdf' })
    expect(bridge.printBriefingPdf).toHaveBeenCalledWith({ html: '<h1>B</h1>', suggestedFileName: 'briefing.pdf' })
  })

  it('sends a backup file to main in chunks of at most BACKUP_UPLOAD_CHUNK_BYTES and reports where it was written', async () => {
    const bridge = aBridge()
    const client = createDesktopClient(hostWith(bridge))
    const content = Uint8Array.from({ length: BACKUP_UPLOAD_CHUNK_BYTES * 2 + 10 }, (_, index) => index % 251)

    const outcome = await client.writeBackup({ createdAt: '2026-11-29T10:00:00.000Z', file: new Blob([content]) })

    expect(bridge.beginBackupUpload).toHaveBeenCalledWith({ createdAt: '2026-11-29T10:00:00.000Z', totalBytes: content.byteLength })
    const chunks = vi.mocked(bridge.backupUploadChunk).mock.calls.map(([request]) => request)
    expect(chunks.map(({ offset, bytes }) => [offset, bytes.byteLength])).toEqual([
      [0, BACKUP_UPLOAD_CHUNK_BYTES],
      [BACKUP_UPLOAD_CHUNK_BYTES, BACKUP_UPLOAD_CHUNK_BYTES],
      [BACKUP_UPLOAD_CHUNK_BYTES * 2, 10]
    ])
    const received = Buffer.concat(chunks.map(({ bytes }) => bytes))
    expect(received.equals(content)).toBe(true)
    expect(bridge.commitBackupUpload).toHaveBeenCalledWith({ uploadId: 'upload-1' })
    expect(bridge.abortBackupUpload).not.toHaveBeenCalled()
    expect(outcome).toEqual({ status: 'saved', path: '/home/alice/.config/Precedent/backups/precedent-backup-2026-11-29T10-00-00-000Z.json.gz' })
  })

  it('aborts the upload when main refuses a chunk', async () => {
    const bridge = aBridge({ backupUploadChunk: vi.fn(async () => failure('failed', 'Chunk out of order')) })
    const client = createDesktopClient(hostWith(bridge))

    await expect(client.writeBackup({ createdAt: '2026-11-29T10:00:00.000Z', file: new Blob([new Uint8Array(100)]) })).rejects.toBeInstanceOf(
      DesktopRequestError
    )
    expect(bridge.abortBackupUpload).toHaveBeenCalledWith({ uploadId: 'upload-1' })
    expect(bridge.commitBackupUpload).not.toHaveBeenCalled()
  })

  it('throws a DesktopRequestError carrying the failure code', async () => {
    const client = createDesktopClient(hostWith(aBridge({ saveFile: vi.fn(async () => failure('failed', 'Disk full')) })))

    const error = await client.saveFile({ suggestedFileName: 'a.csv', content: 'x' }).catch((caught: unknown) => caught)

    expect(error).toBeInstanceOf(DesktopRequestError)
    expect(error).toMatchObject({ code: 'failed', message: 'Disk full' })
  })

  it('opens a safe link through main', async () => {
    const bridge = aBridge()
    const client = createDesktopClient(hostWith(bridge))

    await expect(client.openExternalLink('https://edpb.europa.eu')).resolves.toBe(true)
    expect(bridge.openExternalLink).toHaveBeenCalledWith({ url: 'https://edpb.europa.eu/' })
  })

  it('refuses an unsafe link without asking main', async () => {
    const bridge = aBridge()
    const client = createDesktopClient(hostWith(bridge))

    await expect(client.openExternalLink('file:///etc/passwd')).resolves.toBe(false)
    expect(bridge.openExternalLink).not.toHaveBeenCalled()
  })

  it('passes menu commands through and returns the unsubscribe function', () => {
    const unsubscribe = vi.fn()
    const bridge = aBridge({ onMenuCommand: vi.fn(() => unsubscribe) })
    const listener = vi.fn()

    const stop = createDesktopClient(hostWith(bridge)).onMenuCommand(listener)

    expect(bridge.onMenuCommand).toHaveBeenCalledWith(listener)
    expect(stop).toBe(unsubscribe)
  })
})

describe('createDesktopClient in a browser', () => {
  let host: Window

  beforeEach(() => {
    host = hostWith(undefined)
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:app/1')
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
  })

  afterEach(() => {
    vi.restoreAllMocks()
    vi.useRealTimers()
  })

  it('falls back to the browser when window.desktop is missing', () => {
    expect(createDesktopClient(host).kind).toBe('browser')
  })

  it('downloads an export through a temporary link with a sanitised name', async () => {
    const clicks: { download: string; href: string; inDocument: boolean }[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ download: this.download, href: this.href, inDocument: document.body.contains(this) })
    })

    const outcome = await createDesktopClient(host).saveFile({ suggestedFileName: '../incidents.csv', content: 'a,b' })

    expect(outcome).toEqual({ status: 'downloaded', fileName: 'incidents.csv' })
    expect(clicks).toEqual([{ download: 'incidents.csv', href: 'blob:app/1', inDocument: true }])
    expect(document.querySelectorAll('a[download]')).toHaveLength(0)
  })

  it('downloads the content itself as a Blob of the given type', async () => {
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})

    await createDesktopClient(host).saveFile({ suggestedFileName: 'a.json', content: '{"a":1}', mimeType: 'application/json' })

    const blob = vi.mocked(URL.createObjectURL).mock.calls[0]![0] as Blob
    expect(blob.type).toBe('application/json')
    expect(await blob.text()).toBe('{"a":1}')
  })

  it('revokes the Blob URL once the download has had time to start', async () => {
    vi.useFakeTimers()
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})

    await createDesktopClient(host).saveFile({ suggestedFileName: 'a.csv', content: 'x' })
    vi.runAllTimers()

    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:app/1')
  })

  it('opens the print dialog for a briefing', async () => {
    const outcome = await createDesktopClient(host).printBriefing({ html: '<h1>B</h1>', suggestedFileName: 'b.pdf' })

    expect(outcome).toEqual({ status: 'print-dialog-opened' })
    expect(host.print).toHaveBeenCalledOnce()
  })

  it('opens a safe link in a new tab without opener or referrer', async () => {
    await expect(createDesktopClient(host).openExternalLink('https://ico.org.uk')).resolves.toBe(true)

    expect(host.open).toHaveBeenCalledExactlyOnceWith('https://ico.org.uk/', '_blank', 'noopener,noreferrer')
  })

  it.each(['javascript:alert(1)', 'file:///etc/passwd', ' https://example.com', 'data:text/html,x'])('refuses to open %j', async (url) => {
    await expect(createDesktopClient(host).openExternalLink(url)).resolves.toBe(false)

    expect(host.open).not.toHaveBeenCalled()
  })

  it('keeps backups in the browser, since a page cannot write files unasked', async () => {
    const client = createDesktopClient(hostWith(undefined))

    await expect(client.writeBackup({ createdAt: '2026-11-29T10:00:00.000Z', file: new Blob(['x']) })).resolves.toEqual({ status: 'kept-in-browser' })
  })

  it('reports browser app info', async () => {
    await expect(createDesktopClient(host).getAppInfo()).resolves.toEqual({ name: 'Precedent', version: 'web', platform: 'web' })
  })

  it('has no menu, so subscribing does nothing and can be undone', () => {
    const stop = createDesktopClient(host).onMenuCommand(vi.fn())

    expect(() => stop()).not.toThrow()
  })
})
