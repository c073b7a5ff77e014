import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { setLocale } from '@renderer/i18n'
import { teamRoutes, TeamSyncIndicator } from '@renderer/features/team'
import { TeamError, type PullPage, type TeamServer } from '@shared/team/teamProtocol'
import { createInMemoryTeam } from '../../../support/inMemoryTeamServer'
import { desktopTeamOver, givenDesktopTeam, KEPT } from './desktopTeamDouble'

let wrapper: VueWrapper | undefined

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  setLocale('en')
  wrapper?.unmount()
  wrapper = undefined
  givenDesktopTeam(undefined)
})

async function openTeamPage(path = '/team'): Promise<VueWrapper> {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({ history: createMemoryHistory(), routes: teamRoutes })
  await router.push(path)
  await router.isReady()
  wrapper = mount(
    { components: { RouterView, TeamSyncIndicator }, template: '<header><TeamSyncIndicator /></header><RouterView />' },
    { global: { plugins: [pinia, router] }, attachTo: document.body }
  )
  await flushPromises()
  return wrapper
}

function buttonNamed(view: VueWrapper, name: string) {
  const button = view.findAll('button').find((candidate) => (candidate.attributes('aria-label') ?? candidate.text()) === name)
  if (button === undefined) throw new Error(`No button named "${name}"`)
  return button
}

const field = (view: VueWrapper, label: string) => {
  const labelElement = view.findAll('label').find((candidate) => candidate.text().replace(/\s*\*$/, '') === label)
  if (labelElement === undefined) throw new Error(`No field labelled "${label}"`)
  return view.get(`#${labelElement.attributes('for')}`)
}

describe('the Team page in web mode', () => {
  it('says team sync needs the desktop app and where to get it, and offers no form', async () => {
    givenDesktopTeam(undefined)
    const view = await openTeamPage()

    expect(view.text()).toContain('Team sync needs the desktop app')
    expect(view.text()).toContain('“Working as a team” in the README')
    expect(view.find('form').exists()).toBe(false)
    expect(view.find('input[type="password"]').exists()).toBe(false)
    expect(view.find('.team-sync-indicator').exists()).toBe(false)
  })
})

