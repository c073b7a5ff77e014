import { describe, expect, it } from 'vitest'
import { FALLBACK_FILE_NAME, MAX_FILE_NAME_LENGTH, toSafeFileName } from '../../../src/shared/security/safeFileName'

describe('toSafeFileName', () => {
  it('keeps an ordinary name as it is', () => {
    expect(toSafeFileName('Briefing – ICO fine 2024.pdf')).toBe('Briefing – ICO fine 2024.pdf')
  })

  it.each([
    ['../../etc/passwd', 'etc-passwd'],
    ['..\\..\\Windows\\win.ini', 'Windows-win.ini'],
    ['/etc/passwd', 'etc-passwd'],
    ['C:\\Users\\me\\evil.txt', 'C--Users-me-evil.txt']
  ])('turns the path %j into a single file name', (suggested, expected) => {
    expect(toSafeFileName(suggested)).toBe(expected)
  })

  it('replaces characters that Windows forbids and control characters', () => {
    expect(toSafeFileName('a<b>c:d"e|f?g*h\u0000i\u001fj.txt')).toBe('a-b-c-d-e-f-g-h-i-j.txt')
  })

  it('removes leading dots so the file is neither hidden nor a parent reference', () => {
    expect(toSafeFileName('.bashrc')).toBe('bashrc')
  })

  it('prefixes a reserved Windows device name', () => {
    expect(toSafeFileName('CON.txt')).toBe('_CON.txt')
  })

  it('shortens a long name to the maximum length and keeps its extension', () => {
    const safe = toSafeFileName(`${'x'.repeat(300)}.csv`)

    expect(safe).toHaveLength(MAX_FILE_NAME_LENGTH)
    expect(safe.endsWith('.csv')).toBe(true)
  })

  it('never cuts a character made of two UTF-16 units in half', () => {
    const safe = toSafeFileName('😀'.repeat(150))

    expect(safe.length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH)
    expect(safe).toBe('😀'.repeat(100))
  })

  it('falls back to a default name when nothing usable is left', () => {
    expect(toSafeFileName(' ... ')).toBe(FALLBACK_FILE_NAME)
  })
})
