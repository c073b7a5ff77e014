import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView, type Router } from 'vue-router'
import { teamRoutes } from '@renderer/features/team'
import type { Incident } from '@shared/domain/incident'
import type { PushedRevision, TeamServer } from '@shared/team/teamProtocol'
import { anIncident } from '../../../builders/domain'
import { createInMemoryTeam, type InMemoryTeam } from '../../../support/inMemoryTeamServer'
import { desktopTeamOver, givenDesktopTeam, KEPT } from './desktopTeamDouble'

let wrapper: VueWrapper | undefined

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  givenDesktopTeam(undefined)
})

const AT = '2026-12-07T08:00:00.000Z'
let revisionCounter = 0

function revisionOf(record: Incident | undefined, recordId: string, base: { revision: number; exists: boolean }): PushedRevision {
  revisionCounter += 1
  return {
    kind: 'revision',
    id: `rev-${revisionCounter}-${recordId}`,
    recordType: 'incident',
    recordId,
    base,
    action: record === undefined ? 'delete' : base.exists ? 'update' : 'create',
    changes: [],
    ...(record === undefined ? {} : { snapshot: record as unknown as PushedRevision['snapshot'] & object }),
    clientAt: AT
  }
}

/**
 * Alice shares an incident, then edits it; Bob edited the same first version without having synced:
 * his push is kept as a conflict. `bobEdit` undefined: Bob deleted it instead.
 */
async function givenConflict(team: InMemoryTeam, aliceEdit: Partial<Incident> | undefined, bobEdit: Partial<Incident> | undefined) {
  const alice = team.serverFor('alice')
  const bob = team.serverFor('bob')
  const original = anIncident({ title: 'Alipay default opt-in', summary: 'Users were opted in by default.', revision: 1 })
  await alice.push([revisionOf(original, original.id, { revision: 0, exists: false })])
  await alice.push([revisionOf(aliceEdit === undefined ? undefined : { ...original, ...aliceEdit, revision: 2 }, original.id, { revision: 1, exists: true })])
  const outcome = await bob.push([
    revisionOf(bobEdit === undefined ? undefined : { ...original, ...bobEdit, revision: 2 }, original.id, { revision: 1, exists: true })
  ])
  expect(outcome.outcomes[0]?.outcome).toBe('conflict')
  return { original, alice, bob }
}

