import { describe, expect, it } from 'vitest'
import { type ImportProblem } from '@shared/interchange/importProblem'
import { cleanImportedField } from '@shared/interchange/text/cleanImportedField'
import { linksInHtml } from '@shared/interchange/text/htmlToText'
import { describedInEnglish as describeImportProblem, withReasonInEnglish } from '../../../support/words'

describe('cleanImportedField', () => {
  it('returns the cleaned, trimmed text and adds one notice naming row and field for what is visible', () => {
    const notices: ImportProblem[] = []
    const text = cleanImportedField('  <b>Wheelsâ€™</b> data ', { file: 'a.json', row: 3, field: 'summary' }, notices, { html: true })
    expect(text).toBe('Wheels’ data')
    expect(notices.map(withReasonInEnglish)).toEqual([
      {
        file: 'a.json',
        row: 3,
        field: 'summary',
        message: 'HTML markup was turned into plain text; garbled characters (UTF-8 read as Windows-1252, e.g. "â€™") were repaired'
      }
    ])
  })

  it('says nothing about normalisation, which changes nothing a person can see', () => {
    const notices: ImportProblem[] = []
    expect(cleanImportedField('Espan\u0303a\r\n', { file: 'a.json' }, notices)).toBe('España')
    expect(notices.map(withReasonInEnglish)).toEqual([])
  })
})

describe('linksInHtml', () => {
  it('lists every link target in order, entities decoded', () => {
    expect(linksInHtml("<a href='https://a.example/?p=1&amp;q=2'>link</a> <a id='x' href='#/' onclick='copy()'>copy</a><a>none</a>")).toEqual([
      'https://a.example/?p=1&q=2',
      '#/'
    ])
  })
})

describe('cleanImportedField: invisible characters', () => {
  it('removes a right-to-left override and a soft hyphen, with a notice naming file, row, field and what was removed', () => {
    const notices: ImportProblem[] = []
    const text = cleanImportedField('invoice_\u202Efdp.exe Da\u00ADten', { file: 'breaches.csv', row: 7, field: 'title' }, notices)
    expect(text).toBe('invoice_fdp.exe Daten')
    expect(notices.map(withReasonInEnglish)).toEqual([
      {
        file: 'breaches.csv',
        row: 7,
        field: 'title',
        message: 'Invisible characters were removed: right-to-left override (U+202E), soft hyphen (U+00AD)'
      }
    ])
    expect(describeImportProblem(notices[0]!)).toBe(
      'breaches.csv, row 7, field "title": Invisible characters were removed: right-to-left override (U+202E), soft hyphen (U+00AD)'
    )
  })

  it('keeps the ZWNJ of Persian text and adds no notice', () => {
    const notices: ImportProblem[] = []
    expect(cleanImportedField('می\u200Cخواهم', { file: 'a.csv', row: 2, field: 'name' }, notices)).toBe('می\u200Cخواهم')
    expect(notices.map(withReasonInEnglish)).toEqual([])
  })
})
