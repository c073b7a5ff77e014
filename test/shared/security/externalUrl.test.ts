import { describe, expect, it } from 'vitest'
import { isSafeExternalUrl, MAX_EXTERNAL_URL_LENGTH, toSafeExternalUrl } from '../../../src/shared/security/externalUrl'

describe('toSafeExternalUrl', () => {
  it.each([
    ['https://example.com/report', 'https://example.com/report'],
    ['https://ico.org.uk/action-weve-taken/?q=fine#top', 'https://ico.org.uk/action-weve-taken/?q=fine#top'],
    ['HtTpS://Example.COM', 'https://example.com/'],
    ['mailto:dpo@example.com', 'mailto:dpo@example.com'],
    ['MAILTO:dpo@example.com?subject=Incident%20report', 'mailto:dpo@example.com?subject=Incident%20report']
  ])('accepts %s and returns its normalised form', (candidate, normalised) => {
    expect(toSafeExternalUrl(candidate)).toBe(normalised)
  })

  it.each([
    ['file:///etc/passwd'],
    ['FILE:///C:/Windows/System32/calc.exe'],
    ['smb://attacker.example/share'],
    ['ftp://example.com/file'],
    ['http://example.com'],
    ['ms-msdt:/id PCWDiagnostic /skip force'],
    ['ms-msdt:-id'],
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox(1)'],
    ['\\\\attacker.example\\share'],
    ['//attacker.example/path'],
    ['https:\\\\attacker.example'],
    [' https://example.com'],
    ['https://example.com '],
    ['  javascript:alert(1)'],
    ['\tjavascript:alert(1)'],
    ['java\nscript:alert(1)'],
    ['https://bank.example@attacker.example/'],
    ['https://user:secret@example.com/'],
    ['example.com'],
    [''],
    ['app://bundle/index.html']
  ])('refuses %j', (candidate) => {
    expect(toSafeExternalUrl(candidate)).toBeNull()
  })

  it('refuses a URL longer than the maximum length', () => {
    const long = `https://example.com/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`

    expect(toSafeExternalUrl(long)).toBeNull()
  })
})

describe('isSafeExternalUrl', () => {
  it('agrees with toSafeExternalUrl', () => {
    expect(isSafeExternalUrl('https://example.com')).toBe(true)
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false)
  })
})
