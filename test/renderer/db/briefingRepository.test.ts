import { describe, expect, it } from 'vitest'
import { BriefingConflictError, createBriefingRepository, RecordValidationError, type BriefingInput } from '@renderer/db'
import { aFreshDatabase } from './testDatabase'
import { catchError } from '../../support/catchError'

const alipayBriefing: BriefingInput = {
  id: 'brief-alipay',
  title: '  Alipay and Sesame Credit  ',
  subtitle: 'For the Minister — OFFICIAL',
  asOf: '2026-11-29',
  sections: ['sources', 'summary', 'chronology'],
  includeTimelineImage: true,
  items: [
    { kind: 'heading', text: 'Background' },
    { kind: 'record', recordType: 'incident', recordId: 'inc-alipay-consent' },
    { kind: 'commentary', text: 'The box was pre-ticked.' }
  ]
}

describe('briefing repository', () => {
  it('stores a new briefing at revision 1, validated (trimmed, sections in document order), and reads it back', async () => {
    const repository = createBriefingRepository(aFreshDatabase())

    const saved = await repository.save(alipayBriefing, { now: new Date('2026-11-29T10:00:00.000Z') })

    expect(saved).toMatchObject({
      title: 'Alipay and Sesame Credit',
      sections: ['summary', 'chronology', 'sources'],
      revision: 1,
      createdAt: '2026-11-29T10:00:00.000Z'
    })
    expect(await repository.get('brief-alipay')).toEqual(saved)
  })

  it('raises the revision on each save and keeps the creation time', async () => {
    const repository = createBriefingRepository(aFreshDatabase())
    const first = await repository.save(alipayBriefing, { now: new Date('2026-11-29T10:00:00.000Z') })

    const second = await repository.save(
      { ...alipayBriefing, title: 'Alipay' },
      { expectedRevision: first.revision, now: new Date('2026-11-29T11:00:00.000Z') }
    )

    expect(second).toMatchObject({ title: 'Alipay', revision: 2, createdAt: '2026-11-29T10:00:00.000Z', updatedAt: '2026-11-29T11:00:00.000Z' })
  })

  it('refuses a save that started from an older revision, keeping what another window stored', async () => {
    const repository = createBriefingRepository(aFreshDatabase())
    await repository.save(alipayBriefing)
    await repository.save({ ...alipayBriefing, title: 'Changed in another window' }, { expectedRevision: 1 })

    const error = await catchError(repository.save({ ...alipayBriefing, title: 'Stale edit' }, { expectedRevision: 1 }))

    expect(error).toBeInstanceOf(BriefingConflictError)
    expect((error as BriefingConflictError).current?.title).toBe('Changed in another window')
    expect((await repository.get('brief-alipay'))?.title).toBe('Changed in another window')
  })

  it('refuses to create a briefing over an existing id', async () => {
    const repository = createBriefingRepository(aFreshDatabase())
    await repository.save(alipayBriefing)

    const error = await catchError(repository.save({ ...alipayBriefing, title: 'Another' }))

    expect(error).toBeInstanceOf(BriefingConflictError)
  })

  it('refuses invalid content with the field named, writing nothing', async () => {
    const repository = createBriefingRepository(aFreshDatabase())

    const error = await catchError(repository.save({ ...alipayBriefing, title: ' ', sections: [], items: [{ kind: 'commentary', text: '' }] }))

    expect(error).toBeInstanceOf(RecordValidationError)
    expect((error as RecordValidationError).problems).toEqual(
      expect.arrayContaining([
        { path: 'title', message: 'Title is required' },
        { path: 'sections', message: 'Choose at least one section' },
        { path: 'items.0.text', message: 'Commentary is required' }
      ])
    )
    expect(await repository.list()).toEqual([])
  })

  it('refuses a title hiding a right-to-left override, naming the field and the character', async () => {
    const repository = createBriefingRepository(aFreshDatabase())

    const error = await catchError(repository.save({ ...alipayBriefing, title: 'Alipay \u202Etfard' }))

    expect((error as RecordValidationError).problems).toEqual([
      { path: 'title', message: 'Title contains an invisible right-to-left override (U+202E) after "Alipay "; remove it' }
    ])
  })

  it('still lists and opens a briefing stored before such characters were refused, without them', async () => {
    const db = aFreshDatabase()
    const repository = createBriefingRepository(db)
    const saved = await repository.save(alipayBriefing, { now: new Date('2026-11-29T10:00:00.000Z') })
    await db.table('briefings').put({ ...saved, title: 'Alipay \u202Etfard', items: [{ kind: 'commentary', text: 'Pre-\u2066ticked' }] })

    expect((await repository.list()).map((briefing) => briefing.title)).toEqual(['Alipay tfard'])
    expect((await repository.get('brief-alipay'))?.items).toEqual([{ kind: 'commentary', text: 'Pre-ticked' }])
  })

  it('lists the most recently changed first', async () => {
    const repository = createBriefingRepository(aFreshDatabase())
    await repository.save({ ...alipayBriefing, id: 'brief-old', title: 'Old' }, { now: new Date('2026-11-01T00:00:00.000Z') })
    await repository.save({ ...alipayBriefing, id: 'brief-new', title: 'New' }, { now: new Date('2026-11-29T00:00:00.000Z') })

    expect((await repository.list()).map((briefing) => briefing.title)).toEqual(['New', 'Old'])
  })

  it('deletes a briefing at the revision seen, and refuses a stale delete', async () => {
    const repository = createBriefingRepository(aFreshDatabase())
    await repository.save(alipayBriefing)
    await repository.save(alipayBriefing, { expectedRevision: 1 })

    const stale = await catchError(repository.delete('brief-alipay', 1))
    await repository.delete('brief-alipay', 2)

    expect(stale).toBeInstanceOf(BriefingConflictError)
    expect(await repository.get('brief-alipay')).toBeUndefined()
  })
})
