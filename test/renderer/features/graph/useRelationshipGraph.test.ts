import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, ref, watch, type EffectScope } from 'vue'
import { getDatabase } from '@renderer/db'
import { useRelationshipGraph } from '../../../../src/renderer/features/graph/useRelationshipGraph'
import { layoutRelationshipGraph, startGraphLayout, type GraphLayout } from '../../../../src/renderer/features/graph/graphForceLayout'
import { anOrganisation } from '../../../builders/domain'
import { givenStored } from '../../db/testDatabase'

let scope: EffectScope | undefined

afterEach(() => scope?.stop())

/** A group with three units (fresh ids: the app's database lives across a file's tests). */
async function givenAGroup() {
  const group = anOrganisation({ name: 'Group' })
  const units = Array.from({ length: 3 }, (_, index) => anOrganisation({ name: `Unit ${index}`, links: [{ relation: 'parent', organisationId: group.id }] }))
  await givenStored(getDatabase(), ...[group, ...units].map((record) => ({ type: 'organisation' as const, record })))
  return { group, units }
}

describe('useRelationshipGraph', () => {
  it('draws the records on their start rings at once, then the settled layout from the layout worker', async () => {
    const { group } = await givenAGroup()
    scope = effectScope()
    const state = scope.run(() => useRelationshipGraph(ref(group.id), ref(1), ref([])))!
    const drawn: (GraphLayout | undefined)[] = []
    scope.run(() => watch(state.layout, (layout) => void drawn.push(layout), { flush: 'sync' }))

    await vi.waitFor(() => expect(state.isLayoutSettled.value).toBe(true))
    const graph = state.graph.value!

    expect(graph.nodes).toHaveLength(4)
    expect(drawn).toEqual([startGraphLayout(graph), layoutRelationshipGraph(graph)])
  })

  it('lays out the new graph when the reach changes, never an older one', async () => {
    const { units } = await givenAGroup()
    const hidden = ref<readonly ('organisation' | 'incident')[]>([])
    scope = effectScope()
    const state = scope.run(() => useRelationshipGraph(ref(units[0]!.id), ref(2), hidden))!
    await vi.waitFor(() => expect(state.graph.value?.nodes).toHaveLength(4))

    // The unit alone: the group (and its other units) left out by hiding organisations.
    hidden.value = ['organisation']

    await vi.waitFor(() => expect(state.graph.value?.nodes).toHaveLength(1))
    await vi.waitFor(() => expect(state.isLayoutSettled.value).toBe(true))
    expect([...state.layout.value!.positions.keys()]).toEqual([units[0]!.id])
  })
})
