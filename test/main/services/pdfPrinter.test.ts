import { beforeEach, describe, expect, it, vi } from 'vitest'

const { BrowserWindow, windows, dialog, writeFileAtomically } = vi.hoisted(() => {
  const windows: {
    options: { show: boolean; webPreferences: Record<string, unknown> }
    loadURL: ReturnType<typeof vi.fn>
    destroy: ReturnType<typeof vi.fn>
    webContents: { printToPDF: ReturnType<typeof vi.fn> }
  }[] = []
  const BrowserWindow = vi.fn(function (this: Record<string, unknown>, options: unknown) {
    this.options = options
    this.loadURL = vi.fn().mockResolvedValue(undefined)
    this.destroy = vi.fn()
    this.webContents = { printToPDF: vi.fn().mockResolvedValue(Buffer.from('%PDF-1.7')) }
    windows.push(this as never)
  })
  return { BrowserWindow, windows, dialog: { showSaveDialog: vi.fn() }, writeFileAtomically: vi.fn() }
})
vi.mock('electron', () => ({ BrowserWindow, dialog, app: { getPath: () => '/home/alice/Documents' } }))
vi.mock('../../../src/node/writeFileAtomically', () => ({ writeFileAtomically }))

import { BriefingTooLargeError, printBriefingPdf, renderHtmlToPdf } from '../../../src/main/services/pdfPrinter'

describe('renderHtmlToPdf', () => {
  beforeEach(() => {
    vi.clearAllMocks()
    windows.length = 0
  })

  it('renders in a hidden window that runs no script, is sandboxed and has no preload', async () => {
    await renderHtmlToPdf('<h1>Briefing</h1>')

    expect(windows[0]!.options.show).toBe(false)
    expect(windows[0]!.options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
      disableBlinkFeatures: 'Auxclick'
    })
    expect(windows[0]!.options.webPreferences).not.toHaveProperty('preload')
  })

  it('loads the HTML as a base64 data: URL and returns the PDF bytes', async () => {
    const pdf = await renderHtmlToPdf('<h1>Décision</h1>')

    const loaded = windows[0]!.loadURL.mock.calls[0]![0] as string
    expect(loaded.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true)
    expect(Buffer.from(loaded.split(',')[1]!, 'base64').toString('utf8')).toBe('<h1>Décision</h1>')
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7')
  })

  it('destroys the window even when printing fails', async () => {
    BrowserWindow.mockImplementationOnce(function (this: Record<string, unknown>, options: unknown) {
      this.options = options
      this.loadURL = vi.fn().mockResolvedValue(undefined)
      this.destroy = vi.fn()
      this.webContents = { printToPDF: vi.fn().mockRejectedValue(new Error('print failed')) }
      windows.push(this as never)
    })

    await expect(renderHtmlToPdf('<p>x</p>')).rejects.toThrow('print failed')

    expect(windows[0]!.destroy).toHaveBeenCalled()
  })

  it('refuses HTML whose data: URL Chromium would not load, before opening a window', async () => {
    await expect(renderHtmlToPdf('é'.repeat(800_000))).rejects.toBeInstanceOf(BriefingTooLargeError)

    expect(BrowserWindow).not.toHaveBeenCalled()
  })
})

describe('printBriefingPdf', () => {
  beforeEach(() => {
    vi.clearAllMocks()
    windows.length = 0
    writeFileAtomically.mockResolvedValue(undefined)
  })

  it('asks for a .pdf path, then writes the rendered PDF there', async () => {
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: '/tmp/briefing.pdf' })

    const savedPath = await printBriefingPdf({ html: '<h1>B</h1>', suggestedFileName: 'ICO / fine' }, null)

    expect(dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: '/home/alice/Documents/ICO - fine.pdf' }))
    expect(savedPath).toBe('/tmp/briefing.pdf')
    expect(writeFileAtomically).toHaveBeenCalledWith('/tmp/briefing.pdf', Buffer.from('%PDF-1.7'))
  })

  it('renders nothing when the user cancels', async () => {
    dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' })

    const savedPath = await printBriefingPdf({ html: '<h1>B</h1>', suggestedFileName: 'b.pdf' }, null)

    expect(savedPath).toBeNull()
    expect(BrowserWindow).not.toHaveBeenCalled()
  })
})
