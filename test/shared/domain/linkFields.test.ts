import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { incidentIdSchema, jurisdictionIdSchema, lawIdSchema, organisationIdSchema, responseIdSchema, sourceIdSchema } from '@shared/domain/ids'
import { LINK_FIELDS, linksOf, type LinkField } from '@shared/domain/linkFields'
import { RECORD_SCHEMAS } from '@shared/domain/recordSchemas'
import { RECORD_TYPES, type RecordType } from '@shared/domain/recordTypes'
import { aJurisdiction, aLaw, aResponse } from '../../builders/sharedDomain'

/** Which record type each id schema names: a field built from one of them holds a link. */
const ID_SCHEMAS = new Map<unknown, RecordType>([
  [incidentIdSchema, 'incident'],
  [organisationIdSchema, 'organisation'],
  [jurisdictionIdSchema, 'jurisdiction'],
  [lawIdSchema, 'law'],
  [responseIdSchema, 'response'],
  [sourceIdSchema, 'source']
])

/** A field named like an id (`actorId`, `incidentIds`): it must hold ids, and so be in the table. */
const NAMED_LIKE_AN_ID = /Ids?$/

interface SchemaDef {
  readonly type: string
  readonly shape?: Record<string, z.ZodType>
  readonly element?: z.ZodType
  readonly innerType?: z.ZodType
  readonly in?: z.ZodType
}

const defOf = (schema: z.ZodType): SchemaDef => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def

/** The schema inside `.optional()`, `.default()`, `.nullable()` and the like. */
function unwrapped(schema: z.ZodType): z.ZodType {
  const def = defOf(schema)
  return def.innerType !== undefined && !ID_SCHEMAS.has(schema) ? unwrapped(def.innerType) : schema
}

/**
 * Every place in a record schema that holds an id, written as the link table writes paths
 * (`actorId`, `jurisdictionIds[]`, `organisations[].organisationId`, `original.someId` for a
 * nested object), with the type it names. A field named like an id that is not built from an id
 * schema is listed with the target `not an id schema`, so it fails the comparison too.
 */
function idPathsOf(schema: z.ZodType, prefix = ''): string[] {
  const def = defOf(unwrapped(schema))
  if (def.type !== 'object' || def.shape === undefined) return []
  return Object.entries(def.shape).flatMap(([key, field]) => {
    if (prefix === '' && key === 'id') return []
    const path = `${prefix}${key}`
    const inner = unwrapped(field)
    const target = ID_SCHEMAS.get(inner)
    if (target !== undefined) return [`${path} → ${target}`]
    const innerDef = defOf(inner)
    if (innerDef.type === 'array' && innerDef.element !== undefined) {
      const element = unwrapped(innerDef.element)
      const elementTarget = ID_SCHEMAS.get(element)
      if (elementTarget !== undefined) return [`${path}[] → ${elementTarget}`]
      const nested = idPathsOf(element, `${path}[].`)
      if (nested.length > 0 || !NAMED_LIKE_AN_ID.test(key)) return nested
    }
    if (innerDef.type === 'object') return idPathsOf(inner, `${path}.`)
    return NAMED_LIKE_AN_ID.test(key) ? [`${path} → not an id schema`] : []
  })
}

// The table's paths are checked against the record types when the tests are type-checked.
// @ts-expect-error a law has `relations`, not `relation`
const misspelt: LinkField<'law'> = { path: 'relation[].lawId', targetType: 'law', required: false, relation: 'law' }
void misspelt

const tablePathsOf = (type: RecordType): string[] => LINK_FIELDS[type].map((field) => `${field.path} → ${field.targetType}`)

describe('LINK_FIELDS', () => {
  it.each(RECORD_TYPES)('lists exactly the fields of the %s schema that hold an id, with the type each names', (type) => {
    expect(tablePathsOf(type).sort()).toEqual(idPathsOf(RECORD_SCHEMAS[type]).sort())
  })

  it('finds the id fields it compares against (the walk itself works)', () => {
    expect(idPathsOf(RECORD_SCHEMAS.response)).toEqual(
      expect.arrayContaining(['actorId → organisation', 'incidentIds[] → incident', 'citations[].sourceId → source'])
    )
  })

  it("names a relation from the item's own field where the table says so", () => {
    const law = aLaw({ id: 'law-2', relations: [{ relation: 'amends', lawId: 'law-1' }] })

    expect(linksOf({ type: 'law', record: law }).find((link) => link.fieldPath === 'relations[].lawId')).toEqual({
      path: 'relations[0].lawId',
      fieldPath: 'relations[].lawId',
      targetType: 'law',
      targetId: 'law-1',
      relation: 'law:amends',
      isRequired: false
    })
  })

  it('marks a link required always, never, or by the record that holds it', () => {
    const required = (typed: Parameters<typeof linksOf>[0]) => linksOf(typed).map((link) => [link.path, link.isRequired])

    expect(required({ type: 'response', record: aResponse({ actorId: 'org-cac', targetOrganisationIds: ['org-a'] }) })).toEqual([
      ['actorId', true],
      ['targetOrganisationIds[0]', false]
    ])
    expect(required({ type: 'jurisdiction', record: aJurisdiction({ id: 'CN-ZJ', code: 'CN-ZJ', kind: 'subdivision', parentId: 'CN' }) })).toEqual([
      ['parentId', true]
    ])
    expect(required({ type: 'jurisdiction', record: aJurisdiction({ id: 'HK', code: 'HK', kind: 'country', parentId: 'CN' }) })).toEqual([['parentId', false]])
  })
})
