import { describe, expect, it } from 'vitest'
import { deleteRecord, noteUnloggedWrite, saveRecord, saveRecords, type PrecedentDatabase } from '@renderer/db'
import { STALE_TIMELINE_MESSAGE, ViewDataService } from '@renderer/viewData/viewDataService'
import { dayNumberOf } from '@shared/timeline/dayNumber'
import type { TimelineRequestBody } from '@renderer/viewData/viewDataProtocol'
import type { OrganisationId } from '@shared/domain/ids'
import { aJurisdiction, anIncident, anOrganisation, aResponse } from '../../builders/domain'
import { toRow } from '@renderer/db/storedRow'
import { aFreshDatabase, countRowsRead, givenStored } from '../db/testDatabase'

let clock = Date.parse('2027-03-01T09:00:00.000Z')
const writeOptions = { now: () => new Date((clock += 1000)).toISOString(), newId: () => crypto.randomUUID() }
const TODAY = '2027-03-01'

const everything: TimelineRequestBody = { subject: { kind: 'everything' }, matchingIds: undefined, today: TODAY, jumpChoiceLimit: 500, locale: 'en' }
const titlesOn = async (service: ViewDataService, request = everything): Promise<string[]> => [
  ...new Set((await service.timeline(request)).content.items.map((item) => item.title))
]

async function aKnowledgeBase(): Promise<{
  db: PrecedentDatabase
  company: ReturnType<typeof anOrganisation>
  regulator: ReturnType<typeof anOrganisation>
  incident: ReturnType<typeof anIncident>
}> {
  const db = aFreshDatabase()
  const freedonia = aJurisdiction({ id: 'FD', code: 'FD', name: 'Freedonia' })
  const company = anOrganisation({ name: 'Acme Data' })
  const regulator = anOrganisation({ name: 'Freedonia Regulator', kind: 'regulator', headquartersJurisdictionId: 'FD' })
  const bystander = anOrganisation({ name: 'Bystander Ltd' })
  const incident = anIncident({
    title: 'Acme leak',
    occurredOn: '2019-05',
    jurisdictionIds: ['FD'],
    categories: ['breach'],
    organisations: [{ organisationId: company.id, role: 'operator' }]
  })
  await givenStored(
    db,
    { type: 'jurisdiction', record: freedonia },
    { type: 'organisation', record: company },
    { type: 'organisation', record: regulator },
    { type: 'organisation', record: bystander },
    { type: 'incident', record: incident },
    { type: 'incident', record: anIncident({ title: 'Undated thing', occurredOn: undefined }) }
  )
  return { db, company, regulator, incident }
}

