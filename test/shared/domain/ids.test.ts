import { describe, expect, it } from 'vitest'
import {
  incidentIdSchema,
  jurisdictionIdSchema,
  lawIdSchema,
  newId,
  organisationIdSchema,
  responseIdSchema,
  sourceIdSchema,
  type IncidentId
} from '@shared/domain/ids'
import { issueMessages } from '../../builders/sharedDomain'

const ID_MESSAGE = 'An id is 1 to 100 letters, digits or -_.: and starts with a letter or digit'

describe('id schemas', () => {
  it.each(['org-alibaba', 'CN', 'CN-ZJ', 'law.pipl_2021:art41', '7', '3f2b8c1e-9d4a-4c5e-8f6a-1b2c3d4e5f60', 'x'.repeat(100)])('accept %s', (id) => {
    const result = incidentIdSchema.safeParse(id)

    expect(result.success).toBe(true)
  })

  it.each(['', '-leading-dash', '.hidden', 'has space', 'slash/inside', 'ünïcode', 'x'.repeat(101)])('refuse "%s" with a message describing ids', (id) => {
    const result = incidentIdSchema.safeParse(id)

    expect(issueMessages(result)).toEqual([ID_MESSAGE])
  })

  it('refuses a number where an id belongs', () => {
    const result = incidentIdSchema.safeParse(42)

    expect(result.success).toBe(false)
  })

  it.each([
    ['organisation', organisationIdSchema],
    ['jurisdiction', jurisdictionIdSchema],
    ['law', lawIdSchema],
    ['response', responseIdSchema],
    ['source', sourceIdSchema]
  ])('apply the same rule to %s ids', (_name, schema) => {
    const result = schema.safeParse('bad id')

    expect(issueMessages(result)).toEqual([ID_MESSAGE])
  })

  it('return the id text unchanged', () => {
    const id = organisationIdSchema.parse('org-alibaba')

    expect(id).toBe('org-alibaba')
  })
})

describe('newId', () => {
  it('returns what the injected generator makes', () => {
    const generate = () => '3f2b8c1e-9d4a-4c5e-8f6a-1b2c3d4e5f60'

    const id = newId<IncidentId>(generate)

    expect(id).toBe('3f2b8c1e-9d4a-4c5e-8f6a-1b2c3d4e5f60')
  })

  it('calls the generator once per id', () => {
    let calls = 0
    const generate = () => `id-${++calls}`

    const ids = [newId<IncidentId>(generate), newId<IncidentId>(generate)]

    expect(ids).toEqual(['id-1', 'id-2'])
  })

  it('makes ids that the id schemas accept', () => {
    const id = newId<IncidentId>(() => crypto.randomUUID())

    expect(incidentIdSchema.safeParse(id).success).toBe(true)
  })
})
