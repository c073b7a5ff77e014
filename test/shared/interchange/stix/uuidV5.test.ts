import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sha1Hex, uuidV5 } from '@shared/interchange/stix/uuidV5'

describe('sha1Hex', () => {
  it.each([
    ['', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '84983e441c3bd26ebaae4aa1f95129e5e54670f1']
  ])('gives the FIPS 180 digest of %j', (text, digest) => {
    expect(sha1Hex(text)).toBe(digest)
  })

  it('agrees with Node for any text, CJK and astral characters included, across block boundaries', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(sha1Hex(text)).toBe(createHash('sha1').update(text, 'utf8').digest('hex'))
      }),
      { numRuns: 60 }
    )
  }, 30_000)
})

describe('uuidV5', () => {
  it('gives the RFC 9562 value for the DNS namespace and www.example.com', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2')
  })

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('not-a-uuid', 'x')).toThrow('"not-a-uuid" is not a UUID')
  })
})
