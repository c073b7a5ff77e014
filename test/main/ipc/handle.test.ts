import { beforeEach, describe, expect, it, vi } from 'vitest'

const { ipcMain, BrowserWindow } = vi.hoisted(() => ({
  ipcMain: { handle: vi.fn() },
  BrowserWindow: { fromWebContents: vi.fn() }
}))
vi.mock('electron', () => ({ ipcMain, BrowserWindow }))

import { answerIpcRequest, handle } from '../../../src/main/ipc/handle'
import { IpcChannel } from '../../../src/shared/ipc/channels'

const appUrl = new URL('app://bundle/index.html')
const ownWindow = { id: 1 }

function invokeEvent(url = 'app://bundle/index.html', parent: object | null = null) {
  return { senderFrame: { url, parent }, sender: { id: 7 } } as never
}

describe('answerIpcRequest', () => {
  const openLink = vi.fn()

  beforeEach(() => {
    vi.clearAllMocks()
    BrowserWindow.fromWebContents.mockReturnValue(ownWindow)
    openLink.mockResolvedValue({ opened: true })
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    vi.spyOn(console, 'error').mockImplementation(() => {})
  })

  const ask = (event: never, raw: unknown) => answerIpcRequest(IpcChannel.openExternalLink, appUrl, openLink, event, raw)

  it('runs the service with the parsed request and wraps its answer as a success', async () => {
    const result = await ask(invokeEvent(), { url: 'https://example.com' })

    expect(result).toEqual({ ok: true, value: { opened: true } })
    expect(openLink).toHaveBeenCalledWith({ url: 'https://example.com' }, { window: ownWindow })
  })

  it('refuses a request from a subframe', async () => {
    const result = await ask(invokeEvent('app://bundle/index.html', { url: 'app://bundle/index.html' }), {
      url: 'https://example.com'
    })

    expect(result).toMatchObject({ ok: false, code: 'untrusted-sender' })
    expect(openLink).not.toHaveBeenCalled()
  })

  it.each(['app://bundle.evil/index.html', 'https://example.com/', 'app://x@bundle/', 'file:///index.html'])(
    'refuses a request from a page at %s',
    async (url) => {
      const result = await ask(invokeEvent(url), { url: 'https://example.com' })

      expect(result).toMatchObject({ ok: false, code: 'untrusted-sender' })
      expect(openLink).not.toHaveBeenCalled()
    }
  )

  it('refuses a request whose sender frame is gone', async () => {
    const result = await ask({ senderFrame: null, sender: {} } as never, { url: 'https://example.com' })

    expect(result).toMatchObject({ ok: false, code: 'untrusted-sender' })
  })

  it.each([undefined, null, 'https://example.com', { url: 42 }, { url: 'file:///etc/passwd' }, { url: 'https://x', extra: 1 }])(
    'refuses the badly shaped request %j',
    async (raw) => {
      const result = await ask(invokeEvent(), raw)

      expect(result).toMatchObject({ ok: false, code: 'invalid-request' })
      expect(openLink).not.toHaveBeenCalled()
    }
  )

  it('turns a thrown error into a failure that reveals nothing of it', async () => {
    openLink.mockRejectedValue(new Error('EACCES: /home/alice/secret'))

    const result = await ask(invokeEvent(), { url: 'https://example.com' })

    expect(result).toEqual({ ok: false, code: 'failed', message: 'The operation failed. Details are in the log.' })
  })

  it('fails rather than return a response that breaks the contract', async () => {
    openLink.mockResolvedValue({ opened: 'yes' })

    const result = await ask(invokeEvent(), { url: 'https://example.com' })

    expect(result).toMatchObject({ ok: false, code: 'failed' })
  })
})

describe('handle', () => {
  it('registers the channel with ipcMain.handle and answers through the checks', async () => {
    const run = vi.fn().mockResolvedValue({ name: 'Precedent', version: '0.1.0', platform: 'linux' })

    handle(IpcChannel.getAppInfo, appUrl, run)
    const [channel, listener] = ipcMain.handle.mock.calls[0] as [string, (event: never, raw: unknown) => Promise<unknown>]

    expect(channel).toBe('app:get-info')
    await expect(listener(invokeEvent(), undefined)).resolves.toEqual({
      ok: true,
      value: { name: 'Precedent', version: '0.1.0', platform: 'linux' }
    })
  })
})
