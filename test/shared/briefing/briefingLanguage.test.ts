import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { composeBriefingDocument, type BriefingBlock, type BriefingDocument, type BriefingInline } from '../../../src/shared/briefing/briefingDocument'
import { briefingToDocx } from '../../../src/shared/briefing/briefingToDocx'
import { briefingToHtml } from '../../../src/shared/briefing/briefingToHtml'
import { briefingToMarkdown } from '../../../src/shared/briefing/briefingToMarkdown'
import { recordSetOf } from '../../../src/shared/interchange/recordSet'
import { aResponse, anIncident, aSource } from '../../builders/sharedDomain'
import { CHINESE_WORDS, ENGLISH_WORDS } from '../../builders/languageWords'
import { alipayBriefing, alipaySet, sampleRecords } from './sampleBriefing'

const UC_INCIDENT_ID = 'inc-uc-browser-data-transmission'
const ENGLISH_SECTION_TITLES = ['Summary', 'Chronology', 'Legal basis', 'Responses and outcomes', 'Sources']

function inlineText(content: readonly BriefingInline[]): string {
  return content
    .map((inline) => (inline.kind === 'text' || inline.kind === 'link' ? inline.text : inline.kind === 'footnote-ref' ? `[${inline.number}]` : '\n'))
    .join('')
}

function blockTexts(block: BriefingBlock): string[] {
  switch (block.kind) {
    case 'heading':
      return [block.text]
    case 'paragraph':
    case 'numbered-paragraph':
      return [inlineText(block.content)]
    case 'list':
      return block.items.map(inlineText)
    case 'table':
      return [block.columns.join(' | '), ...block.rows.map((row) => row.map(inlineText).join(' | '))]
    case 'timeline-image':
      return []
  }
}

function sectionText(doc: BriefingDocument, section: string): string[] {
  return doc.sections.find((candidate) => candidate.section === section)?.blocks.flatMap(blockTexts) ?? []
}

function allText(doc: BriefingDocument): string {
  return [
    doc.asOfText,
    ...doc.sections.flatMap((section) => [section.title, ...section.blocks.flatMap(blockTexts)]),
    ...doc.footnotes.map((note) => inlineText(note.content))
  ].join('\n')
}

const ucSet = () =>
  recordSetOf(
    sampleRecords.filter(
      (typed) => typed.record.id === UC_INCIDENT_ID || (typed.type === 'response' && typed.record.incidentIds.includes(UC_INCIDENT_ID as never))
    ),
    sampleRecords
  )
const ucBriefing = () => alipayBriefing({ items: [{ kind: 'record', recordType: 'incident', recordId: UC_INCIDENT_ID }] })

describe('a briefing composed in Chinese', () => {
  const doc = composeBriefingDocument(alipayBriefing(), alipaySet(), CHINESE_WORDS)

  it('has Chinese section headings and "as of" line, and no English section heading', () => {
    expect(doc.sections.map((section) => section.title)).toEqual(['摘要', '大事记', '法律依据', '应对与结果', '来源'])
    expect(doc.asOfText).toBe('截至2026年11月29日')
    for (const title of ENGLISH_SECTION_TITLES) expect(allText(doc)).not.toContain(title)
  })

  it('writes dates in Chinese at their recorded precision, never a day that was not recorded', () => {
    const uc = composeBriefingDocument(ucBriefing(), ucSet(), CHINESE_WORDS)
    const rows = sectionText(uc, 'chronology')

    expect(sectionText(doc, 'chronology')[0]).toBe('时间 | 事项')
    expect(sectionText(doc, 'chronology')).toContainEqual(expect.stringMatching(/^2018年1月3日 \| 事件发生：Alipay annual-bill/))
    expect(rows).toContainEqual(expect.stringMatching(/^2015年5月 \| 事件发生：UC Browser/))
    expect(rows).toContainEqual(expect.stringMatching(/^约2017年8月 \| 调查：/))
    expect(rows).toContainEqual(expect.stringMatching(/^2017年8月21日至22日 \| 审查：/))
    expect(rows).toContainEqual(expect.stringMatching(/^2017年8月22日 \| 封锁或禁令（拟议）：/))
    expect(allText(uc)).not.toMatch(/2015年5月1日|2017年8月1日/)
    expect(sectionText(uc, 'summary')[0]).toMatch(/^UC Browser transmitted device identifiers and location data to remote servers（2015年5月）。In May 2015/)
  })

  it('says in Chinese whether each provision was in force, and how the matter stands', () => {
    expect(sectionText(doc, 'legal-basis')).toContain(
      '第41条：为“Alipay annual-bill consent default enrolled users in Sesame Credit”所涉及（2018年1月3日）。2018年1月3日时有效。'
    )
    expect(sectionText(doc, 'legal-basis')).toContainEqual(expect.stringMatching(/^整部法律：.*尚未施行（自2018年5月1日起施行）。$/))
    expect(sectionText(doc, 'legal-basis')).toContain('法律、China。沿革：2016年11月7日通过；2017年6月1日施行。[1][3][4][5]')
    expect(sectionText(doc, 'responses')[1]).toBe(
      '事项状态：已结束，自“Cyberspace Administration of China orders investigation and special rectification”（2018年1月10日）起。'
    )
    expect(sectionText(doc, 'responses')).toContainEqual(
      expect.stringMatching(/^2018年1月6日：Cyberspace Administration of China约谈。.*。推进该事项。\[3\]\[4\]\[5\]$/)
    )
  })

  it('writes an uncertain answer, a penalty of unknown amount and the notes in Chinese', () => {
    const incident = anIncident({ id: 'inc-fined', title: '某事件', occurredOn: '2020', citations: [{ sourceId: 'src-report', passage: '第一页' }] })
    const fine = aResponse({
      id: 'resp-fine',
      title: '监管机构罚款',
      kind: 'fine',
      actorId: 'org-cac',
      incidentIds: ['inc-fined'],
      outcome: '罚款',
      penalty: { currency: 'CNY' }
    })
    const known = aResponse({
      id: 'resp-fine-2',
      title: '第二次罚款',
      kind: 'fine',
      actorId: 'org-cac',
      incidentIds: ['inc-fined'],
      penalty: { amount: 1250000, currency: 'CNY' }
    })
    const source = aSource({ id: 'src-report', title: '报告', publisher: '某机构', accessedOn: '2021-03' })
    const set = recordSetOf(
      [
        { type: 'response', record: fine },
        { type: 'response', record: known }
      ],
      [{ type: 'incident', record: incident }, { type: 'source', record: source }, ...sampleRecords]
    )
    const fined = composeBriefingDocument(alipayBriefing({ items: [{ kind: 'record', recordType: 'incident', recordId: 'inc-fined' }] }), set, CHINESE_WORDS)

    expect(sectionText(fined, 'responses')).toContainEqual(expect.stringMatching(/监管机构罚款。终结该事项。结果：罚款；处罚：金额不详。$/))
    expect(sectionText(fined, 'responses')).toContainEqual(expect.stringMatching(/第二次罚款。终结该事项。处罚：CNY 1,250,000。$/))
    expect(fined.footnotes.map((note) => [note.label, inlineText(note.content)])).toEqual([['注1', '某机构，“报告”。（2021年3月访问）原文：“第一页”']])
    expect(sectionText(fined, 'sources')).toEqual(['某机构，“报告”。（2021年3月访问）（见注1）'])
  })

  it('says what is missing in Chinese', () => {
    const empty = composeBriefingDocument(
      alipayBriefing({ items: [{ kind: 'record', recordType: 'incident', recordId: 'inc-deleted' }] }),
      recordSetOf([], sampleRecords),
      CHINESE_WORDS
    )

    expect(sectionText(empty, 'summary')).toEqual(['本简报列有事件“inc-deleted”，但知识库中已无此记录。'])
    expect(sectionText(empty, 'chronology')).toEqual(['本简报中的记录均无记录日期。'])
    expect(sectionText(empty, 'sources')).toEqual(['本简报中的记录未引用任何来源。'])
  })
})

