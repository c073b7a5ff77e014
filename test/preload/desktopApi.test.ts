import { beforeEach, describe, expect, it, vi } from 'vitest'

const { ipcRenderer, contextBridge, listeners } = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>()
  const ipcRenderer = {
    invoke: vi.fn(async (channel: string) => ({ ok: true, value: { channel } })),
    send: vi.fn(),
    on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener))
      return ipcRenderer
    }),
    removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(listener)
      return ipcRenderer
    })
  }
  return { ipcRenderer, contextBridge: { exposeInMainWorld: vi.fn() }, listeners }
})
vi.mock('electron', () => ({ ipcRenderer, contextBridge }))

import { IpcChannel, IpcEvent } from '../../src/shared/ipc/channels'
import type { DesktopApi } from '../../src/shared/ipc/desktopApi'

const desktopApiMethods: readonly (keyof DesktopApi)[] = [
  'getAppInfo',
  'openExternalLink',
  'setInterfaceLanguage',
  'saveFile',
  'printBriefingPdf',
  'beginBackupUpload',
  'backupUploadChunk',
  'commitBackupUpload',
  'abortBackupUpload',
  'teamConnect',
  'teamDisconnect',
  'teamConnection',
  'teamStatus',
  'teamPush',
  'teamPull',
  'teamCurrentRecords',
  'teamConflicts',
  'teamResolveConflict',
  'teamBriefings',
  'teamSaveBriefing',
  'onMenuCommand'
]

async function exposedApi(): Promise<DesktopApi> {
  await import('../../src/preload/index')
  const [[name, api]] = contextBridge.exposeInMainWorld.mock.calls as [[string, DesktopApi]]
  expect(name).toBe('desktop')
  return api
}

function emitMenuCommand(payload: unknown): void {
  const fakeEvent = { sender: ipcRenderer, senderId: 0 }
  for (const listener of listeners.get(IpcEvent.menuCommand) ?? []) listener(fakeEvent, payload)
}

describe('preload desktopApi', () => {
  beforeEach(() => {
    vi.resetModules()
    vi.clearAllMocks()
    listeners.clear()
  })

  it('exposes window.desktop with exactly the DesktopApi methods', async () => {
    const api = await exposedApi()

    expect(Object.keys(api).sort()).toEqual([...desktopApiMethods].sort())
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true)
  })

  it('leaks neither ipcRenderer nor any of its functions', async () => {
    const api = await exposedApi()
    const ipcFunctions = Object.values(ipcRenderer)

    expect(Object.values(api)).not.toContain(ipcRenderer)
    expect(Object.values(api).some((value) => ipcFunctions.includes(value as never))).toBe(false)
  })

  it.each([
    ['getAppInfo', IpcChannel.getAppInfo, undefined],
    ['openExternalLink', IpcChannel.openExternalLink, { url: 'https://example.com' }],
    ['setInterfaceLanguage', IpcChannel.setInterfaceLanguage, { locale: 'zh-CN' }],
    ['saveFile', IpcChannel.saveFile, { suggestedFileName: 'a.csv', encoding: 'utf8', content: 'x' }],
    ['printBriefingPdf', IpcChannel.printBriefingPdf, { html: '<h1>B</h1>', suggestedFileName: 'b.pdf' }],
    ['beginBackupUpload', IpcChannel.beginBackupUpload, { createdAt: '2026-11-29T10:00:00.000Z', totalBytes: 100 }],
    ['backupUploadChunk', IpcChannel.backupUploadChunk, { uploadId: 'u', offset: 0, bytes: new Uint8Array([0x1f, 0x8b]) }],
    ['commitBackupUpload', IpcChannel.commitBackupUpload, { uploadId: 'u' }],
    ['abortBackupUpload', IpcChannel.abortBackupUpload, { uploadId: 'u' }],
    ['teamConnect', IpcChannel.teamConnect, { host: 'localhost', port: 5432, database: 'precedent', user: 'alice', password: 'pw' }],
    ['teamDisconnect', IpcChannel.teamDisconnect, undefined],
    ['teamConnection', IpcChannel.teamConnection, undefined],
    ['teamStatus', IpcChannel.teamStatus, undefined],
    ['teamPush', IpcChannel.teamPush, { changes: [] }],
    ['teamPull', IpcChannel.teamPull, { since: 0, limit: 10 }],
    ['teamCurrentRecords', IpcChannel.teamCurrentRecords, { limit: 10 }],
    ['teamConflicts', IpcChannel.teamConflicts, { includeResolved: false }],
    ['teamResolveConflict', IpcChannel.teamResolveConflict, { conflictId: 'c1' }],
    ['teamBriefings', IpcChannel.teamBriefings, undefined],
    ['teamSaveBriefing', IpcChannel.teamSaveBriefing, { briefing: {}, shared: true }]
  ] as const)('sends %s on its one fixed channel %s', async (method, channel, request) => {
    const api = await exposedApi()

    await (api[method] as (request: unknown) => Promise<unknown>)(request)

    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(...(request === undefined ? [channel] : [channel, request]))
  })

  it('forwards only the request, not extra arguments the page adds', async () => {
    const api = await exposedApi()

    await (api.openExternalLink as (...args: unknown[]) => Promise<unknown>)({ url: 'https://example.com' }, 'app:get-info', 'x')

    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(IpcChannel.openExternalLink, { url: 'https://example.com' })
  })

  it('never sends without waiting for an answer', async () => {
    const api = await exposedApi()

    await api.getAppInfo()

    expect(ipcRenderer.send).not.toHaveBeenCalled()
  })

  it('gives a menu listener the command and not the IPC event', async () => {
    const api = await exposedApi()
    const listener = vi.fn()
    api.onMenuCommand(listener)

    emitMenuCommand('go-laws')

    expect(listener).toHaveBeenCalledExactlyOnceWith('go-laws')
  })

  it('drops a menu payload that is not a known command', async () => {
    const api = await exposedApi()
    const listener = vi.fn()
    api.onMenuCommand(listener)

    emitMenuCommand({ sender: 'not a command' })

    expect(listener).not.toHaveBeenCalled()
  })

  it('stops calling the listener once unsubscribed', async () => {
    const api = await exposedApi()
    const listener = vi.fn()
    const unsubscribe = api.onMenuCommand(listener)

    unsubscribe()
    emitMenuCommand('new-incident')

    expect(listener).not.toHaveBeenCalled()
  })
})