describe('ViewDataService', () => {
  it('gives the timeline its items, the names its lanes use (only those) and the subject’s name', async () => {
    const { db, company } = await aKnowledgeBase()
    const service = new ViewDataService(db)

    const data = await service.timeline({ ...everything, subject: { kind: 'organisation', organisationId: company.id } })

    expect(data.content.items.map((item) => item.title)).toEqual(['Acme leak'])
    expect(data.subjectName).toBe('Acme Data')
    expect(new Map(data.jurisdictionNames).get('FD')).toBe('Freedonia')
    expect(data.organisationNames.map(([, name]) => name)).toEqual(['Acme Data'])
    expect(data.facets.year.map((entry) => entry.filter)).toEqual(['year:2019'])
    expect(data.jumpChoices).toEqual([{ recordId: data.content.items[0]!.recordId, title: 'Acme leak', date: '2019-05' }])
  })

  it('names jurisdictions in the lanes, facets and subject by their Chinese name for a Chinese reader, where one is recorded', async () => {
    const { db } = await aKnowledgeBase()
    await givenStored(
      db,
      { type: 'jurisdiction', record: aJurisdiction({ id: 'CN', code: 'CN', name: 'China', nameZh: '中国' }) },
      { type: 'incident', record: anIncident({ title: 'Alipay bill', occurredOn: '2018-01-03', jurisdictionIds: ['CN'] }) }
    )
    const service = new ViewDataService(db)

    const chinese = await service.timeline({ ...everything, locale: 'zh-CN' })
    expect(new Map(chinese.jurisdictionNames)).toEqual(
      new Map([
        ['CN', '中国'],
        ['FD', 'Freedonia']
      ])
    )
    expect(chinese.facets.jurisdiction.map((entry) => [entry.label, entry.filter])).toEqual(
      expect.arrayContaining([
        ['中国', 'jurisdiction:CN'],
        ['Freedonia', 'jurisdiction:FD']
      ])
    )
    expect((await service.timeline({ ...everything, locale: 'zh-CN', subject: { kind: 'jurisdiction', jurisdictionId: 'CN' } })).subjectName).toBe('中国')
    expect(new Map((await service.timeline(everything)).jurisdictionNames).get('CN')).toBe('China')
  })

  it('keeps only the ids a search found, and caps the jump list while counting every choice', async () => {
    const { db, incident } = await aKnowledgeBase()
    await givenStored(db, { type: 'incident', record: anIncident({ title: 'Another', occurredOn: '2020' }) })
    const service = new ViewDataService(db)

    expect(await titlesOn(service, { ...everything, matchingIds: [incident.id] })).toEqual(['Acme leak'])
    const capped = await service.timeline({ ...everything, jumpChoiceLimit: 1 })
    expect(capped.jumpChoices).toHaveLength(1)
    expect(capped.jumpChoiceCount).toBe(2)
  })

  it('opens a timeline as totals and a kept layout, and cuts the window around a view from it', async () => {
    const { db, incident } = await aKnowledgeBase()
    await givenStored(db, { type: 'incident', record: anIncident({ title: 'Much later', occurredOn: '2024-02-01', jurisdictionIds: ['FD'] }) })
    const service = new ViewDataService(db)

    const summary = await service.timelineLayout({ ...everything, grouping: 'jurisdiction', laneOrder: [] })
    const may2019 = { startDay: dayNumberOf('2019-04-01'), pxPerDay: 4 }
    const window = await service.timelineWindow(summary.layoutId, { scale: may2019, width: 400, top: 0, height: 300, collapsedLaneKeys: [] })

    expect(summary).toMatchObject({ itemCount: 2, laneCount: 1, undatedRecordCount: 1 })
    expect(summary.extent?.startDay).toBe(dayNumberOf('2019-05-01'))
    expect(window.lanes.map((lane) => lane.label)).toEqual(['Freedonia'])
    expect(window.items.map((placed) => placed.item.title)).toEqual(['Acme leak'])
    expect((await service.timelineLocate({ layoutId: summary.layoutId, recordId: incident.id, pxPerDay: 4, collapsedLaneKeys: [] }))?.laneKey).toBe(
      'jurisdiction:FD'
    )
    expect(await service.timelineKeys(summary.layoutId, 'lanes')).toEqual(['jurisdiction:FD'])
    expect(await service.timelineKeys(summary.layoutId, 'records')).toHaveLength(3)
    // The same view opened again (Back, then forward) reuses the kept layout and its rows.
    expect((await service.timelineLayout({ ...everything, grouping: 'jurisdiction', laneOrder: [] })).layoutId).toBe(summary.layoutId)
    expect((await service.timelineLayout({ ...everything, grouping: 'type', laneOrder: [] })).layoutId).not.toBe(summary.layoutId)
  })

  it('says a timeline changed when its layout is no longer kept, so the page asks again', async () => {
    const { db } = await aKnowledgeBase()
    const service = new ViewDataService(db)
    const first = await service.timelineLayout({ ...everything, grouping: 'jurisdiction', laneOrder: [] })
    for (const grouping of ['organisation', 'type', 'category'] as const) await service.timelineLayout({ ...everything, grouping, laneOrder: [] })
    await service.timelineLayout({ ...everything, grouping: 'jurisdiction', laneOrder: ['jurisdiction:FD'] })

    await expect(
      service.timelineWindow(first.layoutId, { scale: { startDay: 0, pxPerDay: 1 }, width: 100, top: 0, height: 100, collapsedLaneKeys: [] })
    ).rejects.toThrow(STALE_TIMELINE_MESSAGE)
  })

  it('follows saves and deletions made after it read the records', async () => {
    const { db, incident } = await aKnowledgeBase()
    const service = new ViewDataService(db)
    expect(await titlesOn(service)).toEqual(['Acme leak'])

    await saveRecord(db, 'incident', { ...incident, title: 'Acme leak, renamed' }, { ...writeOptions, expectedRevision: incident.revision })
    expect(await service.applyChanges()).toBe(true)
    expect(await titlesOn(service)).toEqual(['Acme leak, renamed'])

    await deleteRecord(db, 'incident', incident.id, writeOptions)
    expect(await service.applyChanges()).toBe(true)
    expect(await titlesOn(service)).toEqual([])
  })

  it('reads a table again when rows changed without a trace in the revision log, stamped as every such write is', async () => {
    const { db } = await aKnowledgeBase()
    const service = new ViewDataService(db)
    await titlesOn(service)

    await db.transaction('rw', [db.recordTable('incident'), db.meta], async () => {
      await db.recordTable('incident').clear()
      await noteUnloggedWrite(db)
    })

    expect(await service.applyChanges()).toBe(true)
    expect(await titlesOn(service)).toEqual([])
  })

  it('reads only the record edited after an import, not the import again', async () => {
    const db = aFreshDatabase()
    const reads = countRowsRead(db)
    const imported = await saveRecords(
      db,
      Array.from({ length: 300 }, (_, index) => ({ type: 'incident' as const, input: anIncident({ title: `Imported ${index}`, occurredOn: '2020' }) })),
      writeOptions
    )
    const service = new ViewDataService(db)
    await service.preload()
    const edited = imported[0]!.record as ReturnType<typeof anIncident>
    await saveRecord(db, 'incident', { ...edited, title: 'Imported 0, renamed' }, { ...writeOptions, expectedRevision: edited.revision })
    reads.reset()

    expect(await service.applyChanges()).toBe(true)

    expect(reads.byTable.get('incidents')).toBe(1)
    // The edit's revision, and the newest one to mark where the feed stands (the same here, read twice).
    expect(reads.byTable.get('revisions') ?? 0).toBeLessThanOrEqual(2)
    expect((await titlesOn(service)).filter((title) => title.endsWith('renamed'))).toEqual(['Imported 0, renamed'])
  })

  it('sees records written without revisions even when counts and timestamps stay as they were', async () => {
    const { db } = await aKnowledgeBase()
    const service = new ViewDataService(db)
    expect(await titlesOn(service)).toEqual(['Acme leak'])

    // A table cleared and filled again with as many records, stamped alike, in one write without history.
    await db.transaction('rw', [db.incidents, db.meta], async () => {
      await db.incidents.clear()
      await db.incidents.bulkPut([
        toRow('incident', anIncident({ title: 'Refilled', occurredOn: '2021' })),
        toRow('incident', anIncident({ title: 'Also refilled', occurredOn: undefined }))
      ])
      await noteUnloggedWrite(db)
    })

    expect(await service.applyChanges()).toBe(true)
    expect(await titlesOn(service)).toEqual(['Refilled'])
  })

  it('says nothing moved when no write touched the records', async () => {
    const { db } = await aKnowledgeBase()
    const service = new ViewDataService(db)
    await service.preload()

    expect(await service.applyChanges()).toBe(false)
  })

  it('counts the charts without sending the ids behind each bar', async () => {
    const { db } = await aKnowledgeBase()
    const service = new ViewDataService(db)

    const charts = await service.charts({ incidentFilter: 'jurisdiction:FD', responseFilter: '', grouping: 'jurisdiction', locale: 'en' })

    expect(charts.incidents.counts).toEqual([{ year: 2019, group: 'FD', count: 1 }])
    expect(charts.incidents.undatedIncidentCount).toBe(0)
    expect(new Map(charts.jurisdictionNames).get('FD')).toBe('Freedonia')
  })

  it('compares a subject and names only the organisations the comparison mentions', async () => {
    const { db, company, regulator, incident } = await aKnowledgeBase()
    await givenStored(db, {
      type: 'response',
      record: aResponse({ title: 'Fined', kind: 'fine', actorId: regulator.id, incidentIds: [incident.id], datedOn: '2020-01' })
    })
    const service = new ViewDataService(db)

    const data = await service.comparison({ kind: 'organisation', organisationId: company.id as OrganisationId }, 'en')

    expect(data.comparison.columns.map((column) => column.jurisdictionName)).toEqual(['Freedonia'])
    expect(new Map(data.organisationNames)).toEqual(
      new Map([
        [company.id, 'Acme Data'],
        [regulator.id, 'Freedonia Regulator']
      ])
    )
    expect(data.subjectExists).toBe(true)
    expect((await service.comparison({ kind: 'organisation', organisationId: 'org-none' as OrganisationId }, 'en')).subjectExists).toBe(false)
  })

  it('names jurisdictions in the charts and the comparison’s columns by their Chinese name for a Chinese reader', async () => {
    const { db, company } = await aKnowledgeBase()
    await givenStored(
      db,
      { type: 'jurisdiction', record: aJurisdiction({ id: 'CN', code: 'CN', name: 'China', nameZh: '中国' }) },
      {
        type: 'incident',
        record: anIncident({
          title: 'Alipay bill',
          occurredOn: '2018-01-03',
          jurisdictionIds: ['CN'],
          organisations: [{ organisationId: company.id, role: 'operator' }]
        })
      }
    )
    const service = new ViewDataService(db)
    const charts = (locale: 'en' | 'zh-CN') => service.charts({ incidentFilter: '', responseFilter: '', grouping: 'jurisdiction', locale })
    const columns = async (locale: 'en' | 'zh-CN') =>
      (await service.comparison({ kind: 'organisation', organisationId: company.id as OrganisationId }, locale)).comparison.columns.map(
        (column) => column.jurisdictionName
      )

    expect(new Map((await charts('zh-CN')).jurisdictionNames)).toEqual(
      new Map([
        ['CN', '中国'],
        ['FD', 'Freedonia']
      ])
    )
    expect(new Map((await charts('en')).jurisdictionNames).get('CN')).toBe('China')
    expect(await columns('zh-CN')).toEqual(expect.arrayContaining(['中国', 'Freedonia']))
    expect(await columns('en')).toEqual(expect.arrayContaining(['China', 'Freedonia']))
  })

  it('finds picker options for typed text, ranked like every picker, leaving out the excepted', async () => {
    const { db, company, regulator } = await aKnowledgeBase()
    const service = new ViewDataService(db)

    const matches = await service.pickerMatches({ types: ['organisation'], text: 'acme', limit: 5, except: [], showType: false })
    const fromBoth = await service.pickerMatches({
      types: ['organisation', 'jurisdiction'],
      text: 'freedonia',
      limit: 5,
      except: [regulator.id],
      showType: true
    })

    expect(matches.map((match) => match.candidate.id)).toEqual([company.id])
    expect(fromBoth.map((match) => [match.candidate.label, match.candidate.detail])).toEqual([['Freedonia', 'Jurisdiction · FD']])
  })

  it('offers a record written after the first answer', async () => {
    const { db } = await aKnowledgeBase()
    const service = new ViewDataService(db)
    await service.pickerMatches({ types: ['organisation'], text: 'zeta', limit: 5, except: [], showType: false })

    await saveRecord(db, 'organisation', anOrganisation({ name: 'Zeta Analytics' }), writeOptions)
    await service.applyChanges()

    expect(
      (await service.pickerMatches({ types: ['organisation'], text: 'zeta', limit: 5, except: [], showType: false })).map((match) => match.candidate.label)
    ).toEqual(['Zeta Analytics'])
  })

  it('offers a record saved a moment ago before the page has said anything changed', async () => {
    const { db } = await aKnowledgeBase()
    const service = new ViewDataService(db)
    await service.pickerMatches({ types: ['organisation'], text: 'zeta', limit: 5, except: [], showType: false })

    await saveRecord(db, 'organisation', anOrganisation({ name: 'Zeta Analytics' }), writeOptions)

    expect(
      (await service.pickerMatches({ types: ['organisation'], text: 'zeta', limit: 5, except: [], showType: false })).map((match) => match.candidate.label)
    ).toEqual(['Zeta Analytics'])
  })

  it('refuses sources, which it does not hold', async () => {
    const { db } = await aKnowledgeBase()

    await expect(new ViewDataService(db).pickerMatches({ types: ['source'], text: 'x', limit: 5, except: [], showType: false })).rejects.toThrow(
      'holds no source records'
    )
  })
})
