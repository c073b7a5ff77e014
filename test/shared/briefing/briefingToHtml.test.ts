import { describe, expect, it } from 'vitest'
import { composeBriefingDocument } from '../../../src/shared/briefing/briefingDocument'
import { BRIEFING_HTML_CSP, briefingToHtml } from '../../../src/shared/briefing/briefingToHtml'
import { XSS_CORPUS, documentWithHostileLinks, hostileBriefing, hostileSet } from './hostileBriefing'
import { BRIEFING_HTML_ELEMENTS, parseHtml, withoutBriefingTags } from './renderedOutput'
import { alipayBriefing, alipaySet } from './sampleBriefing'
import { ENGLISH_WORDS } from '../../builders/languageWords'

const TIMELINE_SVG = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120" viewBox="0 0 400 120"><title>Timeline &lt;of&gt; events</title>
<defs><marker id="arrow" markerWidth="6" markerHeight="6"><path d="M0,0 L6,3 L0,6 z" fill="#333"/></marker></defs>
<rect width="400" height="120" fill="#ffffff"/><svg x="16" y="72" width="368" height="40"><g><line x1="0" y1="10" x2="300" y2="10" stroke="#333" marker-end="url(#arrow)"/>
<text x="4" y="30" font-size="12">3 January 2018 — Alipay</text></g></svg></svg>`

function linkTargets(html: string): string[] {
  return parseHtml(html).elements.flatMap((element) => (element.attributes.href === undefined ? [] : [element.attributes.href]))
}

describe('briefingToHtml on the Alipay briefing', () => {
  const html = briefingToHtml(composeBriefingDocument(alipayBriefing(), alipaySet(), ENGLISH_WORDS))
  const parsed = parseHtml(html)

  it('is a standalone page whose policy lets nothing run or load', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    const csp = parsed.elements.find((element) => element.attributes['http-equiv'] === 'Content-Security-Policy')
    expect(csp?.attributes.content).toBe(BRIEFING_HTML_CSP)
    expect(BRIEFING_HTML_CSP).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; img-src data:/)
    expect(parsed.elements.some((element) => element.name === 'script' || element.name === 'link')).toBe(false)
  })

  it('carries its own styles, with a print stylesheet', () => {
    expect(parsed.elements.filter((element) => element.name === 'style')).toHaveLength(1)
    expect(html).toMatch(/@media print \{[^]*@page \{ size: A4/)
  })

  it('shows the title block, the numbered summary paragraph and the chronology', () => {
    expect(parsed.text).toContain('As of 29 November 2026')
    expect(parsed.text).toContain('For the Minister — OFFICIAL')
    expect(html).toContain(
      '<div class="numbered"><span class="paragraph-number">1.</span><p><strong>Alipay annual-bill consent default enrolled users in Sesame Credit</strong>'
    )
    expect(html).toMatch(/<tr><td>6 January 2018<\/td><td><strong>Summons — <\/strong>Cyberspace Administration of China summons Alipay and Sesame Credit<sup/)
  })

  it('links each note reference to its note, separates adjacent references, and lists the notes', () => {
    expect(html).toContain(
      'reported.<sup class="footnote-ref"><a href="#fn-1" aria-label="Note 1">1</a></sup><sup>,</sup><sup class="footnote-ref"><a href="#fn-2" aria-label="Note 2">2</a></sup>'
    )
    const notes = parsed.elements.filter((element) => element.name === 'li' && element.attributes.id?.startsWith('fn-'))
    expect(notes.map((note) => note.attributes.id)).toEqual(['fn-1', 'fn-2', 'fn-3', 'fn-4', 'fn-5'])
  })

  it('links https sources and shows http addresses as text only', () => {
    const targets = linkTargets(html)
    expect(targets).toContain('https://www.mobileworldlive.com/money/news-money/alipay-under-fire-for-breaking-customer-data-rules/')
    expect(targets.filter((target) => target.startsWith('http:'))).toEqual([])
    expect(parsed.text).toContain('http://www.xinhuanet.com/english/2018-01/04/c_136872331.htm')
  })

  it('embeds the timeline picture as sanitised inline SVG at the head of the chronology', () => {
    const withPicture = briefingToHtml(composeBriefingDocument(alipayBriefing(), alipaySet(), ENGLISH_WORDS), { timelineSvg: TIMELINE_SVG })
    expect(withPicture).toContain('<figure class="timeline"><svg xmlns="http://www.w3.org/2000/svg" width="400"')
    expect(withPicture).toContain('<title>Timeline &lt;of&gt; events</title>')
    expect(withPicture).toContain('marker-end="url(#arrow)"')
    expect(withPicture).not.toContain('<?xml')
    expect(withPicture.indexOf('<figure')).toBeGreaterThan(withPicture.indexOf('>Chronology</h2>'))
  })

  it('puts the picture under the title block when the briefing has no chronology', () => {
    const page = briefingToHtml(composeBriefingDocument(alipayBriefing({ sections: ['summary'] }), alipaySet(), ENGLISH_WORDS), { timelineSvg: TIMELINE_SVG })
    expect(page.indexOf('<figure class="timeline">')).toBeGreaterThan(page.indexOf('As of 29 November 2026'))
    expect(page.indexOf('<figure class="timeline">')).toBeLessThan(page.indexOf('>Summary</h2>'))
  })

  it('leaves out a picture that is not one of ours, and says why', () => {
    const withPicture = briefingToHtml(composeBriefingDocument(alipayBriefing(), alipaySet(), ENGLISH_WORDS), {
      timelineSvg: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    })
    expect(withPicture).not.toMatch(/<svg|<script/i)
    expect(parseHtml(withPicture).text).toContain('The timeline picture was left out: the picture contains a <script> element.')
  })
})

describe('briefingToHtml with hostile text in every field', () => {
  const html = briefingToHtml(composeBriefingDocument(hostileBriefing(), hostileSet(), ENGLISH_WORDS))
  const parsed = parseHtml(html)

  it('writes only the page’s own elements, with no event handlers', () => {
    const names = new Set(parsed.elements.map((element) => element.name))
    expect([...names].filter((name) => !BRIEFING_HTML_ELEMENTS.has(name))).toEqual([])
    expect(parsed.elements.flatMap((element) => Object.keys(element.attributes)).filter((name) => /^on/i.test(name))).toEqual([])
  })

  it('contains no script and no javascript: anywhere', () => {
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/javascript:/i)
  })

  it('leaves no "<" from user text unescaped', () => {
    expect(withoutBriefingTags(html)).not.toContain('<')
  })

  it('links only to https:, mailto: and its own notes', () => {
    for (const target of linkTargets(html)) expect(target).toMatch(/^(https:|mailto:|#fn-\d+$)/)
    expect(linkTargets(html)).toContain('https://example.org/report?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E')
  })

  it('shows every corpus text to the reader as written', () => {
    const text = parsed.text.replace(/\s+/g, ' ')
    for (const entry of XSS_CORPUS) expect(text).toContain(entry.replace(/\s+/g, ' '))
  })

  it('makes no link of javascript:, data:, vbscript:, file:, http: or credentialled addresses', () => {
    const links = briefingToHtml(documentWithHostileLinks())
    expect(linkTargets(links)).toEqual(['https://ok.example/path', 'mailto:desk@example.org'])
    expect(links).not.toMatch(/javascript:|<script/i)
    expect(parseHtml(links).text).toContain('javascript:alert(1)')
  })
})
