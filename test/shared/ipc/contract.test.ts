import { describe, expect, it } from 'vitest'
import { IpcChannel, isMenuCommand, menuCommands } from '../../../src/shared/ipc/channels'
import { ipcContract, MAX_BRIEFING_HTML_LENGTH } from '../../../src/shared/ipc/contract'
import { failure, success } from '../../../src/shared/ipc/ipcResult'

const request = <C extends IpcChannel>(channel: C) => ipcContract[channel].request

describe('IpcChannel', () => {
  it('names every channel area:verb-noun', () => {
    for (const channel of Object.values(IpcChannel)) expect(channel).toMatch(/^[a-z]+:[a-z]+(-[a-z]+)*$/)
  })

  it('has request and response schemas for every channel and no others', () => {
    expect(Object.keys(ipcContract).sort()).toEqual(Object.values(IpcChannel).sort())
  })
})

describe('isMenuCommand', () => {
  it('accepts every known menu command', () => {
    expect(menuCommands.every(isMenuCommand)).toBe(true)
  })

  it('refuses anything else', () => {
    expect([undefined, 42, 'rm -rf', 'new-incident ', { command: 'new-incident' }].some(isMenuCommand)).toBe(false)
  })
})

describe('ipcContract', () => {
  describe('app:get-info', () => {
    it('takes no argument', () => {
      expect(request(IpcChannel.getAppInfo).safeParse(undefined).success).toBe(true)
      expect(request(IpcChannel.getAppInfo).safeParse({}).success).toBe(false)
    })
  })

  describe('shell:open-external-link', () => {
    it('accepts an https: link', () => {
      expect(request(IpcChannel.openExternalLink).safeParse({ url: 'https://edpb.europa.eu/' }).success).toBe(true)
    })

    it('accepts a mailto: link', () => {
      expect(request(IpcChannel.openExternalLink).safeParse({ url: 'mailto:dpo@example.com' }).success).toBe(true)
    })

    it.each(['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', ' https://example.com'])('refuses %j', (url) => {
      expect(request(IpcChannel.openExternalLink).safeParse({ url }).success).toBe(false)
    })

    it('refuses an extra key', () => {
      expect(request(IpcChannel.openExternalLink).safeParse({ url: 'https://example.com', args: ['--x'] }).success).toBe(false)
    })
  })

  describe('file:save', () => {
    const valid = { suggestedFileName: 'incidents.csv', encoding: 'utf8', content: 'a,b\n1,2\n' }

    it('accepts a text export', () => {
      expect(request(IpcChannel.saveFile).safeParse(valid).success).toBe(true)
    })

    it('accepts a base64 export with file filters', () => {
      const binary = { ...valid, encoding: 'base64', content: 'UEsDBA==', filters: [{ name: 'Word', extensions: ['docx'] }] }

      expect(request(IpcChannel.saveFile).safeParse(binary).success).toBe(true)
    })

    it('refuses base64 content that is not base64', () => {
      expect(request(IpcChannel.saveFile).safeParse({ ...valid, encoding: 'base64', content: 'not base64!' }).success).toBe(false)
    })

    it('refuses an unknown encoding', () => {
      expect(request(IpcChannel.saveFile).safeParse({ ...valid, encoding: 'latin1' }).success).toBe(false)
    })

    it('refuses a suggested file name longer than 200 characters', () => {
      expect(request(IpcChannel.saveFile).safeParse({ ...valid, suggestedFileName: 'x'.repeat(201) }).success).toBe(false)
    })

    it('refuses an empty suggested file name', () => {
      expect(request(IpcChannel.saveFile).safeParse({ ...valid, suggestedFileName: '' }).success).toBe(false)
    })

    it('refuses a filter extension with a dot or a wildcard', () => {
      const filters = [{ name: 'Any', extensions: ['*'] }]

      expect(request(IpcChannel.saveFile).safeParse({ ...valid, filters }).success).toBe(false)
    })

    it('refuses a destination path chosen by the page', () => {
      expect(request(IpcChannel.saveFile).safeParse({ ...valid, path: '/etc/cron.d/x' }).success).toBe(false)
    })
  })

  describe('briefing:print-pdf', () => {
    it('accepts briefing HTML and a file name', () => {
      const briefing = { html: '<h1>Briefing</h1>', suggestedFileName: 'briefing.pdf' }

      expect(request(IpcChannel.printBriefingPdf).safeParse(briefing).success).toBe(true)
    })

    it('refuses HTML over the size limit', () => {
      const briefing = { html: 'x'.repeat(MAX_BRIEFING_HTML_LENGTH + 1), suggestedFileName: 'briefing.pdf' }

      expect(request(IpcChannel.printBriefingPdf).safeParse(briefing).success).toBe(false)
    })
  })
})

describe('IpcResult', () => {
  it('wraps a value as a success', () => {
    expect(success({ opened: true })).toEqual({ ok: true, value: { opened: true } })
  })

  it('describes a failure with a code and a message', () => {
    expect(failure('invalid-request', 'Bad shape')).toEqual({ ok: false, code: 'invalid-request', message: 'Bad shape' })
  })
})
