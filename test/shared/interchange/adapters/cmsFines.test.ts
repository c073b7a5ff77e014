import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { IncidentResponse } from '@shared/domain/incidentResponse'
import type { Organisation } from '@shared/domain/organisation'
import { precisionOf, type PartialDate } from '@shared/domain/partialDate'
import type { Source } from '@shared/domain/source'
import { readCmsFines } from '@shared/interchange/adapters/cmsFines'
import type { ImportReading } from '@shared/interchange/importReading'
import { sourceIdForWebAddress } from '@shared/interchange/text/webAddresses'
import { context, danglingLinks, JURISDICTION_IDS, repeatedIds } from './verisFixtures'
import { sharedData } from '../../../support/sharedData'
import { describedInEnglish as describeImportProblem, thrownInEnglish, withReasonInEnglish } from '../../../support/words'

const cmsDownload = sharedData('gdpr-fines-cms-2024/enforcementtracker_full_download.json')

const FILE = 'enforcementtracker_full_download.json'

/** One row of the download, in its column order, with some cells replaced. */
function cmsRow(
  cells: Partial<
    Record<'etid' | 'country' | 'authority' | 'date' | 'fine' | 'controller' | 'sector' | 'articles' | 'type' | 'summary' | 'source' | 'url', string>
  > = {}
): string[] {
  const etid = cells.etid ?? 'ETid-1'
  const number = etid.replace(/\D/g, '')
  return [
    '',
    etid,
    cells.country ?? "<img src='./flags/flag_austria.png' alt='AUSTRIA' style='margin-bottom:2px'><br />AUSTRIA",
    cells.authority ?? 'Austrian Data Protection Authority (dsb)',
    cells.date ?? '2018-12-09',
    cells.fine ?? '4,800',
    cells.controller ?? 'Betting place',
    cells.sector ?? 'Industry and Commerce',
    cells.articles ?? 'Art. 13 GDPR',
    cells.type ?? 'Insufficient fulfilment of information obligations',
    cells.summary ?? 'Video surveillance was not sufficiently marked.',
    cells.source ?? "<a class='blau' href='https://www.dsb.gv.at/documents/Straferkenntnis.pdf' target='_blank'>link</a>",
    cells.url ??
      `<a href='https://www.enforcementtracker.com/${etid}' target='_blank'>https://www.enforcementtracker.com/${etid}</a> (Copy: <a id='myShareButton' href='#/' onclick='copyETID(${number});return false;'><img src='buttons/copy_button.png' alt='ETid ${number}'></a>) | Short URL: <a href='https://etid.link/${etid}' target='_blank'>https://etid.link/${etid}</a>`
  ]
}

const read = (...rows: unknown[]) => readCmsFines({ data: rows }, context(FILE))
const recordsOf = <T>(reading: ImportReading, type: string): T[] =>
  reading.candidates.filter((candidate) => candidate.typed.type === type).map((candidate) => candidate.typed.record as T)
const onlyResponse = (reading: ImportReading): IncidentResponse => {
  const responses = recordsOf<IncidentResponse>(reading, 'response')
  expect(responses).toHaveLength(1)
  return responses[0]!
}
const messages = (reading: ImportReading, kind: 'notices' | 'rejected' = 'notices') => reading[kind].map(describeImportProblem)