describe('the Team page in the desktop app', () => {
  it('connects with the details typed, never keeps the password on the page, and shows who is connected', async () => {
    const team = desktopTeamOver(createInMemoryTeam().serverFor('bob', 'editor'))
    givenDesktopTeam(team)
    const view = await openTeamPage()
    expect((field(view, 'Password').element as HTMLInputElement).value).toBe('')

    await field(view, 'Server').setValue('db.ministry.internal')
    await field(view, 'User name').setValue('bob')
    await field(view, 'Password').setValue('s3cret')
    await view.get('form').trigger('submit')
    await flushPromises()

    expect(team.connect).toHaveBeenCalledWith({ host: 'db.ministry.internal', port: 5432, database: 'precedent', user: 'bob', password: 's3cret' })
    await vi.waitFor(() => expect(view.text()).toContain('Connected as'))
    expect(view.text()).toMatch(/bob, editor\s*— precedent on db\.ministry\.internal:5432/)
    expect(view.text()).toContain('Reachable')
    await vi.waitFor(() => expect(view.get('[role="status"]').text()).toMatch(/^Synced: \d+ sent, 0 received\.$/))
    expect(view.find('input[type="password"]').exists()).toBe(false)
    expect(view.get('.team-sync-indicator').text()).toMatch(/^Team: /)
    expect(view.get('.team-sync-indicator').attributes('href')).toContain('/team')
  })

  it('names what is missing before asking the server', async () => {
    const team = desktopTeamOver(createInMemoryTeam().serverFor('bob'))
    givenDesktopTeam(team)
    const view = await openTeamPage()

    await view.get('form').trigger('submit')

    expect(view.get('[role="alert"]').text()).toBe('Enter your user name on the server.')
    expect(team.connect).not.toHaveBeenCalled()
  })

  it('shows a refused connection as one line saying what to do, and stays on the form', async () => {
    const team = desktopTeamOver(createInMemoryTeam().serverFor('bob'))
    team.connect.mockRejectedValueOnce(new TeamError('bad-credentials', 'password authentication failed for user "bob"\n    at Connection.parseE'))
    givenDesktopTeam(team)
    const view = await openTeamPage()

    await field(view, 'User name').setValue('bob')
    await field(view, 'Password').setValue('wrong')
    await view.get('form').trigger('submit')
    await flushPromises()

    const alert = view.get('[role="alert"]').text()
    expect(alert).toBe('Password authentication failed for user "bob". Check the user name and password, then connect again.')
    expect(alert).not.toContain('\n')
    expect((field(view, 'Password').element as HTMLInputElement).value).toBe('')
  })

  it('shows an unreachable server as offline, in the header too', async () => {
    const server = createInMemoryTeam().serverFor('bob')
    const team = desktopTeamOver(server, KEPT)
    team.status = async () => {
      throw new TeamError('unreachable', 'cannot connect to localhost:5432')
    }
    givenDesktopTeam(team)
    const view = await openTeamPage()
    const { useTeamStore } = await import('@renderer/features/team')
    await useTeamStore().load()
    await flushPromises()

    expect(view.text()).toContain('Not reachable: working offline')
    expect(view.get('[role="alert"]').text()).toBe(
      'Cannot connect to localhost:5432. Your changes stay on this device and sync when the server can be reached again.'
    )
    expect(view.get('.team-sync-indicator').text()).toMatch(/^Team: offline/)
  })

  it('shows the progress of a sync and can cancel it; nothing is lost', async () => {
    const server = createInMemoryTeam().serverFor('bob')
    let releasePull: () => void = () => {}
    const slowServer: TeamServer = Object.assign(Object.create(server) as TeamServer, {
      pull: async (request: Parameters<TeamServer['pull']>[0]): Promise<PullPage> => {
        await new Promise<void>((resolve) => (releasePull = resolve))
        return server.pull(request)
      }
    })
    givenDesktopTeam(desktopTeamOver(slowServer, KEPT))
    const view = await openTeamPage()
    const { useTeamStore } = await import('@renderer/features/team')
    const store = useTeamStore()
    await store.load()
    await flushPromises()

    const sync = store.syncNow()
    await vi.waitFor(() => expect(view.find('.team-progress').exists()).toBe(true))
    expect(view.get('.team-progress [role="status"]').text()).toMatch(/^(Syncing…|Sending your changes|Receiving the team’s changes)/)
    expect(buttonNamed(view, 'Sync now').attributes('disabled')).toBeDefined()
    await buttonNamed(view, 'Cancel sync').trigger('click')
    releasePull()
    await sync
    await flushPromises()

    expect(view.find('.team-progress').exists()).toBe(false)
    expect(view.get('[role="status"]').text()).toMatch(/^Sync cancelled/)
    expect(buttonNamed(view, 'Sync now').attributes('disabled')).toBeUndefined()
  })

  it('disconnects: the form comes back, empty of any password', async () => {
    const team = desktopTeamOver(createInMemoryTeam().serverFor('bob'), KEPT)
    givenDesktopTeam(team)
    const view = await openTeamPage()
    const { useTeamStore } = await import('@renderer/features/team')
    await useTeamStore().load()
    await flushPromises()

    await buttonNamed(view, 'Disconnect').trigger('click')
    await flushPromises()

    expect(team.disconnect).toHaveBeenCalled()
    expect(view.find('form').exists()).toBe(true)
    expect((field(view, 'Password').element as HTMLInputElement).value).toBe('')
    expect(view.get('[role="status"]').text()).toMatch(/^Disconnected\./)
  })
})

describe('the Team page in Chinese', () => {
  it('says in Chinese that team sync needs the desktop app', async () => {
    setLocale('zh-CN')
    givenDesktopTeam(undefined)
    const view = await openTeamPage()

    expect(view.get('h1').text()).toBe('团队')
    expect(view.get('h2').text()).toBe('团队同步需要桌面应用')
  })

  it('connects from a form labelled in Chinese and reports the sync in Chinese', async () => {
    setLocale('zh-CN')
    const team = desktopTeamOver(createInMemoryTeam().serverFor('bob', 'editor'))
    givenDesktopTeam(team)
    const view = await openTeamPage()

    await field(view, '服务器').setValue('db.ministry.internal')
    await field(view, '用户名').setValue('bob')
    await field(view, '密码').setValue('s3cret')
    expect(view.get('button[type="submit"]').text()).toBe('连接')
    await view.get('form').trigger('submit')
    await flushPromises()

    await vi.waitFor(() => expect(view.text()).toContain('连接身份'))
    expect(view.text()).toContain('bob（编辑者）——db.ministry.internal:5432 上的 precedent')
    await vi.waitFor(() => expect(view.get('[role="status"]').text()).toMatch(/^同步完成：已发送 \d+ 项，已接收 0 项。$/))
    expect(view.get('.team-sync-indicator').text()).toMatch(/^团队：/)
  })
})
