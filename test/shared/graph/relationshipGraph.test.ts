import { describe, expect, it } from 'vitest'
import { referencedIds } from '@shared/domain/recordReferences'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { neighbourhood, relationsOfNode, relationshipSentence, type GraphLookup } from '@shared/graph/relationshipGraph'
import { aJurisdiction, anIncident, anOrganisation, aResponse, aSource } from '../../builders/sharedDomain'

const china: TypedRecord = { type: 'jurisdiction', record: aJurisdiction({ id: 'CN', name: 'China' }) }
const alibaba: TypedRecord = { type: 'organisation', record: anOrganisation({ id: 'org-alibaba', name: 'Alibaba Group', kind: 'company' }) }
const antFinancial: TypedRecord = {
  type: 'organisation',
  record: anOrganisation({ id: 'org-ant-financial', name: 'Ant Financial', kind: 'company', links: [{ relation: 'affiliate', organisationId: 'org-alibaba' }] })
}
const alipay: TypedRecord = {
  type: 'organisation',
  record: anOrganisation({ id: 'org-alipay', name: 'Alipay', links: [{ relation: 'operator', organisationId: 'org-ant-financial' }] })
}
const cac: TypedRecord = { type: 'organisation', record: anOrganisation({ id: 'org-cac', name: 'Cyberspace Administration of China', kind: 'regulator' }) }
const xinhua: TypedRecord = { type: 'source', record: aSource({ id: 'src-xinhua', title: 'Xinhua report' }) }
const annualBill: TypedRecord = {
  type: 'incident',
  record: anIncident({
    id: 'inc-annual-bill',
    title: 'Annual bill consent default',
    jurisdictionIds: ['CN'],
    organisations: [{ organisationId: 'org-alipay', role: 'operator' }],
    citations: [{ sourceId: 'src-xinhua' }]
  })
}
const summons: TypedRecord = {
  type: 'response',
  record: aResponse({
    id: 'resp-summons',
    title: 'CAC summons Alipay',
    actorId: 'org-cac',
    targetOrganisationIds: ['org-alipay'],
    incidentIds: ['inc-annual-bill']
  })
}

const world = [china, alibaba, antFinancial, alipay, cac, xinhua, annualBill, summons]

/** Looks records up in a list; answers in reverse order so tests prove the result does not depend on it. */
function lookupIn(records: readonly TypedRecord[]): GraphLookup {
  return {
    records: (ids) => Promise.resolve(records.filter((typed) => ids.includes(typed.record.id)).reverse()),
    referrers: (id, limitPerType) => {
      const all = records.filter((typed) => (referencedIds(typed) as string[]).includes(id))
      // The first `limitPerType` of each type by id, as the database reads them.
      const byId = [...all].sort((a, b) => (a.record.id < b.record.id ? -1 : 1))
      const kept = byId.filter((typed, _index, sorted) => sorted.filter((other) => other.type === typed.type).indexOf(typed) < limitPerType)
      return Promise.resolve({ records: kept.reverse(), total: all.length })
    }
  }
}

const labelsOf = (graph: { nodes: readonly { label: string }[] } | undefined) => graph?.nodes.map((node) => node.label)

