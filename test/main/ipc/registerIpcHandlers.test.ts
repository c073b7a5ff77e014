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
  shell: { openExternal: vi.fn() }
}))

import { desktopServices, registerIpcHandlers } from '../../../src/main/ipc/registerIpcHandlers'
import { IpcChannel } from '../../../src/shared/ipc/channels'

type Listener = (event: never, raw: unknown) => Promise<unknown>

const appUrl = new URL('app://bundle/index.html')
const trustedEvent = { senderFrame: { url: 'app://bundle/index.html', parent: null }, sender: {} } as never

function registeredListener(channel: string): Listener {
  const call = ipcMain.handle.mock.calls.find(([name]) => name === channel)
  return call![1] as Listener
}

describe('registerIpcHandlers', () => {
  const services = {
    getAppInfo: vi.fn(() => ({ name: 'Precedent', version: '0.1.0', platform: 'linux' })),
    openExternalLink: vi.fn(async () => true),
    saveFile: vi.fn(async () => '/home/alice/Documents/incidents.csv'),
    printBriefingPdf: vi.fn(async () => null),
    writeBackup: vi.fn(async () => '/home/alice/.config/Precedent/backups/precedent-backup-2026-11-29T10-00-00-000Z.json')
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

  it('writes a backup where main chooses and refuses a request that names a path', async () => {
    const written = await registeredListener(IpcChannel.writeBackup)(trustedEvent, { createdAt: '2026-11-29T10:00:00.000Z', content: '{}' })
    const forged = await registeredListener(IpcChannel.writeBackup)(trustedEvent, { createdAt: '2026-11-29T10:00:00.000Z', content: '{}', path: '/etc/passwd' })

    expect(written).toMatchObject({ ok: true, value: { savedPath: expect.stringContaining('backups') } })
    expect(forged).toMatchObject({ ok: false })
    expect(services.writeBackup).toHaveBeenCalledTimes(1)
  })
})
