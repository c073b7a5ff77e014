import { describe, expect, it } from 'vitest'
import {
  createIncidentRepository,
  DeleteBlockedError,
  deleteRecord,
  findDeleteImpact,
  findLinksTo,
  findSomeLinksTo,
  listRevisions,
  RecordNotFoundError,
  restoreRevision,
  RevisionNotFoundError,
  undoLastChange,
  UndoNotPossibleError,
  RecordValidationError,
  RevisionConflictError,
  saveRecord,
  StorageWriteError,
  type RecordInput
} from '@renderer/db'
import { aJurisdiction, aLaw, anIncident, anOrganisation, aResponse, aSource } from '../../builders/domain'
import { aFreshDatabase, givenStored, injectWriteFailures, snapshotOf } from './testDatabase'
import { catchError } from '../../support/catchError'
import { problemsAsShown } from '../../support/words'

const NOW = '2026-02-01T10:00:00.000Z'
const now = () => NOW
let issued = 0
const newId = () => `new-${++issued}`
const writeOptions = { now, newId }

/** A law amending another (a relation), the amended law then deleted: the amendment's history still names it. */
async function givenAnAmendmentOfADeletedLaw() {
  const db = aFreshDatabase()
  const china = aJurisdiction({ id: 'CN' })
  const amended = aLaw({ jurisdictionId: china.id })
  await givenStored(db, { type: 'jurisdiction', record: china }, { type: 'law', record: amended })
  const amendment = await saveRecord(
    db,
    'law',
    { title: 'Amendment', jurisdictionId: china.id, kind: 'statute', status: 'adopted', relations: [{ relation: 'amends', lawId: amended.id }] },
    writeOptions
  )
  await deleteRecord(db, 'law', amended.id, { now })
  return { db, amended, amendment }
}

