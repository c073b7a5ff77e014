import { describe, expect, it } from 'vitest'
import { TABLE_OF } from '@renderer/db'
import { initialSchema } from '@renderer/db/migrations/001-initial-schema'
import { RECORD_TYPES } from '@shared/domain/recordTypes'
import { aFreshDatabase } from '../testDatabase'

describe('migration 001: initial schema', () => {
  it('creates a table for every record type, keyed by id, with a multi-entry refs index and a sort key index', async () => {
    const db = aFreshDatabase([initialSchema])
    await db.open()

    const schemas = RECORD_TYPES.map((type) => db.table(TABLE_OF[type]).schema)

    for (const schema of schemas) {
      expect(schema.primKey.keyPath, schema.name).toBe('id')
      expect(schema.idxByName['refs']?.multi, schema.name).toBe(true)
      expect(schema.idxByName['sortKey'], schema.name).toBeDefined()
    }
    db.close()
  })

  it('creates a meta table keyed by marker name', async () => {
    const db = aFreshDatabase([initialSchema])
    await db.open()

    await db.meta.put({ key: 'sample:knowledge-base', value: { revision: 1 } })

    expect(await db.meta.get('sample:knowledge-base')).toEqual({ key: 'sample:knowledge-base', value: { revision: 1 } })
    db.close()
  })

  it('is version 1 of the database', async () => {
    const db = aFreshDatabase([initialSchema])

    await db.open()

    expect(db.verno).toBe(1)
    db.close()
  })
})
