import { describe, expect, it } from 'vitest'
import {
  labelListSchema,
  languageTagSchema,
  requiredTextSchema,
  textSchema,
  timestampSchema,
  webAddressSchema
} from '@shared/domain/text'
import { issueMessages } from '../../builders/sharedDomain'

describe('textSchema', () => {
  const summary = textSchema('Summary', 20)

  it('treats a decomposed é and a composed é as the same text', () => {
    const decomposed = summary.parse('Caf\u0065\u0301')

    expect(decomposed).toBe(summary.parse('Caf\u00e9'))
  })

  it('stores text in NFC', () => {
    const text = summary.parse('e\u0301')

    expect(text).toBe('\u00e9')
  })

  it('trims surrounding whitespace', () => {
    const text = summary.parse('  Alipay \n')

    expect(text).toBe('Alipay')
  })

  it('keeps tabs and newlines inside the text', () => {
    const text = summary.parse('line one\n\tline two')

    expect(text).toBe('line one\n\tline two')
  })

  it('accepts empty text', () => {
    const text = summary.parse('')

    expect(text).toBe('')
  })

  it('refuses a NUL character, naming the field', () => {
    const result = summary.safeParse('bad\u0000text')

    expect(issueMessages(result)).toEqual(['Summary contains a control character'])
  })

  it('refuses U+0019 as found in real breach lists', () => {
    const result = summary.safeParse('O\u0019Reilly')

    expect(issueMessages(result)).toEqual(['Summary contains a control character'])
  })

  it('refuses DEL', () => {
    const result = summary.safeParse('a\u007Fb')

    expect(result.success).toBe(false)
  })

  it('refuses text longer than the maximum, naming the field and the limit', () => {
    const result = summary.safeParse('x'.repeat(21))

    expect(issueMessages(result)).toEqual(['Summary must be at most 20 characters'])
  })

  it('accepts text of exactly the maximum length', () => {
    const result = summary.safeParse('x'.repeat(20))

    expect(result.success).toBe(true)
  })

  it('measures the length after trimming', () => {
    const result = summary.safeParse(`  ${'x'.repeat(20)}  `)

    expect(result.success).toBe(true)
  })

  it('measures the length after NFC normalisation', () => {
    const result = summary.safeParse('e\u0301'.repeat(20))

    expect(result.success).toBe(true)
  })
})

describe('requiredTextSchema', () => {
  const title = requiredTextSchema('Title', 500)

  it('refuses empty text, naming the field', () => {
    const result = title.safeParse('')

    expect(issueMessages(result)).toEqual(['Title is required'])
  })

  it('refuses text that is only whitespace', () => {
    const result = title.safeParse('   \n ')

    expect(issueMessages(result)).toEqual(['Title is required'])
  })

  it('accepts non-empty text', () => {
    const text = title.parse('支付宝')

    expect(text).toBe('支付宝')
  })
})

describe('labelListSchema', () => {
  const tags = labelListSchema('Tag', 3)

  it('keeps one copy of each label, in first-seen order', () => {
    const labels = tags.parse(['consent', 'alipay', 'consent'])

    expect(labels).toEqual(['consent', 'alipay'])
  })

  it('counts labels equal after trimming and NFC as duplicates', () => {
    const labels = tags.parse(['caf\u00e9', ' cafe\u0301 '])

    expect(labels).toEqual(['caf\u00e9'])
  })

  it('refuses a label on more than one line', () => {
    const result = tags.safeParse(['two\nlines'])

    expect(issueMessages(result)).toEqual(['Tag must be one line'])
  })

  it('refuses an empty label', () => {
    const result = tags.safeParse([' '])

    expect(issueMessages(result)).toEqual(['Tag is required'])
  })

  it('refuses more entries than the maximum', () => {
    const result = tags.safeParse(['a', 'b', 'c', 'd'])

    expect(issueMessages(result)).toEqual(['At most 3 tag entries'])
  })

  it('refuses a label longer than 200 characters', () => {
    const result = tags.safeParse(['x'.repeat(201)])

    expect(issueMessages(result)).toEqual(['Tag must be at most 200 characters'])
  })
})

describe('webAddressSchema', () => {
  it.each(['http://example.com', 'https://www.reuters.com/article/alipay?x=1#top'])('accepts %s', (address) => {
    const result = webAddressSchema.safeParse(address)

    expect(result.success).toBe(true)
  })

  it('trims surrounding whitespace', () => {
    const address = webAddressSchema.parse('  https://example.com/a ')

    expect(address).toBe('https://example.com/a')
  })

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'ftp://example.com/file', '/relative/path', 'relative/path', 'example.com', 'http://'])(
    'refuses %s with a message asking for an http or https address',
    (address) => {
      const result = webAddressSchema.safeParse(address)

      expect(issueMessages(result)).toEqual(['A URL must be a full http:// or https:// address'])
    }
  )

  it('refuses an address longer than 2000 characters', () => {
    const result = webAddressSchema.safeParse(`https://example.com/${'a'.repeat(2000)}`)

    expect(issueMessages(result)).toContain('A URL must be at most 2000 characters')
  })
})

describe('timestampSchema', () => {
  it('accepts a UTC timestamp', () => {
    const result = timestampSchema.safeParse('2026-01-31T12:00:00.000Z')

    expect(result.success).toBe(true)
  })

  it('accepts a timestamp with an offset', () => {
    const result = timestampSchema.safeParse('2026-01-31T20:00:00+08:00')

    expect(result.success).toBe(true)
  })

  it('refuses a date without a time, showing an example', () => {
    const result = timestampSchema.safeParse('2026-01-31')

    expect(issueMessages(result)).toEqual(['A timestamp must be ISO 8601, e.g. 2026-01-31T12:00:00.000Z'])
  })
})

describe('languageTagSchema', () => {
  it.each(['en', 'zh', 'hi', 'zh-Hans', 'zh-Hant-TW', 'yue', 'en-GB'])('accepts %s', (tag) => {
    const result = languageTagSchema.safeParse(tag)

    expect(result.success).toBe(true)
  })

  it.each(['', 'e', 'english', 'zh_Hans', 'zh-', 'zh-Hans-toolongsubtag'])('refuses "%s" with an example of a tag', (tag) => {
    const result = languageTagSchema.safeParse(tag)

    expect(issueMessages(result)).toEqual(['A language is a BCP 47 tag such as en, zh or zh-Hans'])
  })
})
