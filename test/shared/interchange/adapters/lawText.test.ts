import { beforeAll, describe, expect, it } from 'vitest'
import type { Law } from '@shared/domain/law'
import { readLawText } from '@shared/interchange/adapters/lawText'
import type { ImportContext, ImportReading } from '@shared/interchange/importReading'
import { sharedData } from '../../../support/sharedData'
import { inEnglish, withReasonInEnglish } from '../../../support/words'

const gdprFile = sharedData('gdpr-text-en/gdpr.json')
const context: ImportContext = { file: 'law.json', importedAt: '2026-11-29T00:00:00.000Z', jurisdictionIds: new Set(['EU', 'DE']) }

function lawOf(reading: ImportReading): Law {
  expect(reading.rejected.map(withReasonInEnglish)).toEqual([])
  expect(reading.candidates).toHaveLength(1)
  const typed = reading.candidates[0]!.typed
  if (typed.type !== 'law') throw new Error(`Expected a law, got ${typed.type}`)
  return typed.record
}

/** A small law in the GDPRtEXT shape; `finalArticle` is what its last article says about dates. */
function smallLaw(
  finalArticle: string[] = [
    'This Regulation shall enter into force on the twentieth day following that of its publication in the Official Journal of the European Union.',
    'It shall apply from 25 May 2018.'
  ]
) {
  return {
    title: 'Small Regulation',
    abbrv: 'SR',
    regulation: '2099/1',
    dated: '27/04/2016',
    updated: '04/05/2016',
    about: 'small things',
    identifier: 'L 1/1',
    chapters: [
      {
        number: 'I',
        title: 'General provisions',
        type: 'chapter',
        contents: [
          {
            number: '1',
            title: 'Definitions',
            type: 'article',
            contents: [
              { number: null, text: 'For the purposes of this Regulation:', type: 'text', subpoints: [] },
              { number: '1', text: '‘data’ means   things;', type: 'point', subpoints: [] }
            ]
          }
        ]
      },
      {
        number: 'II',
        title: 'Bodies',
        type: 'chapter',
        contents: [
          {
            number: '1',
            title: 'Independence',
            type: 'section',
            contents: [
              {
                number: '2',
                title: 'Members',
                type: 'article',
                contents: [
                  {
                    number: '1',
                    text: 'Members are appointed by:',
                    type: 'point',
                    subpoints: [
                      { number: null, text: 'their parliament;', type: 'subpoint' },
                      { number: null, text: 'their government.', type: 'subpoint' }
                    ]
                  },
                  { number: '2', text: 'A member may:', type: 'point', subpoints: [{ number: 'a', text: 'resign.', type: 'subpoint' }] }
                ]
              }
            ]
          },
          {
            number: '3',
            title: 'Entry into force',
            type: 'article',
            contents: finalArticle.map((text, index) => ({ number: String(index + 1), text, type: 'point', subpoints: [] }))
          }
        ]
      }
    ],
    recitals: [{ number: '1', text: 'Whereas…', type: 'recital' }]
  }
}

