import { describe, expect, it } from 'vitest'
import { PrecedentDatabase } from '@renderer/db'
import { allMigrations } from '@renderer/db/migrations'
import { toRow } from '@renderer/db/storedRow'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { aJurisdiction, aLaw, anIncident, anOrganisation, aResponse } from '../../../builders/domain'
import { catchError } from '../../../support/catchError'
import { aFreshDatabaseName, injectWriteFailures, snapshotOf } from '../testDatabase'

// Every migration that rewrites rows, the ones to come included: a failure at any of its writes
// (a full disk, a crash) must leave the knowledge base at the version before, exactly as it was,
// and the next start must migrate it whole.

const records: readonly TypedRecord[] = [
  { type: 'jurisdiction', record: aJurisdiction({ id: 'CN', name: 'China' }) },
  { type: 'organisation', record: anOrganisation({ id: 'org-alipay', name: 'Alipay' }) },
  { type: 'organisation', record: anOrganisation({ id: 'org-alipay-ltd', name: 'ALIPAY Co., Ltd.' }) },
  { type: 'organisation', record: anOrganisation({ id: 'org-driver', name: 'Tesla driver (Unnamed)' }) },
  { type: 'organisation', record: anOrganisation({ id: 'org-alipay-zh', name: '支付宝' }) },
  { type: 'incident', record: anIncident({ id: 'inc-bill', title: 'Alipay annual bill consent default', occurredOn: '2018-01-03', jurisdictionIds: ['CN'] }) },
  { type: 'incident', record: anIncident({ id: 'inc-bill-again', title: 'Alipay annual-bill consent default', occurredOn: '2018-01' }) },
  { type: 'law', record: aLaw({ id: 'law-csl', title: 'Cybersecurity Law', jurisdictionId: 'CN' }) },
  { type: 'response', record: aResponse({ id: 'resp-summons', actorId: 'org-alipay', incidentIds: ['inc-bill'] }) }
]

// Fields version 1 did not have: migration 2 gives them their defaults.
const VERSION_2_FIELDS = ['relations', 'stage']

const rewriting = allMigrations.filter((migration) => migration.upgrade !== undefined && migration.version > 1)

/** A database saved at the version before `version`, holding {@link records}; returns its name. */
async function savedAtVersionBefore(version: number): Promise<string> {
  const name = aFreshDatabaseName()
  const db = new PrecedentDatabase(
    name,
    allMigrations.filter((migration) => migration.version < version)
  )
  await db.transaction('rw', db.tables, async () => {
    for (const typed of records) {
      const row: Record<string, unknown> = { ...toRow(typed.type, typed.record) }
      if (version <= 2) for (const field of VERSION_2_FIELDS) delete row[field]
      await db.recordTable(typed.type).put(row as never)
    }
  })
  db.close()
  return name
}

/** Every table as the version before `version` sees it. */
async function stateBefore(name: string, version: number): Promise<Record<string, unknown[]>> {
  const db = new PrecedentDatabase(
    name,
    allMigrations.filter((migration) => migration.version < version)
  )
  await db.open()
  const state = { version: [db.verno], ...(await snapshotOf(db)) }
  db.close()
  return state
}

describe.each(rewriting.map((migration) => ({ version: migration.version, description: migration.description })))(
  'a failure at any write of migration $version',
  ({ version }) => {
    it('leaves the database at the version before, exactly as it was, and the next start migrates it whole', async () => {
      const upTo = allMigrations.filter((migration) => migration.version <= version)
      // The run without a failure: how many writes the upgrade makes (n), and the state it ends in.
      const probeName = await savedAtVersionBefore(version)
      const probe = new PrecedentDatabase(probeName, upTo)
      const probeFaults = injectWriteFailures(probe)
      probeFaults.failWrite(0)
      await probe.open()
      const writes = probeFaults.writes
      const after = await snapshotOf(probe)
      probe.close()
      expect(writes, 'the upgrade writes through the middleware that fails writes').toBeGreaterThan(0)

      for (let k = 1; k <= writes; k += 1) {
        const name = await savedAtVersionBefore(version)
        const before = await stateBefore(name, version)
        const db = new PrecedentDatabase(name, upTo)
        const faults = injectWriteFailures(db)
        faults.failWrite(k)

        const error = await catchError(db.open())
        db.close()

        expect(error, `write ${k} of ${writes} failed, yet the upgrade reported success`).toBeDefined()
        expect(await stateBefore(name, version), `after a failure at write ${k} of ${writes}`).toEqual(before)
        const again = new PrecedentDatabase(name, upTo)
        await again.open()
        expect(await snapshotOf(again), `the start after a failure at write ${k} of ${writes}`).toEqual(after)
        again.close()
      }
    }, 60_000)
  }
)