describe('saveRecord', () => {
  it('creates a record given without an id under a new id at revision 1', async () => {
    const db = aFreshDatabase()
    const input: RecordInput<'incident'> = { title: 'Alipay annual statement default opt-in', status: 'confirmed' }

    const saved = await saveRecord(db, 'incident', input, writeOptions)

    expect(saved).toMatchObject({ id: expect.stringMatching(/^new-/), revision: 1, createdAt: NOW, updatedAt: NOW })
    expect(await createIncidentRepository(db).get(saved.id)).toEqual(saved)
  })

  it('stores what the schema makes of the input: trimmed text and defaults', async () => {
    const db = aFreshDatabase()

    const saved = await saveRecord(db, 'incident', { title: '  Breach  ', status: 'alleged' }, writeOptions)

    expect(saved).toMatchObject({ title: 'Breach', summary: '', tags: [], organisations: [] })
  })

  it('updates a record at the revision the edit started from, counting the revision up and keeping createdAt', async () => {
    const db = aFreshDatabase()
    const incident = anIncident({ revision: 3 })
    await givenStored(db, { type: 'incident', record: incident })

    const saved = await saveRecord(db, 'incident', { ...incident, title: 'Renamed' }, { ...writeOptions, expectedRevision: 3 })

    expect(saved).toMatchObject({ title: 'Renamed', revision: 4, createdAt: incident.createdAt, updatedAt: NOW })
  })

  it('refuses a save that started from an older revision, carrying the stored record', async () => {
    const db = aFreshDatabase()
    const incident = anIncident({ revision: 2, title: 'Saved in another window' })
    await givenStored(db, { type: 'incident', record: incident })

    const error = await catchError(saveRecord(db, 'incident', { ...incident, title: 'Stale edit' }, { ...writeOptions, expectedRevision: 1 }))

    expect(error).toBeInstanceOf(RevisionConflictError)
    expect((error as RevisionConflictError).current).toEqual(incident)
  })

  it('never overwrites the stored record on a conflict', async () => {
    const db = aFreshDatabase()
    const incident = anIncident({ revision: 2, title: 'Saved in another window' })
    await givenStored(db, { type: 'incident', record: incident })

    await catchError(saveRecord(db, 'incident', { ...incident, title: 'Stale edit' }, { ...writeOptions, expectedRevision: 1 }))

    expect(await createIncidentRepository(db).get(incident.id)).toEqual(incident)
  })

  it('treats creating a record under an id already in use as a conflict', async () => {
    const db = aFreshDatabase()
    const incident = anIncident()
    await givenStored(db, { type: 'incident', record: incident })

    const error = await catchError(saveRecord(db, 'incident', { ...incident, title: 'Other' }, writeOptions))

    expect(error).toBeInstanceOf(RevisionConflictError)
  })

  it('reports an update of a record deleted in the meantime as not found, and does not recreate it', async () => {
    const db = aFreshDatabase()
    const incident = anIncident()

    const error = await catchError(saveRecord(db, 'incident', incident, { ...writeOptions, expectedRevision: 1 }))

    expect(error).toBeInstanceOf(RecordNotFoundError)
    expect(await createIncidentRepository(db).count()).toBe(0)
  })

  it('lists every schema problem with its path and stores nothing', async () => {
    const db = aFreshDatabase()

    const error = await catchError(saveRecord(db, 'incident', { title: ' ', status: 'alleged', occurredOn: '2015-13' }, writeOptions))

    expect(error).toBeInstanceOf(RecordValidationError)
    expect((error as RecordValidationError).problems.map((problem) => problem.path)).toEqual(['title', 'occurredOn'])
    expect(await createIncidentRepository(db).count()).toBe(0)
  })

  it('refuses a link to a record that does not exist, naming the field', async () => {
    const db = aFreshDatabase()
    const operator = anOrganisation()
    await givenStored(db, { type: 'organisation', record: operator })
    const input: RecordInput<'incident'> = {
      title: 'Leak',
      status: 'alleged',
      organisations: [
        { organisationId: operator.id, role: 'operator' },
        { organisationId: 'org-missing', role: 'data-recipient' }
      ]
    }

    const error = await catchError(saveRecord(db, 'incident', input, writeOptions))

    expect(problemsAsShown((error as RecordValidationError).problems)).toEqual([
      { path: 'organisations[1].organisationId', message: 'No organisation with the id "org-missing" exists' }
    ])
  })

  it('refuses a link to a record of the wrong type', async () => {
    const db = aFreshDatabase()
    const organisation = anOrganisation()
    await givenStored(db, { type: 'organisation', record: organisation })

    const error = await catchError(saveRecord(db, 'incident', { title: 'Leak', status: 'alleged', jurisdictionIds: [organisation.id] }, writeOptions))

    expect((error as RecordValidationError).problems.map((problem) => problem.path)).toEqual(['jurisdictionIds[0]'])
  })

  it("refuses a law's relation to a law that does not exist, naming the field", async () => {
    const db = aFreshDatabase()
    const china = aJurisdiction({ id: 'CN' })
    const amended = aLaw({ jurisdictionId: china.id })
    await givenStored(db, { type: 'jurisdiction', record: china }, { type: 'law', record: amended })
    const input: RecordInput<'law'> = {
      title: 'Amendment',
      jurisdictionId: china.id,
      kind: 'statute',
      status: 'adopted',
      relations: [
        { relation: 'amends', lawId: amended.id },
        { relation: 'replaces', lawId: 'law-missing' }
      ]
    }

    const error = await catchError(saveRecord(db, 'law', input, writeOptions))

    expect(problemsAsShown((error as RecordValidationError).problems)).toEqual([
      { path: 'relations[1].lawId', message: 'No law with the id "law-missing" exists' }
    ])
  })

  it('stores the links and the sort key beside the record, and reads return the record without them', async () => {
    const db = aFreshDatabase()
    const china = aJurisdiction({ id: 'CN' })
    await givenStored(db, { type: 'jurisdiction', record: china })

    const saved = await saveRecord(db, 'incident', { title: 'Leak', status: 'alleged', occurredOn: '2017-08', jurisdictionIds: ['CN'] }, writeOptions)

    expect(await db.incidents.get(saved.id)).toMatchObject({ refs: ['CN'], sortKey: '2017-08-01' })
    expect(await createIncidentRepository(db).get(saved.id)).not.toHaveProperty('refs')
  })

  it('saves nothing when the browser fails the write', async () => {
    const db = aFreshDatabase()
    const faults = injectWriteFailures(db)
    const incident = anIncident()
    await givenStored(db, { type: 'incident', record: incident })
    const before = await snapshotOf(db)
    faults.failWrite(1)

    await catchError(saveRecord(db, 'incident', { ...incident, title: 'Changed' }, { ...writeOptions, expectedRevision: 1 }))

    expect(await snapshotOf(db)).toEqual(before)
  })

  it('reports a full disk in plain words', async () => {
    const db = aFreshDatabase()
    const faults = injectWriteFailures(db)
    await db.open()
    faults.failWrite(1, () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'))

    const error = await catchError(saveRecord(db, 'incident', { title: 'Leak', status: 'alleged' }, writeOptions))

    expect(error).toBeInstanceOf(StorageWriteError)
    expect((error as StorageWriteError).message).toMatch(/^Not saved: the disk or browser storage is full/)
  })
})

describe('deleteRecord', () => {
  async function givenAnOrganisationLinkedFromEverywhere() {
    const db = aFreshDatabase()
    const regulator = anOrganisation({ id: 'org-regulator', kind: 'regulator' })
    const deleted = anOrganisation()
    const incident = anIncident({
      organisations: [
        { organisationId: deleted.id, role: 'operator' },
        { organisationId: regulator.id, role: 'reporter' }
      ]
    })
    const subsidiary = anOrganisation({ links: [{ relation: 'parent', organisationId: deleted.id }] })
    const response = aResponse({ actorId: regulator.id, targetOrganisationIds: [deleted.id], incidentIds: [incident.id] })
    await givenStored(
      db,
      { type: 'organisation', record: regulator },
      { type: 'organisation', record: deleted },
      { type: 'organisation', record: subsidiary },
      { type: 'incident', record: incident },
      { type: 'response', record: response }
    )
    return { db, regulator, deleted, incident, subsidiary, response }
  }

  it('removes the record and every link to it, giving each mended record a new revision', async () => {
    const { db, deleted, incident, subsidiary, response } = await givenAnOrganisationLinkedFromEverywhere()

    const { mended } = await deleteRecord(db, 'organisation', deleted.id, { now })

    expect(await db.organisations.get(deleted.id)).toBeUndefined()
    expect(mended.map((typed) => typed.record.id).sort()).toEqual([incident.id, subsidiary.id, response.id].sort())
    expect(await findLinksTo(db, deleted.id)).toEqual([])
    expect(mended.every((typed) => typed.record.revision === 2 && typed.record.updatedAt === NOW)).toBe(true)
  })

  it('keeps the links to other records', async () => {
    const { db, deleted, incident, regulator } = await givenAnOrganisationLinkedFromEverywhere()

    await deleteRecord(db, 'organisation', deleted.id, { now })

    expect((await createIncidentRepository(db).get(incident.id))?.organisations).toEqual([{ organisationId: regulator.id, role: 'reporter' }])
  })

  it('refuses while a response names the record as its actor, and changes nothing', async () => {
    const { db, regulator, response } = await givenAnOrganisationLinkedFromEverywhere()
    const before = await snapshotOf(db)

    const error = await catchError(deleteRecord(db, 'organisation', regulator.id, { now }))

    expect(error).toBeInstanceOf(DeleteBlockedError)
    expect((error as DeleteBlockedError).blocking).toEqual([{ type: 'response', record: response }])
    expect(await snapshotOf(db)).toEqual(before)
  })

  it('refuses to delete a jurisdiction that a law belongs to', async () => {
    const db = aFreshDatabase()
    const china = aJurisdiction({ id: 'CN' })
    const law = aLaw({ jurisdictionId: 'CN' })
    await givenStored(db, { type: 'jurisdiction', record: china }, { type: 'law', record: law })

    const error = await catchError(deleteRecord(db, 'jurisdiction', 'CN', { now }))

    expect((error as DeleteBlockedError).blocking.map((typed) => typed.record.id)).toEqual([law.id])
  })

  it('refuses to delete a country that a subdivision belongs to', async () => {
    const db = aFreshDatabase()
    const china = aJurisdiction({ id: 'CN' })
    const zhejiang = aJurisdiction({ id: 'CN-ZJ', code: 'CN-ZJ', kind: 'subdivision', name: 'Zhejiang', parentId: 'CN' })
    await givenStored(db, { type: 'jurisdiction', record: china }, { type: 'jurisdiction', record: zhejiang })

    const error = await catchError(deleteRecord(db, 'jurisdiction', 'CN', { now }))

    expect(error).toBeInstanceOf(DeleteBlockedError)
  })

  it('removes the citations of a deleted source and keeps the others', async () => {
    const db = aFreshDatabase()
    const [kept, deleted] = [aSource(), aSource()]
    const law = aLaw({ jurisdictionId: 'CN', citations: [{ sourceId: kept.id }, { sourceId: deleted.id, passage: 'Article 41' }] })
    await givenStored(
      db,
      { type: 'jurisdiction', record: aJurisdiction({ id: 'CN' }) },
      { type: 'source', record: kept },
      { type: 'source', record: deleted },
      { type: 'law', record: law }
    )

    await deleteRecord(db, 'source', deleted.id, { now })

    expect((await db.laws.get(law.id))?.citations).toEqual([{ sourceId: kept.id }])
  })

  it('removes an optional headquarters link', async () => {
    const db = aFreshDatabase()
    const organisation = anOrganisation({ headquartersJurisdictionId: 'CN', headquartersCity: 'Hangzhou' })
    await givenStored(db, { type: 'jurisdiction', record: aJurisdiction({ id: 'CN' }) }, { type: 'organisation', record: organisation })

    await deleteRecord(db, 'jurisdiction', 'CN', { now })

    const stored = await db.organisations.get(organisation.id)
    expect(stored).not.toHaveProperty('headquartersJurisdictionId')
    expect(stored).toMatchObject({ headquartersCity: 'Hangzhou', refs: [] })
  })

  it('reports a record that does not exist as not found', async () => {
    const db = aFreshDatabase()

    const error = await catchError(deleteRecord(db, 'incident', 'inc-missing', { now }))

    expect(error).toBeInstanceOf(RecordNotFoundError)
  })

  it('leaves everything exactly as it was when any one of its writes fails', async () => {
    // How many writes a delete makes (n): the mended records, by table, the deletion and the history entries.
    const probe = await givenAnOrganisationLinkedFromEverywhere()
    const probeFaults = injectWriteFailures(probe.db)
    probeFaults.failWrite(0)
    await deleteRecord(probe.db, 'organisation', probe.deleted.id, { now })
    const writesOfADelete = probeFaults.writes
    expect(writesOfADelete).toBeGreaterThanOrEqual(3)

    const { db, deleted } = await givenAnOrganisationLinkedFromEverywhere()
    const faults = injectWriteFailures(db)
    const before = await snapshotOf(db)
    for (let k = 1; k <= writesOfADelete; k += 1) {
      faults.failWrite(k)
      await catchError(deleteRecord(db, 'organisation', deleted.id, { now }))
      expect(await snapshotOf(db), `write ${k} of ${writesOfADelete} failed`).toEqual(before)
    }
  })
})

describe('findDeleteImpact', () => {
  it('tells what would block a delete and which records would lose a link, changing nothing', async () => {
    const db = aFreshDatabase()
    const regulator = anOrganisation({ id: 'org-regulator' })
    const response = aResponse({ actorId: regulator.id })
    const incident = anIncident({ organisations: [{ organisationId: regulator.id, role: 'reporter' }] })
    await givenStored(db, { type: 'organisation', record: regulator }, { type: 'response', record: response }, { type: 'incident', record: incident })
    const before = await snapshotOf(db)

    const impact = await findDeleteImpact(db, 'organisation', regulator.id)

    expect(impact).toEqual({ blocking: [{ type: 'response', record: response }], mended: [{ type: 'incident', record: incident }] })
    expect(await snapshotOf(db)).toEqual(before)
  })
})

describe('findLinksTo', () => {
  it('finds the records of every type that link to an id', async () => {
    const db = aFreshDatabase()
    const source = aSource()
    const incident = anIncident({ citations: [{ sourceId: source.id }] })
    const organisation = anOrganisation({ citations: [{ sourceId: source.id }] })
    const unrelated = anIncident()
    await givenStored(
      db,
      { type: 'source', record: source },
      { type: 'incident', record: incident },
      { type: 'organisation', record: organisation },
      { type: 'incident', record: unrelated }
    )

    const links = await findLinksTo(db, source.id)

    expect(links).toEqual([
      { type: 'incident', record: incident },
      { type: 'organisation', record: organisation }
    ])
  })
})

describe('history of writes', () => {
  it('records a create with the author, every field as added, and the record as stored', async () => {
    const db = aFreshDatabase()

    const saved = await saveRecord(db, 'incident', { title: 'Alipay default opt-in', status: 'confirmed' }, { ...writeOptions, author: 'Mei' })

    const [created] = await listRevisions(db, saved.id)
    expect(created).toMatchObject({ recordType: 'incident', recordId: saved.id, revision: 1, at: NOW, author: 'Mei', action: 'create', snapshot: saved })
    expect(created?.changes).toContainEqual({ field: 'title', before: undefined, after: 'Alipay default opt-in' })
  })

  it('records an update with only the fields that changed, old and new', async () => {
    const db = aFreshDatabase()
    const incident = anIncident({ title: 'Alipay default opt-in' })
    await givenStored(db, { type: 'incident', record: incident })

    await saveRecord(db, 'incident', { ...incident, title: 'Alipay Sesame Credit opt-in' }, { ...writeOptions, expectedRevision: 1 })

    const [updated] = await listRevisions(db, incident.id)
    expect(updated).toMatchObject({ action: 'update', revision: 2, author: '' })
    expect(updated?.changes).toEqual([{ field: 'title', before: 'Alipay default opt-in', after: 'Alipay Sesame Credit opt-in' }])
  })

  it('records a delete without a snapshot, and an update for each record that lost its link', async () => {
    const db = aFreshDatabase()
    const operator = anOrganisation()
    const incident = anIncident({ organisations: [{ organisationId: operator.id, role: 'operator' }] })
    await givenStored(db, { type: 'organisation', record: operator }, { type: 'incident', record: incident })

    await deleteRecord(db, 'organisation', operator.id, { now, author: 'Mei' })

    const [deleted] = await listRevisions(db, operator.id)
    expect(deleted).toMatchObject({ action: 'delete', revision: 1, author: 'Mei' })
    expect(deleted).not.toHaveProperty('snapshot')
    const [mended] = await listRevisions(db, incident.id)
    expect(mended).toMatchObject({ action: 'update', changes: [{ field: 'organisations', before: incident.organisations, after: [] }] })
  })

  it('writes neither the record nor its history when either write fails', async () => {
    const db = aFreshDatabase()
    const faults = injectWriteFailures(db)
    const incident = anIncident()
    await givenStored(db, { type: 'incident', record: incident })
    const before = await snapshotOf(db)
    const writesOfASave = 2 // the record and its history entry

    for (let k = 1; k <= writesOfASave; k += 1) {
      faults.failWrite(k)
      await catchError(saveRecord(db, 'incident', { ...incident, title: 'Changed' }, { ...writeOptions, expectedRevision: 1 }))
      expect(await snapshotOf(db), `write ${k} failed`).toEqual(before)
    }
  })

  it('counts on from the history when a record is created again under a deleted id', async () => {
    const db = aFreshDatabase()
    const saved = await saveRecord(db, 'incident', { id: 'inc-reused', title: 'First', status: 'alleged' }, writeOptions)
    await saveRecord(db, 'incident', { ...saved, title: 'Second' }, { ...writeOptions, expectedRevision: 1 })
    await deleteRecord(db, 'incident', saved.id, { now })

    const again = await saveRecord(db, 'incident', { id: 'inc-reused', title: 'Third', status: 'alleged' }, writeOptions)

    expect(again.revision).toBe(3)
  })
})

describe('restoreRevision', () => {
  async function givenAnIncidentEditedTwice() {
    const db = aFreshDatabase()
    const original = await saveRecord(db, 'incident', { title: 'Alipay default opt-in', status: 'alleged' }, writeOptions)
    await saveRecord(db, 'incident', { ...original, title: 'Edited once' }, { ...writeOptions, expectedRevision: 1 })
    const current = await saveRecord(db, 'incident', { ...original, title: 'Edited twice' }, { ...writeOptions, expectedRevision: 2 })
    const [, , created] = await listRevisions(db, original.id)
    return { db, original, current, created: created! }
  }

  it('makes an earlier version current again as a new revision', async () => {
    const { db, original, created } = await givenAnIncidentEditedTwice()

    const restored = await restoreRevision(db, 'incident', original.id, created.id, { now, expectedRevision: 3 })

    expect(restored).toMatchObject({ title: 'Alipay default opt-in', revision: 4, createdAt: original.createdAt })
    expect(await createIncidentRepository(db).get(original.id)).toEqual(restored)
  })

  it('adds a restore entry naming the version it restored, keeping every earlier entry', async () => {
    const { db, original, created } = await givenAnIncidentEditedTwice()

    await restoreRevision(db, 'incident', original.id, created.id, { now, expectedRevision: 3, author: 'Mei' })

    const revisions = await listRevisions(db, original.id)
    expect(revisions.map((revision) => revision.action)).toEqual(['restore', 'update', 'update', 'create'])
    expect(revisions[0]).toMatchObject({
      author: 'Mei',
      note: 'Restored version 1',
      changes: [{ field: 'title', before: 'Edited twice', after: 'Alipay default opt-in' }]
    })
  })

  it('refuses when the record changed since the person looked at it', async () => {
    const { db, original, current, created } = await givenAnIncidentEditedTwice()

    const error = await catchError(restoreRevision(db, 'incident', original.id, created.id, { now, expectedRevision: 2 }))

    expect(error).toBeInstanceOf(RevisionConflictError)
    expect(await createIncidentRepository(db).get(original.id)).toEqual(current)
  })

  it('recreates a deleted record from a version in which it existed', async () => {
    const { db, original, created } = await givenAnIncidentEditedTwice()
    await deleteRecord(db, 'incident', original.id, { now })

    const restored = await restoreRevision(db, 'incident', original.id, created.id, { now })

    expect(restored).toMatchObject({ title: 'Alipay default opt-in', revision: 4 })
  })

  it('refuses, naming the field, when the version links to a record that no longer exists', async () => {
    const db = aFreshDatabase()
    const operator = anOrganisation()
    await givenStored(db, { type: 'organisation', record: operator })
    const linked = await saveRecord(
      db,
      'incident',
      { title: 'Leak', status: 'alleged', organisations: [{ organisationId: operator.id, role: 'operator' }] },
      writeOptions
    )
    const [created] = await listRevisions(db, linked.id)
    await deleteRecord(db, 'organisation', operator.id, { now })

    const error = await catchError(restoreRevision(db, 'incident', linked.id, created!.id, { now, expectedRevision: 2 }))

    expect(problemsAsShown((error as RecordValidationError).problems)).toEqual([
      { path: 'organisations[0].organisationId', message: `No organisation with the id "${operator.id}" exists` }
    ])
  })

  it('refuses a version of a law whose relation names a law deleted since', async () => {
    const { db, amended, amendment } = await givenAnAmendmentOfADeletedLaw()
    const created = (await listRevisions(db, amendment.id)).at(-1) // the version that made it, before the mending

    const error = await catchError(restoreRevision(db, 'law', amendment.id, created!.id, { now, expectedRevision: 2 }))

    expect(problemsAsShown((error as RecordValidationError).problems)).toEqual([
      { path: 'relations[0].lawId', message: `No law with the id "${amended.id}" exists` }
    ])
  })

  it('restores a sample record as first loaded, from the version before its first recorded change', async () => {
    const db = aFreshDatabase()
    const sample = anIncident({ title: 'As shipped' })
    await givenStored(db, { type: 'incident', record: sample })
    await saveRecord(db, 'incident', { ...sample, title: 'Edited' }, { ...writeOptions, expectedRevision: 1 })
    const [firstEdit] = await listRevisions(db, sample.id)

    const restored = await restoreRevision(db, 'incident', sample.id, firstEdit!.id, { now, expectedRevision: 2, isVersionBefore: true })

    expect(restored).toMatchObject({ title: 'As shipped', revision: 3, createdAt: sample.createdAt })
    expect((await listRevisions(db, sample.id))[0]?.note).toBe('Restored version 1')
  })

  it('refuses a version in which the record did not exist', async () => {
    const { db, original, created } = await givenAnIncidentEditedTwice()

    const error = await catchError(restoreRevision(db, 'incident', original.id, created.id, { now, expectedRevision: 3, isVersionBefore: true }))

    expect(error).toBeInstanceOf(RevisionNotFoundError)
  })

  it('refuses a version of another record', async () => {
    const { db, created } = await givenAnIncidentEditedTwice()
    const other = await saveRecord(db, 'incident', { title: 'Other', status: 'alleged' }, writeOptions)

    const error = await catchError(restoreRevision(db, 'incident', other.id, created.id, { now, expectedRevision: 1 }))

    expect(error).toBeInstanceOf(RevisionNotFoundError)
  })
})

describe('undoLastChange', () => {
  it('puts back the fields an update changed', async () => {
    const db = aFreshDatabase()
    const original = await saveRecord(db, 'incident', { title: 'Before', summary: 'Kept', status: 'alleged' }, writeOptions)
    await saveRecord(db, 'incident', { ...original, title: 'After' }, { ...writeOptions, expectedRevision: 1 })

    const { record } = await undoLastChange(db, original.id, { now })

    expect(record).toMatchObject({ title: 'Before', summary: 'Kept', revision: 3 })
    expect((await listRevisions(db, original.id))[0]).toMatchObject({ action: 'undo', changes: [{ field: 'title', before: 'After', after: 'Before' }] })
  })

  it('deletes a record whose last change created it', async () => {
    const db = aFreshDatabase()
    const created = await saveRecord(db, 'incident', { title: 'Created by mistake', status: 'alleged' }, writeOptions)

    const { record } = await undoLastChange(db, created.id, { now })

    expect(record).toBeUndefined()
    expect(await createIncidentRepository(db).get(created.id)).toBeUndefined()
  })

  it('recreates a record whose last change deleted it', async () => {
    const db = aFreshDatabase()
    const created = await saveRecord(db, 'incident', { title: 'Deleted by mistake', status: 'alleged' }, writeOptions)
    await deleteRecord(db, 'incident', created.id, { now })

    const { record } = await undoLastChange(db, created.id, { now })

    expect(record).toMatchObject({ title: 'Deleted by mistake', revision: 2, createdAt: created.createdAt })
  })

  it('recreates a never-edited sample record from its delete entry alone', async () => {
    const db = aFreshDatabase()
    const sample = anIncident({ title: 'Shipped with the app' })
    await givenStored(db, { type: 'incident', record: sample })
    await deleteRecord(db, 'incident', sample.id, { now })

    const { record } = await undoLastChange(db, sample.id, { now })

    expect(record).toMatchObject({ title: 'Shipped with the app', revision: 2 })
  })

  it('reverts a restore to the version before it', async () => {
    const db = aFreshDatabase()
    const original = await saveRecord(db, 'incident', { title: 'First', status: 'alleged' }, writeOptions)
    await saveRecord(db, 'incident', { ...original, title: 'Second' }, { ...writeOptions, expectedRevision: 1 })
    const [, created] = await listRevisions(db, original.id)
    await restoreRevision(db, 'incident', original.id, created!.id, { now, expectedRevision: 2 })

    const { record } = await undoLastChange(db, original.id, { now })

    expect(record).toMatchObject({ title: 'Second', revision: 4 })
  })

  it('redoes when the last change was itself an undo', async () => {
    const db = aFreshDatabase()
    const original = await saveRecord(db, 'incident', { title: 'Before', status: 'alleged' }, writeOptions)
    await saveRecord(db, 'incident', { ...original, title: 'After' }, { ...writeOptions, expectedRevision: 1 })
    await undoLastChange(db, original.id, { now })

    const { record } = await undoLastChange(db, original.id, { now })

    expect(record).toMatchObject({ title: 'After' })
  })

  it("refuses to put back a law's relation to a law deleted since, naming the field", async () => {
    const { db, amended, amendment } = await givenAnAmendmentOfADeletedLaw()

    const error = await catchError(undoLastChange(db, amendment.id, { now }))

    expect(problemsAsShown((error as RecordValidationError).problems)).toEqual([
      { path: 'relations[0].lawId', message: `No law with the id "${amended.id}" exists` }
    ])
  })

  it('refuses when the record was changed without a history entry since its last one', async () => {
    const db = aFreshDatabase()
    const original = await saveRecord(db, 'incident', { title: 'Before', status: 'alleged' }, writeOptions)
    await givenStored(db, { type: 'incident', record: { ...original, title: 'Written elsewhere', revision: 2 } })

    const error = await catchError(undoLastChange(db, original.id, { now }))

    expect(error).toBeInstanceOf(RevisionConflictError)
  })

  it('refuses when the last change is not the one the person saw', async () => {
    const db = aFreshDatabase()
    const original = await saveRecord(db, 'incident', { title: 'Before', status: 'alleged' }, writeOptions)
    const [seen] = await listRevisions(db, original.id)
    await saveRecord(db, 'incident', { ...original, title: 'Saved in another window' }, { ...writeOptions, expectedRevision: 1 })

    const error = await catchError(undoLastChange(db, original.id, { now, expectedRevisionId: seen!.id }))

    expect(error).toBeInstanceOf(RevisionConflictError)
    expect((await createIncidentRepository(db).get(original.id))?.title).toBe('Saved in another window')
  })

  it('refuses a record with no history', async () => {
    const db = aFreshDatabase()
    const sample = anIncident()
    await givenStored(db, { type: 'incident', record: sample })

    const error = await catchError(undoLastChange(db, sample.id, { now }))

    expect(error).toBeInstanceOf(UndoNotPossibleError)
  })

  it('changes nothing when any of its writes fails', async () => {
    const db = aFreshDatabase()
    const original = await saveRecord(db, 'incident', { title: 'Before', status: 'alleged' }, writeOptions)
    await saveRecord(db, 'incident', { ...original, title: 'After' }, { ...writeOptions, expectedRevision: 1 })
    const faults = injectWriteFailures(db)
    const before = await snapshotOf(db)

    for (let k = 1; k <= 2; k += 1) {
      faults.failWrite(k)
      await catchError(undoLastChange(db, original.id, { now }))
      expect(await snapshotOf(db), `write ${k} failed`).toEqual(before)
    }
  })
})

describe('findSomeLinksTo', () => {
  it('reads at most the limit of each type, the first by id, and counts every referrer', async () => {
    const db = await aFreshDatabase()
    const regulator = anOrganisation({ id: 'org-regulator', kind: 'regulator' })
    const responses = ['resp-c', 'resp-a', 'resp-d', 'resp-b'].map((id) => aResponse({ id, actorId: regulator.id }))
    const incident = anIncident({ id: 'inc-a', organisations: [{ organisationId: regulator.id, role: 'reporter' }] })
    await givenStored(
      db,
      { type: 'organisation', record: regulator },
      { type: 'incident', record: incident },
      ...responses.map((record) => ({ type: 'response' as const, record }))
    )

    const some = await findSomeLinksTo(db, regulator.id, 2)

    expect(some.total).toBe(5)
    expect(some.records.map((typed) => typed.record.id).sort()).toEqual(['inc-a', 'resp-a', 'resp-b'])
  })
})
