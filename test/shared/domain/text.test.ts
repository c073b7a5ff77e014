import { describe, expect, it } from 'vitest'
import { labelListSchema, languageTagSchema, requiredTextSchema, textSchema, timestampSchema, webAddressSchema } from '@shared/domain/text'
import { z } from 'zod'
import { issueMessages } from '../../builders/sharedDomain'

/**
 * The schema as a record's field named `name`: its problems are located there, as in every record,
 * so they name the field as a person reads them (`validationProblem` takes the field from the path).
 */
function asField<S extends z.ZodType>(name: string, schema: S) {
  const wrapped = z.object({ [name]: schema })
  return {
    parse: (value: unknown) => (wrapped.parse({ [name]: value }) as Record<string, z.output<S>>)[name],
    safeParse: (value: unknown) => wrapped.safeParse({ [name]: value })
  }
}
const webAddress = asField('url', webAddressSchema)
const timestamp = asField('createdAt', timestampSchema)
const languageTag = asField('language', languageTagSchema)

describe('textSchema', () => {
  const summary = asField('summary', textSchema('Summary', 20))

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

  it('refuses a NUL character, naming the field, the character and where it is', () => {
    const result = summary.safeParse('bad\u0000text')

    expect(issueMessages(result)).toEqual(['Summary contains a control character (U+0000) after "bad"; remove it'])
  })

  it('refuses U+0019 as found in real breach lists', () => {
    const result = summary.safeParse('O\u0019Reilly')

    expect(issueMessages(result)).toEqual(['Summary contains a control character (U+0019) after "O"; remove it'])
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
  const title = asField('title', requiredTextSchema('Title', 500))

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
  const tags = asField('tags', labelListSchema('Tag', 3))

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
    const result = webAddress.safeParse(address)

    expect(result.success).toBe(true)
  })

  it('trims surrounding whitespace', () => {
    const address = webAddress.parse('  https://example.com/a ')

    expect(address).toBe('https://example.com/a')
  })

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'ftp://example.com/file', '/relative/path', 'relative/path', 'example.com', 'http://'])(
    'refuses %s with a message asking for an http or https address',
    (address) => {
      const result = webAddress.safeParse(address)

      expect(issueMessages(result)).toEqual(['A URL must be a full http:// or https:// address'])
    }
  )

  it('refuses an address longer than 2000 characters', () => {
    const result = webAddress.safeParse(`https://example.com/${'a'.repeat(2000)}`)

    expect(issueMessages(result)).toContain('A URL must be at most 2000 characters')
  })
})

describe('timestampSchema', () => {
  it('accepts a UTC timestamp', () => {
    const result = timestamp.safeParse('2026-01-31T12:00:00.000Z')

    expect(result.success).toBe(true)
  })

  it('accepts a timestamp with an offset', () => {
    const result = timestamp.safeParse('2026-01-31T20:00:00+08:00')

    expect(result.success).toBe(true)
  })

  it('refuses a date without a time, showing an example', () => {
    const result = timestamp.safeParse('2026-01-31')

    expect(issueMessages(result)).toEqual(['A timestamp must be ISO 8601, e.g. 2026-01-31T12:00:00.000Z'])
  })
})

describe('languageTagSchema', () => {
  it.each(['en', 'zh', 'hi', 'zh-Hans', 'zh-Hant-TW', 'yue', 'en-GB'])('accepts %s', (tag) => {
    const result = languageTag.safeParse(tag)

    expect(result.success).toBe(true)
  })

  it.each(['', 'e', 'english', 'zh_Hans', 'zh-', 'zh-Hans-toolongsubtag'])('refuses "%s" with an example of a tag', (tag) => {
    const result = languageTag.safeParse(tag)

    expect(issueMessages(result)).toEqual(['A language is a BCP 47 tag such as en, zh or zh-Hans'])
  })
})

