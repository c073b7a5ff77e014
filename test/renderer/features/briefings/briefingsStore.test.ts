import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createBriefingRepository, getDatabase } from '@renderer/db'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { useBriefingsStore } from '../../../../src/renderer/features/briefings/briefingsStore'
import { anIncident, aSource } from '../../../builders/domain'

const incident: TypedRecord = { type: 'incident', record: anIncident({ id: 'inc-alipay', title: 'Alipay' }) }
const source: TypedRecord = { type: 'source', record: aSource({ id: 'src-report' }) }

describe('useBriefingsStore', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(async () => getDatabase().table('briefings').clear())

  it('creates a briefing of the records given, with every section, as of today', async () => {
    const result = await useBriefingsStore().createBriefing('Alipay', [incident])

    expect(result.ok).toBe(true)
    const stored = await createBriefingRepository(getDatabase()).list()
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({
      title: 'Alipay',
      revision: 1,
      sections: ['summary', 'chronology', 'legal-basis', 'responses', 'sources'],
      items: [{ kind: 'record', recordType: 'incident', recordId: 'inc-alipay' }]
    })
    expect(stored[0]?.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it("saves a briefing shared by a colleague as a new one of one's own, with the same content", async () => {
    const store = useBriefingsStore()
    const created = await store.createBriefing('Shared by bob', [incident])
    if (!created.ok) throw new Error(created.message)

    const copied = await store.copyBriefing(created.briefing)

    expect(copied.ok && copied.briefing.id).not.toBe(created.briefing.id)
    expect(copied.ok && { title: copied.briefing.title, items: copied.briefing.items, revision: copied.briefing.revision }).toEqual({
      title: 'Shared by bob',
      items: created.briefing.items,
      revision: 1
    })
    expect(await createBriefingRepository(getDatabase()).list()).toHaveLength(2)
  })

  it('adds only the records a briefing does not hold yet, after what it holds', async () => {
    const store = useBriefingsStore()
    const created = await store.createBriefing('Alipay', [incident])
    if (!created.ok) throw new Error(created.message)

    const result = await store.addRecords(created.briefing.id, [incident, source])

    expect(result.ok && result.briefing.items.map((item) => (item.kind === 'record' ? item.recordId : item.kind))).toEqual(['inc-alipay', 'src-report'])
    expect(result.ok && result.briefing.revision).toBe(2)
  })

  it('refuses a save from an older revision and says the page keeps the edits', async () => {
    const store = useBriefingsStore()
    const created = await store.createBriefing('Alipay')
    if (!created.ok) throw new Error(created.message)
    const { createdAt: _c, updatedAt: _u, revision: _r, ...input } = created.briefing
    await store.saveBriefing({ ...input, title: 'Elsewhere' }, 1)

    const result = await store.saveBriefing({ ...input, title: 'Here' }, 1)

    expect(result).toMatchObject({ ok: false, isConflict: true })
    expect(!result.ok && result.message).toContain('changed in another window')
    expect((await createBriefingRepository(getDatabase()).get(input.id))?.title).toBe('Elsewhere')
  })

  it('names the field of a refused save', async () => {
    const store = useBriefingsStore()
    const created = await store.createBriefing('Alipay')
    if (!created.ok) throw new Error(created.message)
    const { createdAt: _c, updatedAt: _u, revision: _r, ...input } = created.briefing

    const result = await store.saveBriefing({ ...input, items: [{ kind: 'heading', text: '   ' }] }, 1)

    expect(result).toMatchObject({ ok: false, isConflict: false, problems: [{ path: 'items.0.text', message: 'Heading is required' }] })
  })
})
