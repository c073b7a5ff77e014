import { describe, expect, it } from 'vitest'
import MiniSearch from 'minisearch'
import { loadIndex, saveIndex, SNAPSHOT_FORMAT } from '@shared/search/indexSnapshot'

interface Note {
  readonly id: string
  readonly title: string
  readonly body: string
  readonly kind: string
}

const OPTIONS = { fields: ['title', 'body'], storeFields: ['kind'] }
const notes: Note[] = [
  { id: 'a', title: 'Alipay annual bill', body: 'Sesame Credit enrolled users by default', kind: 'incident' },
  { id: 'b', title: 'Sesame Credit apologises', body: 'An apology on Weibo', kind: 'response' },
  { id: 'c', title: 'UC Browser blocked', body: 'India blocks 59 apps', kind: 'response' }
]

const indexOf = (documents: readonly Note[]): MiniSearch<Note> => {
  const index = new MiniSearch<Note>(OPTIONS)
  index.addAll([...documents])
  return index
}

describe('search index snapshot', () => {
  it('answers every query as the index it was saved from, scores and stored fields included', () => {
    const original = indexOf(notes)
    const loaded = loadIndex<Note>(saveIndex(original), OPTIONS)

    for (const query of ['sesame', 'credit apology', 'blocks', 'weibo']) {
      expect(loaded.search(query, { prefix: true, fuzzy: 0.2 })).toEqual(original.search(query, { prefix: true, fuzzy: 0.2 }))
    }
  })

  it('keeps what changed before saving: a replaced document by its new words, a removed one not at all', () => {
    const original = indexOf(notes)
    original.replace({ ...notes[0]!, title: 'Zhifubao annual bill' })
    original.discard('c')

    const loaded = loadIndex<Note>(saveIndex(original), OPTIONS)

    expect(loaded.search('zhifubao').map((result) => result.id)).toEqual(['a'])
    expect(loaded.search('browser')).toEqual([])
    expect(loaded.documentCount).toBe(2)
  })

  it('can be added to after loading', () => {
    const loaded = loadIndex<Note>(saveIndex(indexOf(notes)), OPTIONS)

    loaded.add({ id: 'd', title: 'Cybersecurity Law', body: 'Article 41', kind: 'law' })

    expect(loaded.search('cybersecurity').map((result) => result.id)).toEqual(['d'])
    expect(loaded.has('a')).toBe(true)
  })

  it('refuses a snapshot in another format, such as MiniSearch’s own JSON', () => {
    expect(() => loadIndex<Note>(JSON.stringify(indexOf(notes)), OPTIONS)).toThrow(/format/)
  })

  it('names its format inside the snapshot', () => {
    expect(JSON.parse(saveIndex(indexOf(notes)))).toMatchObject({ format: SNAPSHOT_FORMAT })
  })
})
