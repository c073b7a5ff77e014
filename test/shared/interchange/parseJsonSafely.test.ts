import { describe, expect, it } from 'vitest'
import { parseJsonSafely } from '@shared/interchange/parseJsonSafely'
import { thrownInEnglish } from '../../support/words'

describe('parseJsonSafely', () => {
  it('parses ordinary JSON', () => {
    expect(parseJsonSafely('{"a":[1,"支付宝"]}', 'a.json')).toEqual({ a: [1, '支付宝'] })
  })

  it.each([['{"__proto__": {"polluted": true}}'], ['{"a": [{"b": {"__proto__": {"x": 1}}}]}'], ['{"constructor": {"prototype": {"polluted": true}}}']])(
    'refuses a prototype-polluting key: %s',
    (text) => {
      expect(thrownInEnglish(() => parseJsonSafely(text, 'evil.json'))).toContain('evil.json: The file contains a "__proto__" or "constructor.prototype" key')
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    }
  )

  it('names the line and column of a syntax error', () => {
    expect(thrownInEnglish(() => parseJsonSafely('{\n  "a": 1,\n  "b": ]\n}', 'bad.json'))).toMatch(
      /^bad\.json, row 3: The file is not valid JSON at line 3, column \d+ \(ValueExpected\)$/
    )
  })
})
