import { describe, expect, it } from 'vitest'
import { BundleTextReader } from '@shared/interchange/bundleTextReader'
import { ImportInputError } from '@shared/interchange/importProblem'
import { thrownInEnglish } from '../../support/words'

const document = {
  format: 'precedent-bundle',
  version: 1,
  id: 'kb',
  title: 'A "records" {title} with [brackets]',
  records: {
    incidents: [
      { id: 'inc-1', title: 'Quote \\" and } brace', tags: ['a', { nested: [1, 2] }] },
      { id: 'inc-2', title: '中文 ✓' }
    ],
    organisations: [],
    sources: [{ id: 'src-1', meta: { records: [{ x: 1 }] } }]
  },
  after: { records: [{ not: 'a record' }] }
}

/** A version 2 backup: its workspace's lists are read element by element too, its other parts whole. */
const backupDocument = {
  ...document,
  version: 2,
  workspace: {
    revisions: [
      { id: 'rev-1', changes: [{ field: 'title', before: 'a ] b', after: '{c}' }] },
      { id: 'rev-2', changes: [] }
    ],
    preferences: { authorName: 'Ana [editor]' },
    dismissedDuplicatePairs: ['a|b', 'c|d'],
    'odd.name': [{ id: 'dotted' }]
  }
}

/** Feeds `text` in pieces of `size` characters, so pieces split strings, escapes and records. */
function readInPieces(text: string, size: number): unknown {
  const reader = new BundleTextReader('kb.json')
  for (let at = 0; at < text.length; at += size) reader.push(text.slice(at, at + size))
  return reader.finish()
}

describe('BundleTextReader', () => {
  it.each([1, 2, 3, 7, 64, 100_000])('reads the same value as JSON.parse, in pieces of %i characters', (size) => {
    for (const text of [JSON.stringify(document), JSON.stringify(document, null, 2)]) {
      expect(readInPieces(text, size)).toEqual(document)
    }
  })

  it.each([1, 3, 64])("reads a backup's workspace as JSON.parse does, reading its lists element by element (pieces of %i)", (size) => {
    for (const text of [JSON.stringify(backupDocument), JSON.stringify(backupDocument, null, 2)]) {
      expect(readInPieces(text, size)).toEqual(backupDocument)
    }
    const reader = new BundleTextReader('kb.json')
    reader.push(JSON.stringify(backupDocument))
    expect(reader.recordsRead).toBe(3 + 2 + 1)
  })

  it('names the workspace entry that is not JSON', () => {
    const text = '{"format":"precedent-bundle","records":{},"workspace":{"briefings":[{"id":"a"},{"id":}]}}'
    expect(thrownInEnglish(() => readInPieces(text, 5))).toMatch(/^kb\.json: workspace\.briefings\[1\]: /)
  })

  it('counts the records it has read', () => {
    const reader = new BundleTextReader('kb.json')
    reader.push(JSON.stringify(document))
    expect(reader.recordsRead).toBe(3)
  })

  it('names the record that is not JSON', () => {
    const text = '{"format":"precedent-bundle","records":{"incidents":[{"id":"a"},{"id":}]}}'
    expect(() => readInPieces(text, 5)).toThrowError(ImportInputError)
    expect(thrownInEnglish(() => readInPieces(text, 5))).toMatch(/^kb\.json: records\.incidents\[1\]: /)
  })

  it('refuses a file cut short', () => {
    const text = JSON.stringify(document)
    expect(thrownInEnglish(() => readInPieces(text.slice(0, text.length - 20), 9))).toMatch(/cut short/)
  })

  it('refuses a prototype key inside a record', () => {
    const text = '{"records":{"incidents":[{"id":"a","__proto__":{"x":1}}]}}'
    expect(thrownInEnglish(() => readInPieces(text, 4))).toMatch(/__proto__/)
  })
})