describe('neighbourhood', () => {
  it('is undefined when the start record does not exist', async () => {
    const graph = await neighbourhood('org-missing', 1, lookupIn(world))

    expect(graph).toBeUndefined()
  })

  it('at one hop holds the start, what it points to and what points to it', async () => {
    const graph = await neighbourhood('org-ant-financial', 1, lookupIn(world))

    expect(labelsOf(graph)).toEqual(['Ant Financial', 'Alibaba Group', 'Alipay'])
  })

  it('puts the start record at distance 0 and its neighbours at distance 1', async () => {
    const graph = await neighbourhood('org-ant-financial', 1, lookupIn(world))

    expect(graph?.nodes.map((node) => [node.id, node.distance])).toEqual([
      ['org-ant-financial', 0],
      ['org-alibaba', 1],
      ['org-alipay', 1]
    ])
  })

  it('at two hops also reaches the neighbours of neighbours, at distance 2', async () => {
    const graph = await neighbourhood('org-alibaba', 2, lookupIn(world))

    expect(graph?.nodes.filter((node) => node.distance === 2).map((node) => node.label)).toEqual(['Alipay'])
  })

  it('does not go further than two hops', async () => {
    const graph = await neighbourhood('org-alibaba', 2, lookupIn(world))

    expect(labelsOf(graph)).not.toContain('Annual bill consent default')
  })

  it('labels each link from the record that holds it, with the reading from the other end beside it', async () => {
    const graph = await neighbourhood('org-ant-financial', 1, lookupIn(world))

    expect(graph?.edges).toContainEqual({
      from: 'org-alipay',
      to: 'org-ant-financial',
      relation: 'organisation:operator',
      label: 'Operated by',
      inverseLabel: 'Operates'
    })
  })

  it('shows links between two neighbours, not only links to the start', async () => {
    const graph = await neighbourhood('org-alipay', 1, lookupIn(world))

    expect(graph?.edges.map((edge) => `${edge.from}>${edge.to}`)).toContain('resp-summons>inc-annual-bill')
  })

  it('leaves out excluded types and does not walk through them', async () => {
    const graph = await neighbourhood('inc-annual-bill', 2, lookupIn(world), { excludedTypes: ['source', 'jurisdiction'] })

    expect(graph?.nodes.map((node) => node.type)).not.toContain('source')
  })

  it('always shows the start record, even of an excluded type', async () => {
    const graph = await neighbourhood('src-xinhua', 1, lookupIn(world), { excludedTypes: ['source'] })

    expect(labelsOf(graph)).toEqual(['Xinhua report', 'Annual bill consent default'])
  })

  it('keeps the nearest records when more are in reach than the cap', async () => {
    const graph = await neighbourhood('org-alipay', 2, lookupIn(world), { maxNodes: 3 })

    expect(graph?.nodes.map((node) => node.distance)).toEqual([0, 1, 1])
  })

  it('counts exactly the records left out when the cap fills on the last hop', async () => {
    const graph = await neighbourhood('org-alipay', 2, lookupIn(world), { maxNodes: 6 })

    expect(graph?.notShownCount).toBe(world.length - 6)
    expect(graph?.isNotShownCountExact).toBe(true)
  })

  it('stops walking once the cap is full, and says its count is only a lower bound', async () => {
    const graph = await neighbourhood('org-alipay', 2, lookupIn(world), { maxNodes: 3 })

    expect(graph?.notShownCount).toBe(1)
    expect(graph?.isNotShownCountExact).toBe(false)
  })

  it('looks up no referrers further out once the cap is full', async () => {
    const asked: string[] = []
    const lookup = lookupIn(world)

    await neighbourhood('org-alipay', 2, { ...lookup, referrers: (id, limit) => (asked.push(id), lookup.referrers(id, limit)) }, { maxNodes: 3 })

    expect(asked).toEqual(['org-alipay'])
  })

  it("reads no more of a hub's referrers than the cap could show, and counts the rest as not shown", async () => {
    const regulator: TypedRecord = { type: 'organisation', record: anOrganisation({ id: 'org-regulator', name: 'Regulator', kind: 'regulator' }) }
    const actions = Array.from({ length: 40 }, (_, index): TypedRecord => ({
      type: 'response',
      record: aResponse({ id: `resp-${String(index).padStart(2, '0')}`, title: `Action ${index}`, actorId: 'org-regulator' })
    }))
    const lookup = lookupIn([regulator, ...actions])
    const read: number[] = []

    const graph = await neighbourhood(
      'org-regulator',
      1,
      {
        ...lookup,
        referrers: async (id, limit) => {
          const some = await lookup.referrers(id, limit)
          read.push(some.records.length)
          return some
        }
      },
      { maxNodes: 5 }
    )

    expect(read).toEqual([5])
    expect(graph?.nodes.map((node) => node.id)).toEqual(['org-regulator', 'resp-00', 'resp-01', 'resp-02', 'resp-03'])
    expect(graph?.notShownCount).toBe(36)
    expect(graph?.isNotShownCountExact).toBe(false)
  })

  it('draws no link to a record left out by the cap', async () => {
    const graph = await neighbourhood('org-alipay', 2, lookupIn(world), { maxNodes: 3 })
    const shown = new Set(graph?.nodes.map((node) => node.id))

    expect(graph?.edges.every((edge) => shown.has(edge.from) && shown.has(edge.to))).toBe(true)
  })

  it('counts nothing as not shown when everything fits', async () => {
    const graph = await neighbourhood('org-ant-financial', 1, lookupIn(world))

    expect(graph?.notShownCount).toBe(0)
    expect(graph?.isNotShownCountExact).toBe(true)
  })

  it('orders nodes by distance, then record type, then name', async () => {
    const graph = await neighbourhood('inc-annual-bill', 1, lookupIn(world))

    expect(graph?.nodes.map((node) => node.type)).toEqual(['incident', 'organisation', 'jurisdiction', 'response', 'source'])
  })

  it('gives the same graph whatever order the lookup answers in', async () => {
    const forwards: GraphLookup = {
      records: (ids) => Promise.resolve(world.filter((typed) => ids.includes(typed.record.id))),
      referrers: (id) => {
        const all = world.filter((typed) => (referencedIds(typed) as string[]).includes(id))
        return Promise.resolve({ records: all, total: all.length })
      }
    }

    const [a, b] = await Promise.all([neighbourhood('org-alipay', 2, forwards), neighbourhood('org-alipay', 2, lookupIn(world))])

    expect(a).toEqual(b)
  })

  it('lists a link held twice with the same meaning once', async () => {
    const twice: TypedRecord = {
      type: 'incident',
      record: anIncident({ id: 'inc-twice', citations: [{ sourceId: 'src-xinhua' }, { sourceId: 'src-xinhua', locator: 'p. 2' }] })
    }

    const graph = await neighbourhood('inc-twice', 1, lookupIn([twice, xinhua]))

    expect(graph?.edges).toHaveLength(1)
  })
})

describe('relationshipSentence', () => {
  it('reads a link from the record that holds it, naming both records', async () => {
    const graph = await neighbourhood('org-ant-financial', 1, lookupIn(world))
    const nodesById = new Map(graph?.nodes.map((node) => [node.id, node]))
    const operatedBy = graph?.edges.find((edge) => edge.from === 'org-alipay')

    expect(operatedBy && relationshipSentence(operatedBy, nodesById)).toBe('Alipay — Operated by → Ant Financial')
  })
})

describe('relationsOfNode', () => {
  it('reads each link from the node’s own side, whichever record holds it', async () => {
    const graph = await neighbourhood('org-ant-financial', 1, lookupIn(world))

    const relations = graph ? relationsOfNode(graph, 'org-ant-financial').map((relation) => `${relation.label}: ${relation.other.label}`) : []

    expect(relations).toEqual(['Affiliate of: Alibaba Group', 'Operates: Alipay'])
  })

  it('has nothing for a record that is not in the graph', async () => {
    const graph = await neighbourhood('org-ant-financial', 1, lookupIn(world))

    expect(graph && relationsOfNode(graph, 'org-nowhere')).toEqual([])
  })
})
