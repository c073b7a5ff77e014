import { describe, expect, it } from 'vitest'
import { cliLocale, cliTranslator } from '../../src/cli/cliTranslator'
import { UsageError } from '../../src/cli/cliIo'
import { formatPartialDate, type PartialDate } from '../../src/shared/domain/partialDate'
import { message } from '../../src/shared/locale/message'

describe('the command line translator', () => {
  it('writes catalogue keys in the language --lang names, with plurals chosen by count', () => {
    const english = cliTranslator('en')
    const chinese = cliTranslator('zh-CN')

    expect(english.t('backups.view.backupTaken', { count: 1 })).toBe('Backup taken: 1 record.')
    expect(english.t('backups.view.backupTaken', { count: 3 })).toBe('Backup taken: 3 records.')
    expect(chinese.t('app.nav.incidents')).toBe('事件')
  })

  it('puts a message composed in shared code into words, the messages among its values first', () => {
    const chinese = cliTranslator('zh-CN')
    const nested = message('dates.approximately', { date: message('dates.between', { start: '2017', end: '2018' }) })

    expect(chinese.translate(nested)).toBe('约2017至2018')
    expect(cliTranslator('en').translate(nested)).toBe('c. 2017–2018')
  })

  it('writes dates at their precision in the language', () => {
    expect(formatPartialDate('2015-05' as PartialDate, cliTranslator('zh-CN').dateWords)).toBe('2015年5月')
    expect(formatPartialDate('2018-01-03' as PartialDate, cliTranslator('en').dateWords)).toBe('3 January 2018')
  })

  it('speaks English without --lang and refuses a language it does not have in one line', () => {
    expect(cliLocale(undefined)).toBe('en')
    expect(cliLocale('zh-CN')).toBe('zh-CN')
    expect(() => cliLocale('fr')).toThrow(new UsageError('--lang must be one of en, zh-CN (got "fr")'))
  })
})