describe('the files of a briefing in Chinese', () => {
  const doc = composeBriefingDocument(alipayBriefing(), alipaySet(), CHINESE_WORDS)

  it('DOCX: Chinese headings in word/document.xml, a CJK font first in its styles and font table, Chinese proofing', async () => {
    const files = unzipSync(await briefingToDocx(doc))
    const body = strFromU8(files['word/document.xml']!)
    const styles = strFromU8(files['word/styles.xml']!)
    const fonts = strFromU8(files['word/fontTable.xml']!)

    expect(body).toMatch(/<w:pStyle w:val="Heading1"\/><\/w:pPr><w:r><w:t xml:space="preserve">大事记<\/w:t>/)
    expect(body).toContain('截至2026年11月29日')
    for (const title of ENGLISH_SECTION_TITLES) expect(body).not.toContain(`>${title}<`)
    expect(styles).toMatch(
      /<w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:cs="Calibri" w:eastAsia="Noto Sans CJK SC" w:hAnsi="Calibri"\/><w:lang w:val="zh-CN" w:eastAsia="zh-CN"\/>/
    )
    expect(fonts).toMatch(/<w:font w:name="Noto Sans CJK SC"><w:altName w:val="Microsoft YaHei"\/><w:charset w:val="86"\/>/)
    expect(fonts.indexOf('"Noto Sans CJK SC"')).toBeLessThan(fonts.indexOf('"PingFang SC"'))
    expect(fonts.indexOf('"PingFang SC"')).toBeLessThan(fonts.indexOf('"Microsoft YaHei"><w:charset'))
  })

  it('DOCX in English: the same CJK font for Chinese words in records, and English proofing', async () => {
    const styles = strFromU8(unzipSync(await briefingToDocx(composeBriefingDocument(alipayBriefing(), alipaySet(), ENGLISH_WORDS)))['word/styles.xml']!)

    expect(styles).toContain('w:eastAsia="Noto Sans CJK SC"')
    expect(styles).toContain('<w:lang w:val="en-GB" w:eastAsia="zh-CN"/>')
  })

  it('HTML: lang="zh-CN", the notes and the picture caption in Chinese', () => {
    const html = briefingToHtml(doc, { timelineSvg: '<svg xmlns="http://www.w3.org/2000/svg"><text>x</text></svg>' })

    expect(html).toContain('<html lang="zh-CN">')
    expect(html).toContain('<h2 id="notes-heading">注释</h2>')
    expect(html).toContain('aria-label="注1"')
    expect(html).toContain('<figcaption>本简报所涉事件的时间线。</figcaption>')
    expect(briefingToHtml(doc, { timelineSvg: '<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>' })).toContain(
      '时间线图片已略去：图片含有&lt;script&gt;元素。'
    )
  })

  it('Markdown: Chinese headings', () => {
    const markdown = briefingToMarkdown(doc)

    expect(markdown).toMatch(/^## 法律依据$/m)
    expect(markdown).toContain('**截至2026年11月29日**')
  })
})
