import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { defineComponent, h } from 'vue'
import { getDatabase } from '@renderer/db'
import { setLocale } from '@renderer/i18n'
import { incidentRoutes } from '@renderer/features/incidents'
import { aJurisdiction, aLaw, anIncident } from '../../../builders/domain'
import { givenStored } from '../../db/testDatabase'

const Elsewhere = defineComponent({ render: () => h('p') })
let wrapper: VueWrapper | undefined

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  setLocale('en')
})

async function openIncident(id: string): Promise<VueWrapper> {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({ history: createMemoryHistory(), routes: [...incidentRoutes, { path: '/:rest(.*)*', name: 'elsewhere', component: Elsewhere }] })
  // Every other named route the page links to, as a stand-in.
  for (const name of [
    'jurisdiction',
    'organisation',
    'law',
    'response',
    'response-new',
    'relationship-graph',
    'timeline',
    'compare',
    'briefing',
    'source',
    'incidents',
    'responses'
  ]) {
    if (!router.hasRoute(name)) router.addRoute({ path: `/elsewhere/${name}/:type?/:id?`, name, component: Elsewhere })
  }
  await router.push(`/incidents/${id}`)
  await router.isReady()
  wrapper = mount(RouterView, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await vi.waitFor(() => expect(wrapper!.find('#responses-heading').exists()).toBe(true), { timeout: 10_000 })
  await flushPromises()
  return wrapper
}

// The whole record page is drawn (frame, history, links): slow on a busy machine.
describe('the incident page in Simplified Chinese', { timeout: 20_000 }, () => {
  it('shows its headings, labels, button and dates in Chinese', async () => {
    const law = aLaw({
      shortName: 'Cybersecurity Law',
      adoptedOn: '2016-11-07',
      inForceOn: '2017-06-01',
      provisions: [{ unit: 'article', number: '41', summary: 'Consent' }]
    })
    const china = aJurisdiction({ id: 'CN', code: 'CN', name: 'China', nameZh: '中国' })
    const incident = anIncident({
      title: 'Alipay annual statement',
      occurredOn: '2018-01-03',
      status: 'confirmed',
      jurisdictionIds: ['CN'],
      implicatedProvisions: [{ lawId: law.id, provisionNumber: '41' }]
    })
    await givenStored(getDatabase(), { type: 'jurisdiction', record: china }, { type: 'law', record: law }, { type: 'incident', record: incident })
    setLocale('zh-CN')

    const page = await openIncident(incident.id)

    const terms = page.findAll('dt').map((term) => term.text())
    expect(terms).toEqual(expect.arrayContaining(['状态', '发生日期', '法域', '类别', '受影响用户数']))
    expect(page.text()).toContain('2018年1月3日')
    expect(page.text()).toContain('已证实')
    expect(page.get('#provisions-heading').text()).toBe('涉及的条款')
    expect(page.text()).toContain('已按事件发生日期核查：2018年1月3日。')
    expect(page.findAll('a').map((link) => link.text())).toContain('《Cybersecurity Law》第41条')
    expect(page.get('.in-force-check').text()).toBe('2018年1月3日时有效')
    // A jurisdiction is named by its recorded Chinese name.
    await vi.waitFor(() => expect(page.findAll('a').map((link) => link.text())).toContain('中国'))
    expect(page.get('#responses-heading').text()).toBe('应对')
    expect(page.findAll('a').map((link) => link.text())).toContain('记录应对')
    // The record's own words stay as the analyst wrote them.
    expect(page.text()).toContain('Alipay annual statement')
  })

  it('follows a switch back to English', async () => {
    const incident = anIncident({ occurredOn: '2018-01-03' })
    await givenStored(getDatabase(), { type: 'incident', record: incident })
    setLocale('zh-CN')
    const page = await openIncident(incident.id)
    expect(page.get('#responses-heading').text()).toBe('应对')

    setLocale('en')
    await flushPromises()

    expect(page.get('#responses-heading').text()).toBe('Responses')
    expect(page.text()).toContain('3 January 2018')
  })
})
