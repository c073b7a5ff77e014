import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { setLocale } from '@renderer/i18n'
import { teamRoutes, TeamSyncIndicator } from '@renderer/features/team'
import { createInMemoryTeam } from '../../../support/inMemoryTeamServer'
import { desktopTeamOver, givenDesktopTeam } from './desktopTeamDouble'

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
  wrapper = mount({ components: { RouterView, TeamSyncIndicator }, template: '<header><TeamSyncIndicator /></header><RouterView />' }, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const field = (view: VueWrapper, label: string) => {
  const labelElement = view.findAll('label').find((candidate) => candidate.text().replace(/\s*\*$/, '') === label)
  if (labelElement === undefined) throw new Error(`No field labelled "${label}"`)
  return view.get(`#${labelElement.attributes('for')}`)
}

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