describe('readCmsFines: one fine', () => {
  const reading = read(cmsRow())
  const response = onlyResponse(reading)

  it('makes a response with a deterministic id, kind fine, enacted', () => {
    expect(response).toMatchObject({ id: 'resp-cms-etid-1', kind: 'fine', stage: 'enacted', datedOn: '2018-12-09' })
    expect(response.title).toBe('Fine of EUR 4,800 on Betting place for insufficient fulfilment of information obligations')
    expect(response.description).toBe('Video surveillance was not sufficiently marked.')
  })

  it('records the authority as a regulator of the flag cell country, acting', () => {
    const authority = recordsOf<Organisation>(reading, 'organisation').find((organisation) => organisation.id === response.actorId)
    expect(authority).toMatchObject({
      id: 'org-dpa-austrian-data-protection-authority-dsb',
      name: 'Austrian Data Protection Authority (dsb)',
      kind: 'regulator',
      headquartersJurisdictionId: 'AT'
    })
  })

  it('records the controller as the target, with the sector in its description', () => {
    expect(response.targetOrganisationIds).toEqual(['org-cms-betting-place'])
    const controller = recordsOf<Organisation>(reading, 'organisation').find((organisation) => organisation.id === 'org-cms-betting-place')
    expect(controller).toMatchObject({
      name: 'Betting place',
      kind: 'company',
      description: 'Sector: Industry and Commerce (as classified by the CMS Enforcement Tracker)'
    })
  })

  it('keeps the amount in euros', () => {
    expect(response.penalty).toEqual({ amount: 4800, currency: 'EUR' })
    expect(response.outcome).toBe('Fine of EUR 4,800')
  })

  it('links the quoted GDPR article as a provision of law-eu-gdpr', () => {
    expect(response.legalBasis).toEqual([{ lawId: 'law-eu-gdpr', provisionNumber: '13' }])
  })

  it('cites the linked document and the tracker page, as sources', () => {
    const sources = recordsOf<Source>(reading, 'source')
    expect(sources.map((source) => source.url)).toEqual(['https://www.dsb.gv.at/documents/Straferkenntnis.pdf', 'https://www.enforcementtracker.com/ETid-1'])
    expect(sources[1]).toMatchObject({
      id: sourceIdForWebAddress('https://www.enforcementtracker.com/ETid-1'),
      title: 'CMS GDPR Enforcement Tracker: ETid-1',
      publisher: 'CMS'
    })
    expect(response.citations).toEqual(sources.map((source) => ({ sourceId: source.id })))
  })

  it('puts organisations and sources before the responses, and reports nothing', () => {
    expect(reading.candidates.map((candidate) => candidate.typed.type)).toEqual(['organisation', 'organisation', 'source', 'source', 'response'])
    expect(reading.notices.map(withReasonInEnglish)).toEqual([])
    expect(reading.rejected.map(withReasonInEnglish)).toEqual([])
  })

  it('reads the bare list of rows too', () => {
    expect(readCmsFines([cmsRow()], context(FILE))).toEqual(reading)
  })
})

describe('readCmsFines: amounts', () => {
  it.each([
    ['Unknown', 'Fine of unknown amount on Betting place', 'Amount unknown'],
    ['Fine in five-digit amount', 'Fine in five-digit amount on Betting place', 'Fine in five-digit amount'],
    ['Fine amount between EUR 50 and EUR 800', 'Fine amount between EUR 50 and EUR 800 on Betting place', 'Fine amount between EUR 50 and EUR 800']
  ])('leaves the amount unknown (never 0) for "%s", keeping the text', (fine, titleStart, outcome) => {
    const response = onlyResponse(read(cmsRow({ fine, type: 'Unknown' })))
    expect(response.penalty?.amount).toBeUndefined()
    expect(response.penalty?.currency).toBe('EUR')
    expect(response.title).toBe(titleStart)
    expect(response.outcome).toBe(outcome)
  })

  it('reads large amounts with thousands separators', () => {
    expect(onlyResponse(read(cmsRow({ fine: '50,000,000' }))).penalty?.amount).toBe(50_000_000)
  })

  it('makes an intention to fine a proposed measure', () => {
    const response = onlyResponse(read(cmsRow({ fine: 'Only intention to issue fine', type: 'Unknown' })))
    expect(response.stage).toBe('proposed')
    expect(response.title).toBe('Intended fine on Betting place')
    expect(response.penalty?.amount).toBeUndefined()
  })

  it('keeps a written 0 and says what the tracker means by it', () => {
    const reading = read(cmsRow({ fine: '0' }))
    expect(onlyResponse(reading).penalty?.amount).toBe(0)
    expect(messages(reading)).toEqual([
      `${FILE}, row 1, field "fineEUR": The fine is recorded as 0: the tracker writes 0 for a fine later overturned or cancelled; the summary says what happened`
    ])
  })
})

describe('readCmsFines: dates', () => {
  it.each([
    ['2019', '2019'],
    ['2019-03', '2019-03'],
    ['2020-01-31', '2020-01-31']
  ])('keeps %s at its own precision', (cell, datedOn) => {
    expect(onlyResponse(read(cmsRow({ date: cell }))).datedOn).toBe(datedOn)
  })

  it('leaves out "Unknown", an impossible date and a future date, with notices naming row and field', () => {
    const reading = read(
      cmsRow({ etid: 'ETid-1', date: 'Unknown' }),
      cmsRow({ etid: 'ETid-2', date: '2019-02-30' }),
      cmsRow({ etid: 'ETid-3', date: '2030-01-01' })
    )
    expect(recordsOf<IncidentResponse>(reading, 'response').map((response) => response.datedOn)).toEqual([undefined, undefined, undefined])
    expect(messages(reading)).toEqual([
      `${FILE}, row 1, field "dateOfDecision": The date of the decision is unknown; the fine is imported without a date`,
      `${FILE}, row 2, field "dateOfDecision": "2019-02-30": February 2019 has no day 30 (01 to 28); the fine is imported without a date`,
      `${FILE}, row 3, field "dateOfDecision": The decision date 2030-01-01 is after the import (2026-11-29); it was left out`
    ])
  })
})

