import { describe, expect, it } from 'vitest'
import { readImport } from '@shared/interchange/importers'
import { describeImportProblem, ImportInputError } from '@shared/interchange/importProblem'
import { guessColumnMapping } from '@shared/interchange/csv/columnMapping'
import { parseCsvTable } from '@shared/interchange/parseCsvTable'
import { message } from '@shared/locale/message'
import { describedInChinese, describedInEnglish, inChinese } from '../../support/words'

const context = { importedAt: '2026-11-29T00:00:00.000Z', jurisdictionIds: new Set(['CN']) }

function readCsv(name: string, text: string) {
  const mapping = guessColumnMapping(parseCsvTable(text, name).headers, 'incident')
  return readImport('csv', [{ name, text }], { ...context, csvMappings: { [name]: mapping } })
}

describe('an import problem', () => {
  it('is a message whose values are the file, row and field, with the reason a message inside it', () => {
    const problem = { file: 'incidents.csv', row: 12, field: 'date', message: message('problems.date.empty') }

    expect(describeImportProblem(problem)).toEqual({
      key: 'importProblems.at.fileRowField',
      values: { file: 'incidents.csv', row: 12, field: 'date', reason: { key: 'problems.date.empty' } }
    })
    expect(describeImportProblem({ file: 'a.csv', field: '', message: message('problems.date.empty') }).key).toBe('importProblems.at.file')
  })

  it('names the file, row and field of a rejected row in English, word for word as before, and in Chinese', () => {
    const reading = readCsv('breaches.csv', 'Title,Date\nLeak at a clinic,2015-13\n,2016\n')

    expect(reading.rejected.map(describedInEnglish)).toEqual([
      'breaches.csv, row 2, field "Date": "2015-13": month 13 does not exist (01 to 12)',
      'breaches.csv, row 3, field "Title": Title is required'
    ])
    expect(reading.rejected.map(describedInChinese)).toEqual([
      'breaches.csv，第 2 行，字段“Date”：“2015-13”：不存在第 13 月（01 至 12）',
      'breaches.csv，第 3 行，字段“Title”：标题为必填项'
    ])
  })

  it('refuses a file that cannot be read in one line either language reads, the error itself in codes for the log', () => {
    let refused: unknown
    try {
      parseCsvTable('Title,Title\nA,B\n', 'dup.csv')
    } catch (error) {
      refused = error
    }

    expect(refused).toBeInstanceOf(ImportInputError)
    const { problem } = refused as ImportInputError
    expect(describedInEnglish(problem)).toBe('dup.csv, row 1, field "Title": The column "Title" appears more than once in the header row')
    expect(describedInChinese(problem)).toBe('dup.csv，第 1 行，字段“Title”：列“Title”在标题行中出现不止一次')
    expect((refused as Error).message).toBe(
      'importProblems.at.fileRowField(file=dup.csv, row=1, field=Title, reason=importProblems.csv.repeatedHeader(header=Title))'
    )
  })

  it('lists the values of a fixed list in the reader’s language when a cell holds none of them', () => {
    const reading = readCsv('list.csv', 'Title,Status\nLeak,rumoured\n')

    expect(reading.rejected.map((problem) => inChinese(problem.message))).toEqual([
      '“rumoured”不是有效的状态：请使用以下之一：据称、审查中、已证实、有争议、已解决'
    ])
  })
})
