import { describe, expect, it } from 'vitest'
import { nameOrderKey } from '@shared/domain/nameOrder'

const byKey = (names: readonly string[]): string[] =>
  [...names].sort((a, b) => {
    const [keyA, keyB] = [nameOrderKey(a.toLowerCase()), nameOrderKey(b.toLowerCase())]
    return keyA < keyB ? -1 : keyA > keyB ? 1 : 0
  })

describe('the order of names as a stored key', () => {
  it('files Chinese names by pinyin among Latin ones, Latin first within an initial', () => {
    expect(byKey(['支付宝', '腾讯', 'Zoom', '阿里巴巴', 'Apple', '百度', '中国', 'Baidu', '网络安全法'])).toEqual([
      'Apple',
      '阿里巴巴',
      'Baidu',
      '百度',
      '腾讯',
      '网络安全法',
      'Zoom',
      '支付宝',
      '中国'
    ])
  })

  it('orders Han characters as the platform’s Chinese collation does', () => {
    const names = ['西安', '先锋', '中国', '支付宝', '安全', '阿里巴巴', '北京', '百度', '上海', '深圳']
    const collator = new Intl.Collator('zh-CN')

    expect(byKey(names)).toEqual([...names].sort(collator.compare))
  })

  it('leaves text without Han characters as it is', () => {
    expect(nameOrderKey('société générale')).toBe('société générale')
    expect(nameOrderKey('')).toBe('')
  })

  it('keeps a mixed name’s Latin part and turns each Han character into its initial and rank', () => {
    const key = nameOrderKey('uc浏览器')

    expect(key.startsWith('ucl')).toBe(true)
    expect(key).toHaveLength(2 + 3 * 2)
  })
})
