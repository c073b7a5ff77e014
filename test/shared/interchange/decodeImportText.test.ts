import { describe, expect, it } from 'vitest'
import { decodeImportText, firstInvalidUtf8Offset } from '@shared/interchange/decodeImportText'
import { ImportInputError } from '@shared/interchange/importProblem'
import { formatByteSize } from '@shared/interchange/importLimits'
import { describedInEnglish } from '../../support/words'

const bytes = (...values: number[]) => new Uint8Array(values)
const utf8 = (text: string) => new TextEncoder().encode(text)

function problemOf(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(ImportInputError)
    return describedInEnglish((error as ImportInputError).problem)
  }
  throw new Error('expected an ImportInputError')
}

describe('firstInvalidUtf8Offset', () => {
  it.each([
    ['valid mixed scripts', utf8('Alipay 支付宝 Ωμέγα 😀'), -1],
    ['a lone continuation byte', bytes(0x41, 0x80, 0x41), 1],
    ['an overlong two-byte form', bytes(0x41, 0x42, 0xc0, 0xaf), 2],
    ['an overlong three-byte form', bytes(0xe0, 0x80, 0xaf), 0],
    ['a surrogate', bytes(0x61, 0xed, 0xa0, 0x80), 1],
    ['past U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ['a sequence cut off at the end', bytes(0x61, 0x62, 0xe6, 0x94), 2],
    ['Latin-1 é', bytes(0x63, 0x61, 0x66, 0xe9), 3]
  ])('%s', (_name, input, expected) => {
    expect(firstInvalidUtf8Offset(input)).toBe(expected)
  })

  it('agrees with the strict decoder on every single two-byte pair', () => {
    for (let first = 0x80; first <= 0xff; first += 1) {
      for (const second of [0x00, 0x7f, 0x80, 0x9f, 0xa0, 0xbf, 0xc0]) {
        const input = bytes(first, second, 0x80, 0x80)
        let decoderAccepts = true
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(input)
        } catch {
          decoderAccepts = false
        }
        expect(firstInvalidUtf8Offset(input) === -1, `${first.toString(16)} ${second.toString(16)}`).toBe(decoderAccepts)
      }
    }
  })
})

describe('decodeImportText', () => {
  it('drops one byte-order mark and keeps a second one as text', () => {
    expect(decodeImportText(bytes(0xef, 0xbb, 0xbf, 0x61), 'a.csv')).toBe('a')
    expect(decodeImportText(bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61), 'a.csv')).toBe('\uFEFFa')
  })

  it('makes CRLF and lone CR line ends into LF', () => {
    expect(decodeImportText(utf8('a\r\nb\rc\nd'), 'a.csv')).toBe('a\nb\nc\nd')
  })

  it('names the file and the byte offset of an invalid sequence', () => {
    expect(problemOf(() => decodeImportText(bytes(0x61, 0x62, 0xff), 'fines.csv'))).toBe(
      'fines.csv: The file is not valid UTF-8: invalid byte sequence at byte offset 2. Save it as UTF-8 and import it again'
    )
  })

  it('refuses a NUL character with its line', () => {
    expect(problemOf(() => decodeImportText(utf8('a,b\n1,2\n3,\u00004'), 'x.csv'))).toBe(
      'x.csv, row 3: The file contains a NUL character (line 3, column 3); it is not a text file'
    )
  })

  it('refuses a file over the size limit before decoding it', () => {
    const limits = { maxFileBytes: 10, maxRows: 10, maxFieldChars: 10, maxColumns: 10 }
    expect(problemOf(() => decodeImportText(new Uint8Array(11), 'big.json', limits))).toBe(
      'big.json: The file is 11 bytes; files over 10 bytes are not imported'
    )
  })
})

describe('formatByteSize', () => {
  it.each([
    [512, '512 bytes'],
    [1536, '1.5 KB'],
    [64 * 1024 * 1024, '64 MB'],
    [200 * 1024 * 1024, '200 MB'],
    [10_738_000_000, '10 GB']
  ])('%d bytes read as %s', (bytes, text) => {
    expect(formatByteSize(bytes)).toBe(text)
  })
})
