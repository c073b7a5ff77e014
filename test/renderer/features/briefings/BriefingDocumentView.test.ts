import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { briefingFurniture, type BriefingDocument } from '@shared/briefing/briefingDocument'
import { languageWords } from '@renderer/i18n'
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
        {
          kind: 'numbered-paragraph',
          number: 1,
          content: [
            { kind: 'text', text: 'Alipay', strong: true },
            { kind: 'footnote-ref', number: 1 },
            { kind: 'footnote-ref', number: 2 }
          ]
        },
        { kind: 'paragraph', content: [{ kind: 'link', text: 'Report', url: 'javascript:alert(1)' }] }
      ]
    }
  ],
  footnotes: [
    { number: 1, label: 'Note 1', content: [{ kind: 'text', text: 'Xinhua' }] },
    { number: 2, label: 'Note 2', content: [{ kind: 'text', text: 'China Plus' }] }
  ],
  furniture: briefingFurniture(languageWords('en'))
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

  it('is in the briefing’s language, whatever the interface shows: its lang, the notes’ heading and the picture’s text alternative', () => {
    const chinese = mount(BriefingDocumentView, {
      props: { doc: { ...doc, furniture: briefingFurniture(languageWords('zh-CN')) }, timelinePictureUrl: 'blob:picture' }
    })

    expect(chinese.get('article').attributes('lang')).toBe('zh-CN')
    expect(chinese.get('.briefing-document-notes h2').text()).toBe('注释')
    expect(chinese.get('img').attributes('alt')).toBe('本简报所涉事件的时间线')
    expect(mount(BriefingDocumentView, { props: { doc } }).get('.briefing-document-notes h2').text()).toBe('Notes')
  })

  it('never makes a link: an address is printed beside its text', () => {
    const view = mount(BriefingDocumentView, { props: { doc } })

    expect(view.find('a').exists()).toBe(false)
    expect(view.text()).toContain('Report (javascript:alert(1))')
  })
})
