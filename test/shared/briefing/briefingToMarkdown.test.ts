import { describe, expect, it } from 'vitest'
import { composeBriefingDocument } from '../../../src/shared/briefing/briefingDocument'
import { briefingToMarkdown, escapeMarkdownText } from '../../../src/shared/briefing/briefingToMarkdown'
import { XSS_CORPUS, documentWithHostileLinks, hostileBriefing, hostileSet } from './hostileBriefing'
import { parseHtml, renderMarkdownPermissively } from './renderedOutput'
import { alipayBriefing, alipaySet } from './sampleBriefing'
import { ENGLISH_WORDS } from '../../builders/languageWords'

function hrefsOf(markdown: string): string[] {
  return parseHtml(renderMarkdownPermissively(markdown)).elements.flatMap((element) => (element.attributes.href === undefined ? [] : [element.attributes.href]))
}

describe('briefingToMarkdown on the Alipay briefing', () => {
  const markdown = briefingToMarkdown(composeBriefingDocument(alipayBriefing(), alipaySet(), ENGLISH_WORDS))

  it('starts with the title, the subtitle and the "as of" line', () => {
    expect(markdown.split('\n\n').slice(0, 3)).toEqual([
      '# Alipay and Sesame Credit: consent by default',
      '*For the Minister — OFFICIAL*',
      '**As of 29 November 2026**'
    ])
  })

  it('writes the summary as a numbered paragraph under the author’s heading, with note references', () => {
    expect(markdown).toContain(
      '## Summary\n\n### What happened\n\n1. **Alipay annual-bill consent default enrolled users in Sesame Credit** (3 January 2018). On 3 January 2018'
    )
    expect(markdown).toMatch(/No fine was reported\.\[\^1\]\[\^2\]\[\^3\]\[\^4\]\[\^5\]\n/)
  })

  it('writes the chronology as a table in date order', () => {
    expect(markdown).toContain('| Date | Event |\n| --- | --- |\n| 7 November 2016 | **Law adopted —** Cybersecurity Law[^1][^3][^4][^5] |')
    expect(markdown).toContain(
      '| 10 January 2018 | **Rectification order —** Cyberspace Administration of China orders investigation and special rectification[^3][^4][^5] |'
    )
  })

  it('defines each note once, at the end', () => {
    const definitions = markdown.match(/^\[\^\d+\]: /gm) ?? []
    expect(definitions).toEqual(['[^1]: ', '[^2]: ', '[^3]: ', '[^4]: ', '[^5]: '])
    expect(markdown).toContain(
      '[^1]: Xinhua, *“China Focus: Ant Financial apologizes for online credit trickery”*, 4 January 2018. `http://www.xinhuanet.com/english/2018-01/04/c_136872331.htm`'
    )
  })

  it('links https addresses and leaves http ones as code that no viewer links', () => {
    const hrefs = hrefsOf(markdown)
    expect(hrefs).toContain('https://privacyinternational.org/examples/1956/chinese-regulator-rebukes-ant-financial-automatic-credit-scoring-enrollment')
    expect(hrefs.filter((href) => !href.startsWith('https:'))).toEqual([])
  })
})

describe('escapeMarkdownText', () => {
  it('writes HTML as character references and escapes Markdown punctuation', () => {
    expect(escapeMarkdownText('<b>a_b*c</b> [x](y) `z` | ~ #')).toBe('&lt;b&gt;a\\_b\\*c&lt;/b&gt; \\[x\\](y) \\`z\\` \\| \\~ \\#')
  })

  it('breaks up addresses and script schemes so nothing becomes a link', () => {
    expect(escapeMarkdownText('see http://a.example and www.b.example or javascript:alert(1)')).toBe(
      'see http&#58;&#47;&#47;a.example and www&#46;b.example or javascript&#58;alert(1)'
    )
  })
})

describe('briefingToMarkdown with hostile text in every field', () => {
  const markdown = briefingToMarkdown(composeBriefingDocument(hostileBriefing(), hostileSet(), ENGLISH_WORDS))
  const rendered = renderMarkdownPermissively(markdown)

  it('has no "<" at all outside the link destinations it writes itself', () => {
    expect(markdown.replace(/\]\(<https:[^<>\s]*>\)/g, '](…)')).not.toContain('<')
  })

  it('contains no script and no javascript:, and makes no element of user text even rendered with raw HTML allowed', () => {
    expect(markdown).not.toMatch(/<script|javascript:/i)
    const elements = parseHtml(rendered).elements
    expect(elements.filter((element) => ['script', 'img', 'iframe', 'svg', 'style', 'b'].includes(element.name))).toEqual([])
    expect(elements.flatMap((element) => Object.keys(element.attributes)).filter((name) => /^on/i.test(name))).toEqual([])
  })

  it('gets no structure from user text: headings and lists are only the briefing’s own', () => {
    const renderedElements = parseHtml(rendered).elements
    const headings = renderedElements.filter((element) => /^h[1-6]$/.test(element.name))
    const ownHeadings = markdown.match(/^#{1,4} /gm) ?? []
    expect(headings).toHaveLength(ownHeadings.length)
    expect(markdown).not.toMatch(/^\[\^1\]: a forged footnote/m)
  })

  it('links only https: and mailto: addresses', () => {
    for (const href of hrefsOf(markdown)) expect(href).toMatch(/^(https:|mailto:)/)
    const links = briefingToMarkdown(documentWithHostileLinks())
    expect(hrefsOf(links)).toEqual(['https://ok.example/path', 'mailto:desk@example.org'])
    expect(links).not.toMatch(/javascript:|<script/i)
  })

  it('shows every corpus text to the reader as written', () => {
    const text = parseHtml(rendered).text.replace(/\s+/g, ' ')
    for (const entry of XSS_CORPUS) expect(text).toContain(entry.replace(/\s+/g, ' '))
  })
})