async function openInbox(
  server: TeamServer,
  path = '/team/conflicts'
): Promise<{ view: VueWrapper; router: Router; team: ReturnType<typeof desktopTeamOver> }> {
  const team = desktopTeamOver(server, KEPT)
  givenDesktopTeam(team)
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({ history: createMemoryHistory(), routes: teamRoutes })
  await router.push(path)
  await router.isReady()
  wrapper = mount(RouterView, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await flushPromises()
  return { view: wrapper, router, team }
}

/** The radio named `choice` in the group (fieldset) whose legend is `field`. */
function choiceIn(view: VueWrapper, field: string, choice: string) {
  const group = view.findAll('fieldset').find((fieldset) => fieldset.get('legend').text() === field)
  if (group === undefined) throw new Error(`No group named "${field}"`)
  const label = group.findAll('label').find((candidate) => candidate.text() === choice)
  if (label === undefined) throw new Error(`No choice "${choice}" in "${field}"`)
  return label.get('input[type="radio"]')
}

function buttonNamed(view: VueWrapper, name: string) {
  const button = view.findAll('button').find((candidate) => candidate.text() === name)
  if (button === undefined) throw new Error(`No button named "${name}"`)
  return button
}

async function currentOnServer(server: TeamServer, recordId: string) {
  const page = await server.currentRecords({ limit: 100 })
  return page.records.find((record) => record.recordId === recordId)
}

describe('the conflicts inbox', () => {
  it('lists each open conflict with its record type, title, and who made each side', async () => {
    const team = createInMemoryTeam()
    await givenConflict(team, { title: 'Alipay opt-in (corrected)' }, { summary: 'Bob’s summary.' })
    const { view } = await openInbox(team.serverFor('bob'))

    const row = view.get('tbody tr')
    expect(row.text()).toContain('Incident')
    expect(row.get('a').text()).toBe('Alipay default opt-in')
    expect(row.text()).toContain('Edited by alice')
    expect(row.text()).toContain('Edited by bob')
  })

  it('says what to do when there are none', async () => {
    const { view } = await openInbox(createInMemoryTeam().serverFor('bob'))

    expect(view.text()).toContain('No open conflicts')
    expect(view.text()).toContain('appears here after a sync')
  })

  it('builds the record from the choices field by field and text written by hand, and closes the conflict for everyone', async () => {
    const team = createInMemoryTeam()
    const { original, alice } = await givenConflict(
      team,
      { title: 'Alice’s title', summary: 'Alice’s summary.' },
      { title: 'Bob’s title', summary: 'Bob’s summary.', status: 'confirmed' }
    )
    const [conflict] = await alice.conflicts({ includeResolved: false })
    const { view, router } = await openInbox(team.serverFor('bob'), `/team/conflicts/${conflict!.conflictId}`)

    expect(view.get('h1').text()).toBe('Bob’s title')
    expect(view.findAll('fieldset').map((fieldset) => fieldset.get('legend').text())).toEqual(['Title', 'Summary', 'Status'])
    const titleGroup = view.findAll('fieldset')[0]!
    expect(titleGroup.text()).toContain('Alipay default opt-in')
    expect(titleGroup.text()).toContain('Alice’s title')
    expect(titleGroup.text()).toContain('Bob’s title')

    await buttonNamed(view, 'Resolve').trigger('click')
    expect(view.get('[role="alert"]').text()).toBe('Choose a version for Title, Summary, Status, then resolve.')

    await choiceIn(view, 'Title', 'Keep theirs').setValue(true)
    await choiceIn(view, 'Status', 'Keep mine').setValue(true)
    await choiceIn(view, 'Summary', 'Write it myself').setValue(true)
    expect(view.findAll('textarea')).toHaveLength(1)
    expect(view.get('textarea').element.labels?.[0]?.textContent).toBe('Summary as I write it')
    await view.get('textarea').setValue('Both analysts’ summary.')
    await buttonNamed(view, 'Resolve').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/team/conflicts'))
    await flushPromises()

    const current = await currentOnServer(alice, original.id)
    expect(current?.snapshot).toMatchObject({ title: 'Alice’s title', summary: 'Both analysts’ summary.', status: 'confirmed' })
    expect(await alice.conflicts({ includeResolved: false })).toEqual([])
    expect(view.get('[role="status"]').text()).toBe('Resolved “Bob’s title”: the record is now the same for the whole team.')
  })

  it('says the record changed again when the server answers stale, and reads the conflict again', async () => {
    const team = createInMemoryTeam()
    await givenConflict(team, { title: 'Alice’s title' }, { title: 'Bob’s title' })
    const bob = team.serverFor('bob')
    const [conflict] = await bob.conflicts({ includeResolved: false })
    const { view, team: bridge } = await openInbox(bob, `/team/conflicts/${conflict!.conflictId}`)
    const newer = { ...conflict!.theirs.snapshot!, title: 'Alice’s second title', revision: 3 }
    bridge.resolveConflict.mockResolvedValueOnce({
      outcome: 'stale',
      current: { recordType: 'incident', recordId: conflict!.recordId, revision: 3, snapshot: newer }
    })

    await choiceIn(view, 'Title', 'Keep mine').setValue(true)
    await buttonNamed(view, 'Resolve').trigger('click')
    await vi.waitFor(() => expect(view.find('[role="alert"]').exists()).toBe(true))

    expect(view.get('[role="alert"]').text()).toBe(
      'The record changed again on the server since this conflict was read. The versions below are read again: check them and choose again.'
    )
    expect(view.findAll('fieldset')[0]!.text()).toContain('Alice’s second title')
    expect((choiceIn(view, 'Title', 'Keep mine').element as HTMLInputElement).checked).toBe(false)

    // The next resolution is based on the server's newer version, not on the one the conflict was opened with.
    bridge.resolveConflict.mockResolvedValueOnce({ outcome: 'resolved', seq: 9 })
    await choiceIn(view, 'Title', 'Keep mine').setValue(true)
    await buttonNamed(view, 'Resolve').trigger('click')
    await vi.waitFor(() => expect(bridge.resolveConflict).toHaveBeenCalledTimes(2))
    expect(bridge.resolveConflict).toHaveBeenLastCalledWith(
      expect.objectContaining({ revision: expect.objectContaining({ base: { revision: 3, exists: true } }) })
    )
  })

  it('says someone else resolved it when the server answers closed', async () => {
    const team = createInMemoryTeam()
    await givenConflict(team, { title: 'Alice’s title' }, { title: 'Bob’s title' })
    const bob = team.serverFor('bob')
    const [conflict] = await bob.conflicts({ includeResolved: false })
    const { view } = await openInbox(bob, `/team/conflicts/${conflict!.conflictId}`)
    await team.serverFor('alice').resolveConflict({ conflictId: conflict!.conflictId })

    await choiceIn(view, 'Title', 'Keep mine').setValue(true)
    await buttonNamed(view, 'Resolve').trigger('click')

    await vi.waitFor(() => expect(view.text()).toContain('Someone else resolved this conflict already; nothing was changed by you.'))
    expect(view.text()).toContain('This conflict is no longer open')
  })

  it('shows a record deleted by one analyst and edited by another as such, and can keep it deleted', async () => {
    const team = createInMemoryTeam()
    const { original, alice } = await givenConflict(team, { title: 'Alice’s title' }, undefined)
    const [conflict] = await alice.conflicts({ includeResolved: false })
    const { view, router } = await openInbox(team.serverFor('bob'), `/team/conflicts/${conflict!.conflictId}`)

    expect(view.text()).toContain('Deleted by bob, edited by alice')
    await buttonNamed(view, 'Keep it deleted').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/team/conflicts'))

    const current = await currentOnServer(alice, original.id)
    expect(current).toBeUndefined()
    expect(await alice.conflicts({ includeResolved: false })).toEqual([])
  })

  it('can keep the edited version of a record someone deleted', async () => {
    const team = createInMemoryTeam()
    const { original, alice } = await givenConflict(team, undefined, { title: 'Bob’s title' })
    const [conflict] = await alice.conflicts({ includeResolved: false })
    const { view, router } = await openInbox(team.serverFor('bob'), `/team/conflicts/${conflict!.conflictId}`)

    expect(view.text()).toContain('Deleted by alice, edited by bob')
    await buttonNamed(view, 'Keep the edited version').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/team/conflicts'))

    expect((await currentOnServer(alice, original.id))?.snapshot).toMatchObject({ title: 'Bob’s title' })
  })

  it('tells an analyst who is neither side that only those two or an administrator can resolve it', async () => {
    const team = createInMemoryTeam()
    await givenConflict(team, { title: 'Alice’s title' }, { title: 'Bob’s title' })
    const carol = team.serverFor('carol')
    const [conflict] = await carol.conflicts({ includeResolved: false })
    const { view } = await openInbox(carol, `/team/conflicts/${conflict!.conflictId}`)
    const { useTeamStore } = await import('@renderer/features/team')
    await useTeamStore().refreshStatus()
    await flushPromises()

    expect(view.text()).toContain('Only bob, alice or an administrator can resolve this conflict; you can read it here.')
  })
})