describe('readCmsFines: articles', () => {
  const legalBasis = (articles: string) => onlyResponse(read(cmsRow({ articles }))).legalBasis.map((reference) => reference.provisionNumber)

  it('reads each GDPR article once, whatever paragraphs and points follow', () => {
    expect(legalBasis('Art. 5 (1) a), (2) GDPR, Art. 6 GDPR, Art. 5 (1) f) GDPR, Art. 32 (1) b), d) GDPR')).toEqual(['5', '6', '32'])
  })

  it('reads the misspellings and the non-breaking space the tracker has', () => {
    expect(legalBasis('Art.\u00a06 GDPR, Art. 13 GPDR, Art. 58 (2) GDRP')).toEqual(['6', '13', '58'])
  })

  it('names articles of other laws in a notice and links only the GDPR ones', () => {
    const reading = read(cmsRow({ articles: 'Art. 6 GDPR, Art. 21 LSSI, Art. 32 GDPR, L. 34-5 CPCE' }))
    expect(onlyResponse(reading).legalBasis.map((reference) => reference.provisionNumber)).toEqual(['6', '32'])
    expect(messages(reading)).toEqual([`${FILE}, row 1, field "quotedArticles": Not linked (not a GDPR article): "Art. 21 LSSI", "L. 34-5 CPCE"`])
  })

  it('reads an article with no law named as GDPR, with a notice, and "Unknown" as none', () => {
    const reading = read(cmsRow({ etid: 'ETid-1', articles: 'Art. 32 (4)' }), cmsRow({ etid: 'ETid-2', articles: 'Unknown' }))
    expect(recordsOf<IncidentResponse>(reading, 'response').map((response) => response.legalBasis)).toEqual([
      [{ lawId: 'law-eu-gdpr', provisionNumber: '32' }],
      []
    ])
    expect(messages(reading)).toEqual([`${FILE}, row 1, field "quotedArticles": "Art. 32 (4)" names no law; it was read as an article of the GDPR`])
  })
})

