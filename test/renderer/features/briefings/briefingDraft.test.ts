import { describe, expect, it } from 'vitest'
import { draftOf, inputOf, moveItem } from '../../../../src/renderer/features/briefings/briefingDraft'
import type { BriefingInput } from '@renderer/db'

const input: BriefingInput = {
  id: 'brief-1',
  title: 'Alipay',
  subtitle: '',
  asOf: '2026-11-29',
  sections: ['summary', 'sources'],
  includeTimelineImage: false,
  language: 'zh-CN',
  items: [
    { kind: 'heading', text: 'Background' },
    { kind: 'record', recordType: 'incident', recordId: 'inc-alipay' },
    { kind: 'commentary', text: 'Pre-ticked.' }
  ]
}

describe('briefing drafts', () => {
  it('turn back into the same briefing content', () => {
    expect(inputOf(draftOf(input))).toEqual(input)
  })

  it('write a briefing saved before there was a language choice in the interface language, and save that choice', () => {
    const { language: _language, ...older } = input

    expect(draftOf(older, 'en').language).toBe('en')
    expect(inputOf(draftOf(older, 'zh-CN'))).toEqual({ ...older, language: 'zh-CN' })
  })

  it('give every item its own key', () => {
    const keys = draftOf(input).items.map((item) => item.key)

    expect(new Set(keys).size).toBe(3)
  })

  it('keep sections in the document order whatever order they were ticked in', () => {
    const draft = draftOf(input)
    draft.sections = ['sources', 'chronology', 'summary']

    expect(inputOf(draft).sections).toEqual(['summary', 'chronology', 'sources'])
  })
})

describe('moveItem', () => {
  it('moves an item up or down one place', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b'])
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c'])
  })

  it('leaves the order as it is at either end', () => {
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b'])
    expect(moveItem(['a', 'b'], 1, 1)).toEqual(['a', 'b'])
  })
})
