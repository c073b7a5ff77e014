import { briefingSchema, type Briefing } from '../../../src/shared/briefing/briefing'
import { briefingFurniture, type BriefingDocument } from '../../../src/shared/briefing/briefingDocument'
import { ENGLISH_WORDS } from '../../builders/languageWords'
import { recordSetOf, type RecordSet } from '../../../src/shared/interchange/recordSet'
import type { TypedRecord } from '../../../src/shared/domain/recordTypes'
import { aJurisdiction, aLaw, aResponse, aSource, anIncident, anOrganisation } from '../../builders/sharedDomain'

/** Text that tries to become markup, a script, a link, a field code or document structure in some format. */
export const XSS_CORPUS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)>",
  '</style><script>alert(1)</script>',
  '[click me](javascript:alert(1))',
  '![tracker](https://evil.example/pixel.png)',
  '<a href="javascript:alert(1)">x</a>',
  'JaVaScRiPt:alert(1)',
  'javascript&#58;alert(1)',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<!-- comment --><?xml version="1.0"?>',
  '{ DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc" }',
  "=cmd|' /C calc'!A0",
  '# Heading\n- list item\n1. numbered',
  '| cell | injection |',
  '**bold** _em_ `code` ~~strike~~',
  '<http://evil.example> www.evil.example http://evil.example',
  '[^1]: a forged footnote',
  '<w:fldSimple w:instr="HYPERLINK javascript:alert(1)"/>',
  'javascript'
] as const

const hostile = (index: number): string => XSS_CORPUS[index % XSS_CORPUS.length]!
const all = XSS_CORPUS.join('\n\n')

/** Records with corpus text in every text field a briefing shows. */
export function hostileRecords(): TypedRecord[] {
  const jurisdiction = aJurisdiction({ id: 'XX', code: 'XX', name: hostile(0) })
  const actor = anOrganisation({ id: 'org-hostile', name: hostile(1), kind: 'regulator' })
  const source = aSource({
    id: 'src-hostile',
    title: hostile(2),
    publisher: hostile(3),
    author: hostile(4),
    url: 'http://evil.example/a?<script>',
    quotedPassage: hostile(5),
    publishedOn: '2019-03'
  })
  const safeSource = aSource({ id: 'src-https', title: hostile(6), url: 'https://example.org/report?q="><script>alert(1)</script>' })
  const law = aLaw({
    id: 'law-hostile',
    title: hostile(7),
    shortName: hostile(8),
    nativeTitle: hostile(9),
    identifier: hostile(10),
    jurisdictionId: 'XX',
    summary: all,
    inForceOn: '2018~',
    provisions: [{ unit: 'article', number: '1', heading: hostile(11) }],
    citations: [{ sourceId: 'src-hostile', passage: hostile(12), locator: hostile(13) }]
  })
  const incident = anIncident({
    id: 'inc-hostile',
    title: hostile(14),
    summary: all,
    occurredOn: '2019-03',
    disclosedOn: '2019~',
    jurisdictionIds: ['XX'],
    implicatedProvisions: [{ lawId: 'law-hostile', provisionNumber: '1' }, { lawId: 'law-hostile' }],
    citations: [{ sourceId: 'src-hostile', passage: hostile(15) }, { sourceId: 'src-https' }]
  })
  const response = aResponse({
    id: 'resp-hostile',
    title: hostile(16),
    kind: 'fine',
    actorId: 'org-hostile',
    datedOn: '2019-04-01',
    incidentIds: ['inc-hostile'],
    description: all,
    outcome: hostile(17),
    penalty: { currency: 'EUR', description: hostile(18) },
    legalBasis: [{ lawId: 'law-hostile', provisionNumber: '1' }],
    citations: [{ sourceId: 'src-https', passage: hostile(19) }]
  })
  const proposed = aResponse({
    id: 'resp-hostile-proposed',
    title: hostile(20),
    kind: 'block-or-ban',
    stage: 'proposed',
    actorId: 'org-hostile',
    incidentIds: ['inc-hostile'],
    outcome: hostile(21)
  })
  return [
    { type: 'jurisdiction', record: jurisdiction },
    { type: 'organisation', record: actor },
    { type: 'source', record: source },
    { type: 'source', record: safeSource },
    { type: 'law', record: law },
    { type: 'incident', record: incident },
    { type: 'response', record: response },
    { type: 'response', record: proposed }
  ]
}

export function hostileSet(): RecordSet {
  const records = hostileRecords()
  return recordSetOf(
    records.filter((typed) => typed.type === 'response'),
    records
  )
}

/** A briefing whose own title, subtitle, headings and commentary are corpus text, listing every hostile record. */
export function hostileBriefing(): Briefing {
  return briefingSchema.parse({
    id: 'briefing-hostile',
    title: XSS_CORPUS[0],
    subtitle: XSS_CORPUS[1],
    asOf: '2026-11-29',
    sections: ['summary', 'chronology', 'legal-basis', 'responses', 'sources'],
    items: [
      ...XSS_CORPUS.map((text) => ({ kind: 'heading', text })),
      { kind: 'commentary', text: all },
      ...hostileRecords().map((typed) => ({ kind: 'record', recordType: typed.type, recordId: typed.record.id }))
    ],
    createdAt: '2026-11-29T10:00:00.000Z',
    updatedAt: '2026-11-29T10:00:00.000Z',
    revision: 1
  })
}

/** A document made by hand with links a record could never hold (the renderers must check links themselves). */
export function documentWithHostileLinks(): BriefingDocument {
  const links = [
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'http://plain.example/',
    'https://user:pw@bank.example/',
    'https://ok.example/path',
    'mailto:desk@example.org'
  ]
  return {
    title: 'Links',
    subtitle: '',
    asOf: '2026-11-29',
    asOfText: 'As of 29 November 2026',
    preamble: [],
    sections: [{ section: 'sources', title: 'Sources', blocks: [{ kind: 'list', items: links.map((url) => [{ kind: 'link', text: url, url }]) }] }],
    footnotes: [],
    furniture: briefingFurniture(ENGLISH_WORDS)
  }
}
