import { afterEach, describe, expect, it, vi } from 'vitest'
import { getDatabase } from '@renderer/db'
import { mount, type VueWrapper } from '@vue/test-utils'
import RecordHistoryPanel from '@renderer/features/history/RecordHistoryPanel.vue'
import type { RecordRevision } from '@shared/domain/recordHistory'
import { anIncident, anOrganisation } from '../../../builders/domain'
import { givenStored } from '../../db/testDatabase'

const original = anIncident({ id: 'inc-alipay', title: 'As shipped', createdAt: '2018-01-01T12:00:00.000Z' })
const edited = { ...original, title: 'Edited', revision: 2 }
const firstEdit: RecordRevision = {
  id: 'rev-2',
  recordType: 'incident',
  recordId: original.id,
  revision: 2,
  at: '2018-01-05T12:00:00.000Z',
  author: 'Mei',
  action: 'update',
  changes: [{ field: 'title', before: 'As shipped', after: 'Edited' }],
  snapshot: edited
}

let wrapper: VueWrapper | undefined

function mountPanel(revisions: readonly RecordRevision[] = [firstEdit]) {
  wrapper = mount(RecordHistoryPanel, { props: { record: edited, revisions, isWorking: false }, attachTo: document.body })
  return wrapper
}

const buttonNamed = (panel: VueWrapper, name: string) => panel.findAll('button').find((button) => button.text() === name)

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

describe('RecordHistoryPanel', () => {
  it('names the linked records a change mentions, instead of their ids', async () => {
    const alipay = anOrganisation({ name: 'Alipay' })
    const ant = anOrganisation({ name: 'Ant Group' })
    await givenStored(getDatabase(), { type: 'organisation', record: alipay }, { type: 'organisation', record: ant })
    const relinked: RecordRevision = {
      ...firstEdit,
      changes: [{ field: 'organisations', before: [{ organisationId: alipay.id, role: 'operator' }], after: [{ organisationId: ant.id, role: 'parent' }] }]
    }
    const panel = mountPanel([relinked])
    await buttonNamed(panel, 'Show history (1 change)')!.trigger('click')

    await vi.waitFor(() => expect(panel.get('del').text()).toBe('organisation: Alipay, role: operator'))
    expect(panel.get('ins').text()).toBe('organisation: Ant Group, role: parent')
  })

  it('starts collapsed, offering to show the changes it counts', () => {
    const panel = mountPanel()

    const toggle = buttonNamed(panel, 'Show history (1 change)')

    expect(toggle?.attributes('aria-expanded')).toBe('false')
    expect(panel.get('#history-list').isVisible()).toBe(false)
  })

  it('offers no restore for the current version, and one for the version first stored', async () => {
    const panel = mountPanel()
    await buttonNamed(panel, 'Show history (1 change)')!.trigger('click')

    const entries = panel.findAll('#history-list > ol > li')

    expect(entries.map((entry) => entry.find('h3').text())).toEqual(['Version 2: Edited', 'Version 1: As first stored'])
    expect(entries.map((entry) => entry.findAll('button').length)).toEqual([0, 1])
  })

  it('asks for confirmation before restoring, then asks for the version before the oldest entry', async () => {
    const panel = mountPanel()
    await buttonNamed(panel, 'Show history (1 change)')!.trigger('click')

    await buttonNamed(panel, 'Restore this version')!.trigger('click')
    expect(panel.emitted('restore')).toBeUndefined()
    await buttonNamed(panel, 'Restore version 1')!.trigger('click')

    expect(panel.emitted('restore')).toEqual([[firstEdit, true]])
  })

  it('shows the record as it stood at the end of the chosen day', async () => {
    const panel = mountPanel()

    await panel.get('input[type="date"]').setValue('2018-01-03')

    expect(panel.text()).toContain('Showing this record as it stood on 3 January 2018')
    expect(panel.findAll('dd').map((value) => value.text())).toContain('As shipped')
  })

  it('says when the record did not exist on the chosen day', async () => {
    const panel = mountPanel()

    await panel.get('input[type="date"]').setValue('2017-12-31')

    expect(panel.text()).toContain('This record did not exist in the knowledge base on that day')
  })
})