describe('readLawText', () => {
  it('makes every article a provision with its number, title, and paragraphs with their numbers and letters', () => {
    const law = lawOf(readLawText(smallLaw(), context))
    const articles = law.provisions.filter((provision) => provision.unit === 'article')
    expect(articles.map((provision) => [provision.number, provision.heading])).toEqual([
      ['1', 'Definitions'],
      ['2', 'Members'],
      ['3', 'Entry into force']
    ])
    expect(articles[0]!.text).toBe('For the purposes of this Regulation:\n\n1. ‘data’ means things;')
    expect(articles[1]!.text).toBe('1. Members are appointed by:\n— their parliament;\n— their government.\n\n2. A member may:\n(a) resign.')
  })

  it('keeps chapters as chapter provisions before their articles, naming sections and articles', () => {
    const law = lawOf(readLawText(smallLaw(), context))
    expect(law.provisions.map((provision) => `${provision.unit} ${provision.number}`)).toEqual([
      'chapter I',
      'article 1',
      'chapter II',
      'article 2',
      'article 3'
    ])
    expect(law.provisions[2]).toEqual({
      unit: 'chapter',
      number: 'II',
      heading: 'Bodies',
      summary: 'Articles 2–3. Section 1 Independence: Article 2; Article 3 Entry into force.'
    })
  })

  it('takes the dates from the text: adopted on its date, in force counted from publication, applying from the named day', () => {
    const reading = readLawText(smallLaw(), context)
    const law = lawOf(reading)
    expect([law.adoptedOn, law.inForceOn, law.appliesFromOn]).toEqual(['2016-04-27', '2016-05-24', '2018-05-25'])
    expect(law.status).toBe('in-force')
    expect(reading.notices.map(withReasonInEnglish)).toContainEqual({
      file: 'law.json',
      field: 'inForceOn',
      message: 'In force on 2016-05-24: the twentieth day following publication on 2016-05-04 (the file\'s "updated" date), as the text says'
    })
  })

  it('reads a fixed date of entry into force, and leaves out dates the text does not give', () => {
    const fixed = lawOf(readLawText(smallLaw(['This Regulation shall enter into force on 1 June 2017.']), context))
    expect([fixed.inForceOn, fixed.appliesFromOn]).toEqual(['2017-06-01', undefined])
    const silent = lawOf(readLawText(smallLaw(['Nothing about dates.']), context))
    expect([silent.inForceOn, silent.appliesFromOn, silent.adoptedOn]).toEqual([undefined, undefined, '2016-04-27'])
    expect(silent.status).toBe('adopted')
  })

  it('is only adopted while its date of entry into force is still to come', () => {
    const law = lawOf(readLawText(smallLaw(['This Regulation shall enter into force on 1 June 2030.']), context))
    expect(law.status).toBe('adopted')
  })

  it('reports a date it cannot read instead of guessing one', () => {
    const json = { ...smallLaw(), dated: 'April 2016' }
    const reading = readLawText(json, context)
    expect(lawOf(reading).adoptedOn).toBeUndefined()
    expect(reading.notices.map(withReasonInEnglish)).toContainEqual({
      file: 'law.json',
      field: 'dated',
      message: '"April 2016" is not a day written DD/MM/YYYY; the date was left out'
    })
  })

  it('names the id from the short name unless one is given', () => {
    expect(lawOf(readLawText(smallLaw(), context)).id).toBe('law-eu-sr')
    expect(lawOf(readLawText(smallLaw(), context, { lawId: 'law-eu-gdpr' })).id).toBe('law-eu-gdpr')
  })

  it('reports the recitals it leaves out', () => {
    expect(readLawText(smallLaw(), context).notices.map(withReasonInEnglish)).toContainEqual({
      file: 'law.json',
      field: 'recitals',
      message: '1 recitals were not imported: a law record holds articles, not recitals'
    })
  })

  it('cleans garbled text and names the articles it changed', () => {
    const garbled = smallLaw()
    ;(garbled.chapters[0]!.contents[0] as { contents: { text: string }[] }).contents[1]!.text = 'â€˜dataâ€™ means things;'
    const reading = readLawText(garbled, context)
    expect(lawOf(reading).provisions[1]!.text).toBe('For the purposes of this Regulation:\n\n1. ‘data’ means things;')
    expect(reading.notices.map(withReasonInEnglish)).toContainEqual({
      file: 'law.json',
      message: expect.stringMatching(/^The text was changed in Article 1: garbled characters/) as string
    })
  })

  it('refuses a file that is not in the shape, naming where', () => {
    const broken = smallLaw()
    ;(broken.chapters[0]!.contents[0] as { title: unknown }).title = 5
    const reading = readLawText(broken, context)
    expect(reading.candidates).toEqual([])
    expect(reading.rejected.map(withReasonInEnglish)).toEqual([
      { file: 'law.json', field: 'chapters[0].contents[0].title', message: expect.any(String) as string }
    ])
    expect(readLawText([], context).rejected[0]?.file).toBe('law.json')
  })

  it('refuses an article number used twice, through the law schema', () => {
    const twice = smallLaw()
    twice.chapters[1]!.contents[1]!.number = '2'
    const reading = readLawText(twice, context)
    expect(reading.candidates).toEqual([])
    expect(reading.rejected.map(withReasonInEnglish)).toEqual([{ file: 'law.json', field: 'provisions[4].number', message: 'Article 2 appears twice' }])
  })

  it('refuses the law when the EU is not a known jurisdiction', () => {
    const reading = readLawText(smallLaw(), { ...context, jurisdictionIds: new Set(['DE']) })
    expect(reading.candidates).toEqual([])
    expect(inEnglish(reading.rejected[0]?.message ?? '')).toContain('"EU"')
  })
})

