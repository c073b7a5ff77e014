import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, type EffectScope } from 'vue'
import { dismissDuplicatePair, getDatabase } from '@renderer/db'
import { duplicatePairKey } from '@shared/domain/duplicates'
import { useDuplicateCandidates } from '../../../../src/renderer/features/duplicates/useDuplicateCandidates'
import { anIncident, anOrganisation } from '../../../builders/domain'
import { givenStored } from '../../db/testDatabase'

let scope: EffectScope | undefined

afterEach(() => scope?.stop())

function candidates() {
  scope = effectScope()
  return scope.run(() => useDuplicateCandidates())!
}

const pairIds = (pairs: readonly { firstId: string; secondId: string }[]) => pairs.map((pair) => [pair.firstId, pair.secondId].sort())

describe('useDuplicateCandidates', () => {
  it('lists duplicate organisations and incidents apart, and updates when a duplicate is stored', async () => {
    const result = candidates()
    const alipay = anOrganisation({ name: 'Zhifubao Alipay' })
    const chinese = anOrganisation({ name: '支付宝钱包', aliases: [{ name: 'ZHIFUBAO ALIPAY' }] })
    const incident = anIncident({ title: 'Zhifubao annual statement consent default', occurredOn: '2018-01-03' })
    const retyped = anIncident({ title: 'Zhifubao annual-statement consent default', occurredOn: '2018-01' })

    await givenStored(
      getDatabase(),
      { type: 'organisation', record: alipay },
      { type: 'organisation', record: chinese },
      { type: 'incident', record: incident },
      { type: 'incident', record: retyped }
    )

    await vi.waitFor(() => expect(pairIds(result.organisationPairs.value)).toContainEqual([alipay.id, chinese.id].sort()))
    // The two lists are read apart: the incidents' pairs may arrive a moment after the organisations'.
    await vi.waitFor(() => expect(pairIds(result.incidentPairs.value)).toContainEqual([incident.id, retyped.id].sort()))
  })

  it('stops listing a pair once it is dismissed', async () => {
    const result = candidates()
    const first = anOrganisation({ name: 'Sesame Credit Zhima' })
    const second = anOrganisation({ name: 'SESAME CREDIT ZHIMA Ltd' })
    await givenStored(getDatabase(), { type: 'organisation', record: first }, { type: 'organisation', record: second })
    await vi.waitFor(() => expect(pairIds(result.organisationPairs.value)).toContainEqual([first.id, second.id].sort()))

    await dismissDuplicatePair(getDatabase(), duplicatePairKey(first.id, second.id))

    await vi.waitFor(() => expect(pairIds(result.organisationPairs.value)).not.toContainEqual([first.id, second.id].sort()))
  })
})
