import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { composeBriefingDocument } from '../../../src/shared/briefing/briefingDocument'
import { briefingToDocx } from '../../../src/shared/briefing/briefingToDocx'
import { XSS_CORPUS, documentWithHostileLinks, hostileBriefing, hostileSet } from './hostileBriefing'
import { parseHtml } from './renderedOutput'
import { alipayBriefing, alipaySet } from './sampleBriefing'
import { ENGLISH_WORDS } from '../../builders/languageWords'

/** A 1×1 PNG. */
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='), (c) => c.charCodeAt(0))

type Parts = Record<string, string>

async function docxParts(bytes: Promise<Uint8Array>): Promise<{ parts: Parts; names: string[] }> {
  const files = unzipSync(await bytes)
  const names = Object.keys(files)
  const parts: Parts = {}
  for (const name of names) if (/\.(xml|rels)$/.test(name)) parts[name] = strFromU8(files[name]!)
  return { parts, names }
}

/** The text a reader sees in a part: the contents of its w:t runs, entities decoded. */
function runText(xml: string): string {
  const texts: string[] = []
  for (const match of xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)) texts.push(match[1] ?? '')
  return parseHtml(texts.join('')).text
}

function hyperlinkTargets(parts: Parts): string[] {
  return Object.entries(parts)
    .filter(([name]) => name.endsWith('.rels'))
    .flatMap(([, xml]) => [...xml.matchAll(/<Relationship [^>]*Type="[^"]*\/hyperlink"[^>]*Target="([^"]*)"/g)].map((match) => parseHtml(match[1] ?? '').text))
}

// Elements (opened with "<") and relationship types; the same words inside escaped text are harmless.
const FORBIDDEN_MARKUP = /<w:fldSimple|<w:instrText|<w:fldChar|<w:altChunk|\/aFChunk"|attachedTemplate|<w:ddeLink|<o:OLEObject|vbaProject/

describe('briefingToDocx on the Alipay briefing', async () => {
  const { parts, names } = await docxParts(briefingToDocx(composeBriefingDocument(alipayBriefing(), alipaySet(), ENGLISH_WORDS)))
  const body = parts['word/document.xml'] ?? ''
  const notes = parts['word/footnotes.xml'] ?? ''

  it('is a Word package with a body and footnotes', () => {
    expect(names).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/footnotes.xml', 'word/numbering.xml']))
  })

  it('gives the title the Title style, sections Heading 1 and the author’s headings Heading 2, then the "As of" line', () => {
    expect(body).toMatch(/<w:pStyle w:val="Title"\/><\/w:pPr><w:r><w:t xml:space="preserve">Alipay and Sesame Credit: consent by default<\/w:t>/)
    expect(body).toMatch(/<w:pStyle w:val="Heading1"\/><\/w:pPr><w:r><w:t xml:space="preserve">Chronology<\/w:t>/)
    expect(body).toMatch(/<w:pStyle w:val="Heading2"\/><\/w:pPr><w:r><w:t xml:space="preserve">What happened<\/w:t>/)
    expect(runText(body)).toContain('As of 29 November 2026')
  })

  it('numbers the summary paragraph with real Word numbering', () => {
    const paragraph =
      body.match(/<w:p>(?:(?!<w:p>).)*Alipay annual-bill consent default enrolled users in Sesame Credit<\/w:t>(?:(?!<w:p>).)*<\/w:p>/)?.[0] ?? ''
    expect(paragraph).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/)
    expect(parts['word/numbering.xml']).toMatch(/<w:numFmt w:val="decimal"\/><w:lvlText w:val="%1\."\/>/)
  })

  it('holds the chronology in date order', () => {
    const text = runText(body)
    const order = [
      '7 November 2016',
      'Law adopted — ',
      '3 January 2018',
      'Incident occurred — ',
      '6 January 2018',
      'Summons — ',
      '1 May 2018',
      'Law in force — '
    ]
    let from = text.indexOf('Chronology')
    for (const piece of order) {
      const at = text.indexOf(piece, from)
      expect(at, piece).toBeGreaterThan(from)
      from = at
    }
  })

  it('has real footnotes for the sources, referenced from the text', () => {
    expect(body).toContain('<w:footnoteReference w:id="1"/>')
    expect(body).toContain('<w:footnoteReference w:id="5"/>')
    // Adjacent references get a superscript comma between them, or "1" and "2" would read as 12.
    expect(body).toMatch(
      /<w:footnoteReference w:id="1"\/><\/w:r><w:r><w:rPr>(?:(?!<\/w:r>).)*<w:vertAlign w:val="superscript"\/>(?:(?!<\/w:r>).)*<w:t xml:space="preserve">,<\/w:t><\/w:r><w:r>(?:(?!<\/w:r>).)*<w:footnoteReference w:id="2"\/>/
    )
    expect([...notes.matchAll(/<w:footnote w:id="(\d+)">/g)].map((match) => match[1])).toEqual(['1', '2', '3', '4', '5'])
    expect(runText(notes)).toContain('Xinhua, “China Focus: Ant Financial apologizes for online credit trickery”, 4 January 2018.')
  })

  it('links only https sources; http addresses stay text', () => {
    expect(hyperlinkTargets(parts).every((target) => target.startsWith('https:'))).toBe(true)
    expect(hyperlinkTargets(parts)).toContain(
      'https://privacyinternational.org/examples/1956/chinese-regulator-rebukes-ant-financial-automatic-credit-scoring-enrollment'
    )
    expect(runText(notes)).toContain('http://www.xinhuanet.com/english/2018-01/04/c_136872331.htm')
  })

  it('has no field codes, DDE, altChunk, attached template or macros in any part', () => {
    for (const [name, xml] of Object.entries(parts)) expect(xml, name).not.toMatch(FORBIDDEN_MARKUP)
  })

  it('carries no picture unless one is given', () => {
    expect(names.filter((name) => name.startsWith('word/media/'))).toEqual([])
  })
})