describe.skipIf(!gdprFile.present)('readLawText on GDPRtEXT gdpr.json', () => {
  let gdpr: unknown
  let reading: ImportReading
  beforeAll(() => {
    gdpr = JSON.parse(gdprFile.text())
    reading = readLawText(gdpr, { ...context, file: 'gdpr.json' }, { lawId: 'law-eu-gdpr' })
  })

  it('reads the GDPR with its 99 articles in 11 chapters and its dates', () => {
    const law = lawOf(reading)
    const articles = law.provisions.filter((provision) => provision.unit === 'article')
    expect(articles.map((provision) => provision.number)).toEqual(Array.from({ length: 99 }, (_, index) => String(index + 1)))
    expect(law.provisions.filter((provision) => provision.unit === 'chapter').map((provision) => provision.number)).toEqual([
      'I',
      'II',
      'III',
      'IV',
      'V',
      'VI',
      'VII',
      'VIII',
      'IX',
      'X',
      'XI'
    ])
    expect(law).toMatchObject({
      id: 'law-eu-gdpr',
      title: 'General Data Protection Regulation',
      shortName: 'GDPR',
      identifier: 'Regulation (EU) 2016/679',
      jurisdictionId: 'EU',
      kind: 'regulation',
      status: 'in-force',
      adoptedOn: '2016-04-27',
      inForceOn: '2016-05-24',
      appliesFromOn: '2018-05-25'
    })
    expect(reading.notices.map((notice) => notice.field)).toEqual(['inForceOn', 'recitals'])
    expect(inEnglish(reading.notices[1]!.message)).toMatch(/^173 recitals/)
  })

  it('keeps every paragraph and lettered point of the text', () => {
    const law = lawOf(reading)
    const article = (number: string) => law.provisions.find((provision) => provision.unit === 'article' && provision.number === number)
    expect(article('5')?.heading).toBe('Principles relating to processing of personal data')
    expect(article('5')?.text).toContain('\n(f) processed in a manner that ensures appropriate security')
    expect(article('4')?.text).toMatch(/^For the purposes of this Regulation:\n\n1\. ‘personal data’ means/)
    expect(article('99')?.text).toBe(
      '1. This Regulation shall enter into force on the twentieth day following that of its publication in the Official Journal of the European Union.\n\n2. It shall apply from 25 May 2018.'
    )
    // Every text node of the source appears in some provision's text.
    const allText = law.provisions.map((provision) => provision.text ?? '').join('\n')
    const sourceTexts = textsIn((gdpr as { chapters: unknown }).chapters)
    expect(sourceTexts).toHaveLength(786)
    expect(sourceTexts.filter((text) => !allText.includes(text.replace(/\s+/g, ' ').trim()))).toEqual([])
  })

  it('is deterministic', () => {
    const again = readLawText(JSON.parse(gdprFile.text()), { ...context, file: 'gdpr.json' }, { lawId: 'law-eu-gdpr' })
    expect(again).toEqual(reading)
  })
})

function textsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(textsIn)
  if (node === null || typeof node !== 'object') return []
  return Object.entries(node).flatMap(([key, value]) => (key === 'text' && typeof value === 'string' ? [value] : textsIn(value)))
}
