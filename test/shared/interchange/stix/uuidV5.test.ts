import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { uuidV5 } from '@shared/interchange/stix/uuidV5'
import { thrownInEnglish } from '../../../support/words'

// RFC 9562 section 5.5 written out with Node's SHA-1: the reference the package is checked against.
function referenceV5(namespace: string, name: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16)
  hash[6] = (hash[6]! & 0x0f) | 0x50
  hash[8] = (hash[8]! & 0x3f) | 0x80
  const hex = hash.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

describe('uuidV5', () => {
  it('gives the RFC 9562 value for the DNS namespace and www.example.com', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2')
  })

  it('agrees with the RFC written out on Node for any name, CJK and astral characters included, across SHA-1 block boundaries', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.string({ unit: 'binary', maxLength: 300 }), (namespace, name) => {
        expect(uuidV5(namespace, name)).toBe(referenceV5(namespace.toLowerCase(), name))
      }),
      { numRuns: 100 }
    )
  }, 30_000)

  it('refuses a namespace that is not a UUID', () => {
    expect(thrownInEnglish(() => uuidV5('not-a-uuid', 'x'))).toContain('"not-a-uuid" is not a UUID')
  })
})