describe('briefingToDocx', () => {
  it('draws the timeline picture at the head of the chronology, scaled to the page', async () => {
    const { parts, names } = await docxParts(
      briefingToDocx(composeBriefingDocument(alipayBriefing(), alipaySet(), ENGLISH_WORDS), { timelineImage: { png: PNG, width: 3000, height: 600 } })
    )
    expect(names.filter((name) => name.startsWith('word/media/') && name.endsWith('.png'))).toHaveLength(1)
    const body = parts['word/document.xml'] ?? ''
    expect(body.indexOf('<w:drawing>')).toBeGreaterThan(body.indexOf('>Chronology</w:t>'))
    // 600 × 120 pixels at 9525 EMU each.
    expect(body).toContain('<wp:extent cx="5715000" cy="1143000"/>')
    expect(body).toContain('descr="Timeline of the events in this briefing; the chronology lists them in words."')
  })

  it('keeps hostile text in text runs: escaped, shown as written, never markup or fields', async () => {
    const { parts } = await docxParts(briefingToDocx(composeBriefingDocument(hostileBriefing(), hostileSet(), ENGLISH_WORDS)))
    for (const [name, xml] of Object.entries(parts)) {
      expect(xml, name).not.toMatch(FORBIDDEN_MARKUP)
      expect(xml, name).not.toMatch(/<script|<img|<svg|<iframe|<a /i)
    }
    const text = runText(`${parts['word/document.xml']}${parts['word/footnotes.xml']}`).replace(/\s+/g, ' ')
    for (const entry of XSS_CORPUS) expect(text).toContain(entry.replace(/\s+/g, ' '))
    for (const target of hyperlinkTargets(parts)) expect(target).toMatch(/^(https:|mailto:)/)
  })

  it('makes hyperlinks only of https: and mailto: addresses', async () => {
    const { parts } = await docxParts(briefingToDocx(documentWithHostileLinks()))
    expect(hyperlinkTargets(parts).sort()).toEqual(['https://ok.example/path', 'mailto:desk@example.org'])
    expect(runText(parts['word/document.xml'] ?? '')).toContain('javascript:alert(1)')
  })

  it('replaces characters XML cannot carry instead of writing an unreadable file', async () => {
    const doc = { ...documentWithHostileLinks(), title: 'Bad\u0001char \uD800 here' }
    const { parts } = await docxParts(briefingToDocx(doc))
    expect(runText(parts['word/document.xml'] ?? '')).toContain('Bad\uFFFDchar \uFFFD here')
  })
})
