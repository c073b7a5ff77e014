import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { BriefingDocument } from '@shared/briefing/briefingDocument'
import BriefingDocumentView from '../../../../src/renderer/features/briefings/BriefingDocumentView.vue'

const doc: BriefingDocument = {
  title: 'Alipay <script>alert(1)</script>',
  subtitle: 'OFFICIAL',
  asOf: '2026-11-29',
  asOfText: 'As of 29 November 2026',
  preamble: [],
  sections: [
    {
      section: 'summary',
      title: 'Summary',
      blocks: [
        { kind: 'timeline-image' },
        { kind: 'heading', level: 3, text: 'Background' },
        { kind: 'numbered-paragraph', number: 1, content: [{ kind: 'text', text: 'Alipay', strong: true }, { kind: 'footnote-ref', number: 1 }, { kind: 'footnote-ref', number: 2 }] },
        { kind: 'paragraph', content: [{ kind: 'link', text: 'Report', url: 'javascript:alert(1)' }] }
      ]
    }
  ],
  footnotes: [
    { number: 1, content: [{ kind: 'text', text: 'Xinhua' }] },
    { number: 2, content: [{ kind: 'text', text: 'China Plus' }] }
  ]
}

describe('BriefingDocumentView', () => {
  it('prints the briefing as text: headings, numbered paragraphs, separated note numbers and the notes', () => {
    const view = mount(BriefingDocumentView, { props: { doc } })

    expect(view.get('h1').text()).toBe('Alipay <script>alert(1)</script>')
    expect(view.find('script').exists()).toBe(false)
    expect(view.get('h3').text()).toBe('Background')
    expect(view.get('.briefing-numbered').text()).toBe('1. Alipay1,2')
    expect(view.findAll('.briefing-document-notes li').map((note) => note.text())).toEqual(['Xinhua', 'China Plus'])
  })

  it('never makes a link: an address is printed beside its text', () => {
    const view = mount(BriefingDocumentView, { props: { doc } })

    expect(view.find('a').exists()).toBe(false)
    expect(view.text()).toContain('Report (javascript:alert(1))')
  })
})