describe('textSchema: invisible and deceptive characters', () => {
  const title = asField('title', requiredTextSchema('Title', 500))

  it('refuses a right-to-left override, naming the field, the character and what comes before it', () => {
    // "invoice_\u202Efdp.exe" shows as "invoice_exe.pdf".
    const result = title.safeParse('invoice_\u202Efdp.exe')

    expect(issueMessages(result)).toEqual(['Title contains an invisible right-to-left override (U+202E) after "invoice_"; remove it'])
  })

  it.each([
    ['\u202A', 'an invisible left-to-right embedding (U+202A)'],
    ['\u202B', 'an invisible right-to-left embedding (U+202B)'],
    ['\u202C', 'an invisible pop directional formatting (U+202C)'],
    ['\u202D', 'an invisible left-to-right override (U+202D)'],
    ['\u2066', 'an invisible left-to-right isolate (U+2066)'],
    ['\u2067', 'an invisible right-to-left isolate (U+2067)'],
    ['\u2068', 'an invisible first strong isolate (U+2068)'],
    ['\u2069', 'an invisible pop directional isolate (U+2069)']
  ])('refuses the bidi embedding, override or isolate %#', (character, described) => {
    const result = title.safeParse(`Report ${character}2024`)

    expect(issueMessages(result)).toEqual([`Title contains ${described} after "Report "; remove it`])
  })

  it.each(['\u0080', '\u0085', '\u009B', '\u009F'])('refuses the C1 control %#', (character) => {
    const result = title.safeParse(`a${character}b`)

    expect(issueMessages(result)).toEqual([
      `Title contains an invisible C1 control character (U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}) after "a"; remove it`
    ])
  })

  it('refuses a C0 control at the start, saying so', () => {
    const result = title.safeParse('\u001BTitle')

    expect(issueMessages(result)).toEqual(['Title contains a control character (U+001B) at the start; remove it'])
  })

  it.each([
    ['interlinear annotation anchor', '\uFFF9'],
    ['deprecated inhibit symmetric swapping', '\u206A'],
    ['language tag', '\u{E0001}']
  ])('refuses another invisible format character: %s', (_name, character) => {
    const result = title.safeParse(`a${character}b`)

    expect(result.success).toBe(false)
    expect(issueMessages(result)[0]).toMatch(/^Title contains an invisible (format|tag) character \(U\+[0-9A-F]{4,5}\) after "a"; remove it$/)
  })

  it('refuses invisible tag letters (text hidden from the reader), but keeps the flag of Wales', () => {
    const hidden = [...'hi'].map((letter) => String.fromCodePoint(0xe0000 + letter.charCodeAt(0))).join('')
    const wales = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}'

    expect(issueMessages(title.safeParse(`Note${hidden}`))).toEqual(['Title contains an invisible tag character (U+E0068) after "Note"; remove it'])
    expect(title.parse(`Cardiff ${wales}`)).toBe(`Cardiff ${wales}`)
  })

  it('refuses half of a surrogate pair', () => {
    const result = title.safeParse('broken \uD83D here')

    expect(issueMessages(result)).toEqual(['Title contains a broken character (half of a surrogate pair) (U+D83D) after "broken "; remove it'])
  })

  it('quotes at most the 20 characters before the refused one', () => {
    const result = title.safeParse(`${'x'.repeat(30)}\u202E`)

    expect(issueMessages(result)).toEqual([`Title contains an invisible right-to-left override (U+202E) after "${'x'.repeat(20)}"; remove it`])
  })

  it('quotes what comes before on one line', () => {
    const result = asField('summary', textSchema('Summary', 100)).safeParse('First line.\n\tSecond\u202E')

    expect(issueMessages(result)).toEqual(['Summary contains an invisible right-to-left override (U+202E) after "First line. Second"; remove it'])
  })

  it('keeps the ZWNJ Persian needs, as in "می‌خواهم"', () => {
    const persian = 'می\u200Cخواهم'

    expect(title.parse(persian)).toBe(persian)
  })

  it('keeps the ZWJ of an emoji sequence and of Devanagari', () => {
    const technologist = '\u{1F469}\u200D\u{1F4BB} team'
    const devanagari = 'क्\u200Dष'

    expect(title.parse(technologist)).toBe(technologist)
    expect(title.parse(devanagari)).toBe(devanagari)
  })

  it('keeps the directional marks Arabic and Hebrew writers use to place numbers and punctuation', () => {
    const hebrew = 'חוק הגנת הפרטיות\u200F, 1981'
    const arabic = 'قانون\u061C 151 لسنة 2020\u200E'

    expect(title.parse(hebrew)).toBe(hebrew)
    expect(title.parse(arabic)).toBe(arabic)
  })

  it('keeps an Arabic number sign, which is drawn', () => {
    const withSign = '\u0600١٢٣'

    expect(title.parse(withSign)).toBe(withSign)
  })

  it('drops layout hints a person cannot see: soft hyphen, zero width space, word joiner, BOM', () => {
    const text = title.parse('Daten\u00ADschutz\u200B-Grund\u2060verordnung\uFEFF')

    expect(text).toBe('Datenschutz-Grundverordnung')
  })

  it('drops a joiner that joins nothing, so "Pay\u200C Pal" and "Pay Pal" are one name', () => {
    expect(title.parse('Pay\u200C Pal')).toBe('Pay Pal')
    expect(title.parse('\u200DPal')).toBe('Pal')
  })

  it('makes line ends \\n rather than refusing a carriage return', () => {
    expect(asField('summary', textSchema('Summary', 100)).parse('one\r\ntwo\rthree')).toBe('one\ntwo\nthree')
  })

  it('refuses the same characters in every label of a list', () => {
    const result = asField('tags', labelListSchema('Tag')).safeParse(['ok', 'gdpr\u202E'])

    expect(issueMessages(result)).toEqual(['Tag contains an invisible right-to-left override (U+202E) after "gdpr"; remove it'])
  })
})
