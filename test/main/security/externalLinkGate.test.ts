import { beforeEach, describe, expect, it, vi } from 'vitest'

const { shell } = vi.hoisted(() => ({ shell: { openExternal: vi.fn() } }))
vi.mock('electron', () => ({ shell }))

import { openExternalLink } from '../../../src/main/security/externalLinkGate'

describe('openExternalLink', () => {
  beforeEach(() => {
    vi.clearAllMocks()
    shell.openExternal.mockResolvedValue(undefined)
    vi.spyOn(console, 'warn').mockImplementation(() => {})
  })

  it.each([
    ['https://example.com/report', 'https://example.com/report'],
    ['HTTPS://EXAMPLE.com/Report', 'https://example.com/Report'],
    ['mailto:dpo@example.com', 'mailto:dpo@example.com'],
    ['MailTo:dpo@example.com', 'mailto:dpo@example.com']
  ])('opens %s as %s', async (url, opened) => {
    await expect(openExternalLink(url)).resolves.toBe(true)

    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith(opened)
  })

  it.each([
    'file:///etc/passwd',
    'file://attacker.example/share/payload.exe',
    'FILE:///C:/Windows/System32/calc.exe',
    'smb://attacker.example/share',
    'ftp://attacker.example/file',
    'http://example.com',
    'ms-msdt:/id PCWDiagnostic /skip force /param "IT_BrowseForFile=h$(calc)"',
    'ms-msdt:-id',
    'search-ms:query=x&crumb=location:\\\\attacker.example\\share',
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    '\\\\attacker.example\\share',
    '\\\\?\\C:\\Windows\\System32\\calc.exe',
    ' https://example.com',
    '  file:///etc/passwd',
    '\u0000https://example.com',
    'https://example.com@attacker.example',
    'app://bundle/index.html',
    ''
  ])('refuses %j without calling the OS', async (url) => {
    await expect(openExternalLink(url)).resolves.toBe(false)

    expect(shell.openExternal).not.toHaveBeenCalled()
  })
})
