import { beforeEach, describe, expect, it, vi } from 'vitest'

const { dialog, writeFileAtomically } = vi.hoisted(() => ({
  dialog: { showSaveDialog: vi.fn() },
  writeFileAtomically: vi.fn()
}))
vi.mock('electron', () => ({ app: { getPath: () => '/home/alice/Documents' }, dialog }))
vi.mock('../../../src/node/writeFileAtomically', () => ({ writeFileAtomically }))

import { saveFile } from '../../../src/main/services/fileSaver'

describe('saveFile', () => {
  beforeEach(() => {
    vi.clearAllMocks()
    writeFileAtomically.mockResolvedValue(undefined)
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: '/home/alice/Documents/incidents.csv' })
  })

  it('proposes the sanitised name in Documents and never a page-chosen folder', async () => {
    await saveFile({ suggestedFileName: '../../.ssh/authorized_keys', encoding: 'utf8', content: 'x' }, null)

    expect(dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: '/home/alice/Documents/ssh-authorized_keys' }))
  })

  it('parents the dialog to the requesting window', async () => {
    const window = { id: 1 }

    await saveFile({ suggestedFileName: 'a.csv', encoding: 'utf8', content: 'x' }, window as never)

    expect(dialog.showSaveDialog).toHaveBeenCalledWith(window, expect.any(Object))
  })

  it('passes the file filters to the dialog', async () => {
    const filters = [{ name: 'CSV', extensions: ['csv'] }]

    await saveFile({ suggestedFileName: 'a.csv', encoding: 'utf8', content: 'x', filters }, null)

    expect(dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ filters }))
  })

  it('writes text to the chosen path and returns that path', async () => {
    const savedPath = await saveFile({ suggestedFileName: 'incidents.csv', encoding: 'utf8', content: 'a,b\n' }, null)

    expect(savedPath).toBe('/home/alice/Documents/incidents.csv')
    expect(writeFileAtomically).toHaveBeenCalledWith('/home/alice/Documents/incidents.csv', 'a,b\n')
  })

  it('decodes base64 content to bytes before writing', async () => {
    await saveFile({ suggestedFileName: 'a.docx', encoding: 'base64', content: 'UEsDBA==' }, null)

    const written = writeFileAtomically.mock.calls[0]![1] as Uint8Array
    expect([...written]).toEqual([0x50, 0x4b, 0x03, 0x04])
  })

  it('returns null and writes nothing when the user cancels', async () => {
    dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' })

    const savedPath = await saveFile({ suggestedFileName: 'a.csv', encoding: 'utf8', content: 'x' }, null)

    expect(savedPath).toBeNull()
    expect(writeFileAtomically).not.toHaveBeenCalled()
  })
})