describe('readCmsFines: organisations and text', () => {
  it('folds spellings of one controller into one organisation', () => {
    const reading = read(cmsRow({ etid: 'ETid-1', controller: 'Private individual' }), cmsRow({ etid: 'ETid-2', controller: 'Private Individual' }))
    const controllers = recordsOf<Organisation>(reading, 'organisation').filter((organisation) => organisation.id.startsWith('org-cms-'))
    expect(controllers.map((controller) => [controller.id, controller.name])).toEqual([['org-cms-private-individual', 'Private individual']])
    expect(recordsOf<IncidentResponse>(reading, 'response').map((response) => response.targetOrganisationIds)).toEqual([
      ['org-cms-private-individual'],
      ['org-cms-private-individual']
    ])
  })

  it('normalises decomposed accents so the same name is one organisation', () => {
    const reading = read(
      cmsRow({ etid: 'ETid-1', controller: 'UST GLOBAL ESPAN\u0303A, S.A.' }),
      cmsRow({ etid: 'ETid-2', controller: 'UST GLOBAL ESPAÑA, S.A.' })
    )
    const controllers = recordsOf<Organisation>(reading, 'organisation').filter((organisation) => organisation.id.startsWith('org-cms-'))
    expect(controllers.map((controller) => controller.name)).toEqual(['UST GLOBAL ESPAÑA, S.A.'])
  })

  it('keeps Greek names as written, with ids that still tell them apart', () => {
    const reading = read(cmsRow({ etid: 'ETid-1', controller: 'Εγνατία Οδός Α.Ε.' }), cmsRow({ etid: 'ETid-2', controller: 'ΛΙΜΕΝΟΣ ΗΡΑΚΛΕΙΟΥ Α.Ε.' }))
    const controllers = recordsOf<Organisation>(reading, 'organisation').filter((organisation) => organisation.id.startsWith('org-cms-'))
    expect(controllers.map((controller) => controller.name)).toEqual(['Εγνατία Οδός Α.Ε.', 'ΛΙΜΕΝΟΣ ΗΡΑΚΛΕΙΟΥ Α.Ε.'])
    expect(controllers[0]!.id).toMatch(/^org-cms-[0-9a-f]{10}$/)
    expect(controllers[0]!.id).not.toBe(controllers[1]!.id)
  })

  it('imports a fine on an unnamed controller without a target, with a notice', () => {
    const reading = read(cmsRow({ controller: 'Unknown' }))
    expect(onlyResponse(reading).targetOrganisationIds).toEqual([])
    expect(onlyResponse(reading).title).toMatch(/^Fine of EUR 4,800 on an unnamed controller/)
    expect(messages(reading)).toEqual([`${FILE}, row 1, field "controllerProcessor": The fined controller is not named; the fine is imported without a target`])
  })

  it('turns HTML in the summary into text and cites the page it links', () => {
    const reading = read(
      cmsRow({
        summary: "Fine reduced to EUR 1500 by court, see <a class='blau' href='https://www.dataprotect.at/2020-strafe/' target='_blank'>link</a> &amp; appeal."
      })
    )
    const response = onlyResponse(reading)
    expect(response.description).toBe('Fine reduced to EUR 1500 by court, see link & appeal.')
    expect(recordsOf<Source>(reading, 'source').map((source) => source.url)).toContain('https://www.dataprotect.at/2020-strafe/')
    expect(messages(reading)).toEqual([`${FILE}, row 1, field "summary": HTML markup was turned into plain text`])
  })

  it('cites every document of a source cell with several links', () => {
    const reading = read(
      cmsRow({ source: "<a href='https://gdprtoolkit.eu/first-fine/'>link</a>  <a href='https://www.cpdp.bg/?p=element_view&amp;aid=2152'>link</a>" })
    )
    expect(recordsOf<Source>(reading, 'source').map((source) => source.url)).toEqual([
      'https://gdprtoolkit.eu/first-fine/',
      'https://www.cpdp.bg/?p=element_view&aid=2152',
      'https://www.enforcementtracker.com/ETid-1'
    ])
  })

  it('names a country it does not know, and records the authority without one', () => {
    const reading = read(cmsRow({ country: "<img alt='ATLANTIS'><br />ATLANTIS" }))
    expect(recordsOf<Organisation>(reading, 'organisation')[0]!.headquartersJurisdictionId).toBeUndefined()
    expect(messages(reading)).toEqual([
      `${FILE}, row 1, field "countryHTML": "ATLANTIS" is not a country this importer knows; the authority is recorded without one`
    ])
  })
})

describe('readCmsFines: rejected rows', () => {
  it('rejects rows that are not 13 text cells, lack an ETid, repeat one or name no authority', () => {
    const reading = read(cmsRow(), ['', 'ETid-2'], cmsRow({ etid: '' }), cmsRow(), cmsRow({ etid: 'ETid-5', authority: '' }))
    expect(recordsOf(reading, 'response')).toHaveLength(1)
    expect(messages(reading, 'rejected')).toEqual([
      `${FILE}, row 2: A row must be a list of 13 text cells in the tracker's column order`,
      `${FILE}, row 3, field "eTid": The fine has no ETid, so it cannot be identified on a later import`,
      `${FILE}, row 4, field "eTid": ETid-1 was already used at row 1`,
      `${FILE}, row 5, field "authority": The authority that imposed the fine is not named; a response needs its actor`
    ])
  })

  it('refuses a file that is not the download', () => {
    expect(thrownInEnglish(() => readCmsFines({ rows: [] }, context(FILE)))).toContain(
      `${FILE}: The file is not the CMS Enforcement Tracker download: expected {"data": [[…], …]}`
    )
  })
})

