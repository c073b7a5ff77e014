import { describe, expect, it } from 'vitest'
import { parseCsvTable } from '@shared/interchange/parseCsvTable'
import { thrownInEnglish, withReasonInEnglish } from '../../support/words'

describe('parseCsvTable', () => {
  it('reads rows by header into null-prototype objects, numbered as a spreadsheet numbers them', () => {
    const table = parseCsvTable('title,date\nAlipay,2018-01\n\n"Quoted, with comma",2015\n', 'a.csv')
    expect(table.headers).toEqual(['title', 'date'])
    expect(table.rows.map((row) => [row.row, { ...row.cells }])).toEqual([
      [2, { title: 'Alipay', date: '2018-01' }],
      [4, { title: 'Quoted, with comma', date: '2015' }]
    ])
    expect(Object.getPrototypeOf(table.rows[0]!.cells)).toBeNull()
    expect(table.problems.map(withReasonInEnglish)).toEqual([])
  })

  it('reads tab-separated text and keeps a cell that starts with a formula as plain text', () => {
    const table = parseCsvTable('title\tnote\nA\t=HYPERLINK("http://x")\n', 'a.tsv')
    expect(table.rows[0]!.cells.note).toBe('=HYPERLINK("http://x")')
  })

  it.each([
    ['title,Title,title\n1,2,3', 'a.csv, row 1, field "title": The column "title" appears more than once in the header row'],
    ['title,__proto__\n1,2', 'a.csv, row 1, field "__proto__": "__proto__" is not allowed as a column name'],
    ['constructor\n1', 'a.csv, row 1, field "constructor": "constructor" is not allowed as a column name'],
    ['title,,date\n1,2,3', 'a.csv, row 1, field "column 2": A column has no name in the header row'],
    ['', 'a.csv: The file is empty: the first row must name the columns']
  ])('refuses a bad header row: %j', (text, message) => {
    expect(thrownInEnglish(() => parseCsvTable(text, 'a.csv'))).toContain(message)
  })

  it('reports a row with too many cells and keeps the others', () => {
    const table = parseCsvTable('a,b\n1,2\n1,2,3\n4\n', 'a.csv')
    expect(table.rows.map((row) => ({ ...row.cells }))).toEqual([
      { a: '1', b: '2' },
      { a: '4', b: '' }
    ])
    expect(table.problems.map(withReasonInEnglish)).toEqual([{ file: 'a.csv', row: 3, message: 'The row has 3 cells but the header names 2 columns' }])
  })

  it('reports an overlong cell by row and column', () => {
    const limits = { maxFileBytes: 1000, maxRows: 10, maxFieldChars: 3, maxColumns: 10 }
    const table = parseCsvTable('a,b\n1,2345\n', 'a.csv', limits)
    expect(table.rows).toEqual([])
    expect(table.problems.map(withReasonInEnglish)).toEqual([{ file: 'a.csv', row: 2, field: 'b', message: 'The cell is longer than 3 characters' }])
  })

  it('refuses too many rows', () => {
    const limits = { maxFileBytes: 1000, maxRows: 1, maxFieldChars: 30, maxColumns: 10 }
    expect(thrownInEnglish(() => parseCsvTable('a\n1\n2\n', 'a.csv', limits))).toContain('a.csv: The file has 3 rows; at most 1 are imported')
  })
})
