import { afterEach, describe, expect, it } from 'vitest'
import { setLocale, translateMessage } from '@renderer/i18n'
import type { PartialDate } from '@shared/domain/partialDate'
import { dateValue, message } from '@shared/locale/message'

afterEach(() => setLocale('en'))

describe('translateMessage', () => {
  it('writes a date among the values at its precision in the interface language', () => {
    const approximate = message('dates.approximately', { date: dateValue('2015-05' as PartialDate) })

    expect(translateMessage(approximate)).toBe('c. May 2015')
    setLocale('zh-CN')
    expect(translateMessage(approximate)).toBe('约2015年5月')
    expect(translateMessage(message('dates.between', { start: dateValue('2017-08-21' as PartialDate), end: '…' }), 'en')).toBe('21 August 2017–…')
  })
})