describe.skipIf(!cmsDownload.present)('readCmsFines on the CMS download (2,225 fines)', () => {
  let download: { data: string[][] }
  let reading: ImportReading
  let responses: IncidentResponse[]
  beforeAll(() => {
    download = JSON.parse(cmsDownload.text()) as { data: string[][] }
    reading = readCmsFines(download, context(FILE))
    responses = recordsOf<IncidentResponse>(reading, 'response')
  })
  const countNotices = (pattern: RegExp) => reading.notices.filter((notice) => pattern.test(describeImportProblem(notice))).length

  it('imports every fine, with its authorities, controllers and sources', () => {
    expect(responses).toHaveLength(2225)
    expect(reading.rejected.map(withReasonInEnglish)).toEqual([])
    const organisations = recordsOf<Organisation>(reading, 'organisation')
    expect(organisations.filter((organisation) => organisation.kind === 'regulator')).toHaveLength(52)
    expect(organisations).toHaveLength(1514)
    expect(recordsOf(reading, 'source')).toHaveLength(4376)
  })

  it('links only records it reads, jurisdictions that exist and the built-in GDPR, each id once', () => {
    expect(danglingLinks(reading, new Set([...JURISDICTION_IDS, 'law-eu-gdpr']))).toEqual([])
    expect(repeatedIds(reading)).toEqual([])
  })

  it('names only articles the built-in GDPR has', () => {
    const gdpr = JSON.parse(readFileSync(resolve(__dirname, '../../../../resources/laws/eu-gdpr.json'), 'utf8')) as {
      records: { laws: { id: string; provisions: { number: string }[] }[] }
    }
    const law = gdpr.records.laws.find((candidate) => candidate.id === 'law-eu-gdpr')!
    const provisions = new Set(law.provisions.map((provision) => provision.number))
    const named = new Set(responses.flatMap((response) => response.legalBasis.map((reference) => reference.provisionNumber!)))
    expect([...named].filter((number) => !provisions.has(number))).toEqual([])
  })

  it('keeps amounts only where the tracker gives a number', () => {
    expect(responses.filter((response) => response.penalty?.amount !== undefined)).toHaveLength(2110)
    expect(responses.filter((response) => response.stage === 'proposed')).toHaveLength(6)
    const unknown = download.data.filter((row) => row[5] === 'Unknown').map((row) => `resp-cms-${row[1]!.toLowerCase()}`)
    expect(unknown).toHaveLength(76)
    for (const id of unknown) expect(responses.find((response) => response.id === id)!.penalty?.amount).toBeUndefined()
  })

  it('keeps each date at the precision the tracker gives, never more', () => {
    const counts = { year: 0, month: 0, day: 0, none: 0 }
    responses.forEach((response, index) => {
      const cell = download.data[index]![4]!
      if (response.datedOn === undefined) {
        counts.none += 1
        expect(cell).toBe('Unknown')
        return
      }
      counts[precisionOf(response.datedOn as PartialDate)] += 1
      expect(response.datedOn).toBe(cell)
    })
    expect(counts).toEqual({ year: 201, month: 8, day: 1994, none: 22 })
  })

  it('reports each quirk of the file as a notice', () => {
    expect(countNotices(/field "controllerProcessor": The fined controller is not named/)).toBe(118)
    expect(countNotices(/field "dateOfDecision": The date of the decision is unknown/)).toBe(22)
    expect(countNotices(/field "quotedArticles": Not linked/)).toBe(152)
    expect(countNotices(/field "quotedArticles": .* names no law/)).toBe(1)
    expect(countNotices(/field "summary": HTML markup/)).toBe(13)
    expect(countNotices(/field "fineEUR": The fine is recorded as 0/)).toBe(6)
    expect(countNotices(/field "sourceHTML": No source document/)).toBe(1)
    expect(reading.notices).toHaveLength(313)
  })

  it('links GDPR articles on almost every fine', () => {
    expect(responses.filter((response) => response.legalBasis.length === 0)).toHaveLength(45)
  })

  it('folds "Private individual" and "Private Individual" into one organisation', () => {
    const spellings = new Set(download.data.map((row) => row[6]).filter((name) => name?.toLowerCase() === 'private individual'))
    expect(spellings).toEqual(new Set(['Private individual', 'Private Individual']))
    expect(recordsOf<Organisation>(reading, 'organisation').filter((organisation) => organisation.id === 'org-cms-private-individual')).toHaveLength(1)
  })

  it('stores every name and text in NFC, free of HTML', () => {
    for (const candidate of reading.candidates) {
      const text = JSON.stringify(candidate.typed.record)
      expect(text.normalize('NFC')).toBe(text)
    }
    for (const response of responses) expect(response.description ?? '').not.toMatch(/<a\b|<img\b|&amp;/)
  })

  it('is deterministic: reading the file twice gives identical readings', () => {
    expect(readCmsFines(download, context(FILE))).toEqual(reading)
  })
})
