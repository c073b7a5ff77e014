import { describe, expect, it } from 'vitest'
import { mount, RouterLinkStub } from '@vue/test-utils'
import type { IncidentResponse } from '@shared/domain/incidentResponse'
import { buildMatterChain } from '@shared/domain/responseLifecycle'
import MatterChain from '../../../../src/renderer/features/responses/MatterChain.vue'
import { aResponse } from '../../../builders/domain'

function mountChain(responses: IncidentResponse[]) {
  return mount(MatterChain, {
    props: { chain: buildMatterChain(responses), actorNames: new Map([['org-meity', 'MeitY']]) },
    global: { stubs: { RouterLink: RouterLinkStub } }
  })
}

const review = () => aResponse({ title: 'MeitY puts UC Browser under review', kind: 'review', actorId: 'org-meity', datedOn: '2017-08-21/2017-08-22' })
const threatenedBan = () =>
  aResponse({ title: 'UC Browser may be banned', kind: 'block-or-ban', stage: 'proposed', actorId: 'org-meity', datedOn: '2017-08-22' })
const block = () => aResponse({ title: 'MeitY blocks 59 apps', kind: 'block-or-ban', actorId: 'org-meity', datedOn: '2020-06-29' })

const stepTexts = (wrapper: ReturnType<typeof mountChain>) => wrapper.findAll('[aria-label="Steps taken"] li').map((item) => item.text())
const proposedTexts = (wrapper: ReturnType<typeof mountChain>) => wrapper.findAll('[aria-labelledby="proposed-measures-heading"] li').map((item) => item.text())

describe('MatterChain', () => {
  it('states where the matter stands and which step put it there', () => {
    const wrapper = mountChain([block(), review()])

    expect(wrapper.find('.matter-state').text()).toBe('State of the matter: concluded — block or ban, 29 June 2020')
  })

  it('lists the steps taken in order, labelling those that moved the matter', () => {
    const wrapper = mountChain([block(), review()])

    const steps = stepTexts(wrapper)
    expect(steps[0]).toMatch(/^Opens the matter: 21 August 2017–22 August 2017 · Review · MeitY: MeitY puts UC Browser under review/)
    expect(steps[1]).toMatch(/^Concludes the matter: 29 June 2020 · Block or ban/)
  })

  it('marks the step that set the state as the current step', () => {
    const wrapper = mountChain([block(), review()])

    expect(wrapper.find('[aria-current="step"]').text()).toContain('MeitY blocks 59 apps')
  })

  it('keeps a threatened measure out of the steps and lists it under proposed measures', () => {
    const wrapper = mountChain([review(), threatenedBan(), block()])

    expect(stepTexts(wrapper).some((text) => text.includes('may be banned'))).toBe(false)
    expect(proposedTexts(wrapper)).toEqual([expect.stringContaining('22 August 2017 · Block or ban · MeitY: UC Browser may be banned')])
  })

  it('shows no proposed list when nothing was only proposed', () => {
    const wrapper = mountChain([review()])

    expect(wrapper.find('#proposed-measures-heading').exists()).toBe(false)
  })

  it('says nothing has been taken yet when a measure was only threatened', () => {
    const wrapper = mountChain([threatenedBan()])

    expect(wrapper.find('.matter-state').text()).toBe('State of the matter: no step taken yet')
    expect(wrapper.text()).toContain('No measure has been taken yet; only the proposals below.')
  })

  it('says what to do when there are no responses', () => {
    const wrapper = mountChain([])

    expect(wrapper.find('.matter-state').exists()).toBe(false)
    expect(wrapper.text()).toBe('No responses recorded yet. Record the first one to start following the matter.')
  })

  it("falls back to the actor's id when its name is not loaded", () => {
    const wrapper = mountChain([aResponse({ kind: 'fine', actorId: 'org-unknown', datedOn: '2019' })])

    expect(stepTexts(wrapper)[0]).toContain('org-unknown')
  })
})
