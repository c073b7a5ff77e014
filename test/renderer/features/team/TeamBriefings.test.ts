import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { TeamBriefingShare, TeamSharedBriefings, useTeamStore } from '@renderer/features/team'
import { briefingSchema } from '@shared/briefing/briefing'
import { createInMemoryTeam } from '../../../support/inMemoryTeamServer'
import { desktopTeamOver, givenDesktopTeam, KEPT } from './desktopTeamDouble'

let wrapper: VueWrapper | undefined

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  givenDesktopTeam(undefined)
})

const briefing = briefingSchema.parse({
  id: 'briefing-1',
  title: 'Ride-hailing retention',
  asOf: '2026-12-01',
  sections: ['summary', 'chronology'],
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
  revision: 1
})

async function mountAs(component: object, props: object, team: ReturnType<typeof desktopTeamOver> | undefined): Promise<VueWrapper> {
  givenDesktopTeam(team)
  const pinia = createPinia()
  setActivePinia(pinia)
  await useTeamStore().load()
  wrapper = mount(component, { props, global: { plugins: [pinia] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('sharing briefings with the team', () => {
  it('offers "Share with the team" only while connected', async () => {
    const team = createInMemoryTeam()
    expect((await mountAs(TeamBriefingShare, { briefing }, undefined)).find('input[type="checkbox"]').exists()).toBe(false)
    wrapper!.unmount()
    expect((await mountAs(TeamBriefingShare, { briefing }, desktopTeamOver(team.serverFor('bob'), null))).find('input[type="checkbox"]').exists()).toBe(false)
  })

  it('shares a briefing, which another analyst then sees marked with who shared it', async () => {
    const team = createInMemoryTeam()
    const view = await mountAs(TeamBriefingShare, { briefing }, desktopTeamOver(team.serverFor('bob'), KEPT))
    const checkbox = view.get('input[type="checkbox"]')
    expect(view.get('label').text()).toBe('Share with the team')
    expect((checkbox.element as HTMLInputElement).checked).toBe(false)

    await checkbox.setValue(true)
    await vi.waitFor(() => expect(view.get('[role="status"]').text()).toBe('Shared with the team: every member can read it.'))
    expect(await team.serverFor('alice').briefings()).toEqual([
      expect.objectContaining({ owner: 'bob', shared: true, briefing: expect.objectContaining({ title: 'Ride-hailing retention' }) })
    ])
    wrapper!.unmount()

    const aliceView = await mountAs(TeamSharedBriefings, {}, desktopTeamOver(team.serverFor('alice'), { ...KEPT, user: 'alice' }))
    await vi.waitFor(() => expect(aliceView.get('li').text()).toMatch(/^Ride-hailing retention\s*· Shared by bob ·/))

    const copy = aliceView.get('li button')
    expect(copy.text()).toBe('Open a copy')
    expect(copy.attributes('aria-label')).toBe('Open a copy of Ride-hailing retention')
    await copy.trigger('click')
    expect(aliceView.emitted('copy')).toEqual([[expect.objectContaining({ id: 'briefing-1', title: 'Ride-hailing retention' })]])
  })

  it('unsharing keeps it private to its owner on the server', async () => {
    const team = createInMemoryTeam()
    const view = await mountAs(TeamBriefingShare, { briefing }, desktopTeamOver(team.serverFor('bob'), KEPT))
    await view.get('input[type="checkbox"]').setValue(true)
    await vi.waitFor(() => expect(view.find('[role="status"]').exists()).toBe(true))

    await view.get('input[type="checkbox"]').setValue(false)
    await vi.waitFor(() => expect(view.get('[role="status"]').text()).toBe('No longer shared: only you can read it on the server.'))

    expect(await team.serverFor('alice').briefings()).toEqual([])
  })
})
