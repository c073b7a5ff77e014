import { beforeAll, describe, expect, it } from 'vitest'
import type { Incident } from '@shared/domain/incident'
import type { Organisation } from '@shared/domain/organisation'
import type { Source } from '@shared/domain/source'
import { readHibpBreaches } from '@shared/interchange/adapters/hibpBreaches'
import { detectImportFormat, readImport } from '@shared/interchange/importers'
import type { ImportReading } from '@shared/interchange/importReading'
import { sourceIdForWebAddress } from '@shared/interchange/text/webAddresses'
import { context, danglingLinks, JURISDICTION_IDS, repeatedIds } from './verisFixtures'
import { sharedData } from '../../../support/sharedData'
import { describedInEnglish as describeImportProblem, thrownInEnglish, withReasonInEnglish } from '../../../support/words'

const hibpList = sharedData('hibp-breaches-2025/breaches.json')
const FILE = 'breaches.json'

/**
 * A synthetic breach in the 2025 shape (API v3): every field the list has. The 2018 shape (API v2)
 * is the same without the three later flags, made by `of2018`.
 */
function breach(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Name: 'ExampleShop',
    Title: 'Example Shop',
    Domain: 'exampleshop.test',
    BreachDate: '2019-06-14',
    AddedDate: '2019-08-02T10:11:12Z',
    ModifiedDate: '2019-08-02T10:11:12Z',
    PwnCount: 1234567,
    Description:
      'In June 2019, the online retailer <a href="https://blog.example.org/2019/shop-breach" target="_blank">Example Shop</a> suffered a data breach &amp; lost 1.2M records.',
    LogoPath: 'https://haveibeenpwned.com/Content/Images/PwnedLogos/ExampleShop.png',
    DataClasses: ['Email addresses', 'Passwords', 'Physical addresses'],
    IsVerified: true,
    IsFabricated: false,
    IsSensitive: false,
    IsRetired: false,
    IsSpamList: false,
    IsMalware: false,
    IsSubscriptionFree: false,
    IsStealerLog: false,
    ...fields
  }
}
const of2018 = (fields: Record<string, unknown> = {}) => {
  const { IsMalware: _malware, IsSubscriptionFree: _free, IsStealerLog: _stealer, ...older } = breach(fields)
  return older
}

const read = (...breaches: unknown[]) => readHibpBreaches(breaches, context(FILE))
const recordsOf = <T>(reading: ImportReading, type: string): T[] =>
  reading.candidates.filter((candidate) => candidate.typed.type === type).map((candidate) => candidate.typed.record as T)
const onlyIncident = (reading: ImportReading): Incident => {
  const incidents = recordsOf<Incident>(reading, 'incident')
  expect(incidents).toHaveLength(1)
  return incidents[0]!
}
const messages = (reading: ImportReading, kind: 'notices' | 'rejected' = 'notices') => reading[kind].map(describeImportProblem)

describe('readHibpBreaches: one breach', () => {
  const reading = read(breach())
  const incident = onlyIncident(reading)

  it('makes a confirmed breach incident keyed by the list’s Name, with its accounts and data classes', () => {
    expect(incident).toMatchObject({
      id: 'inc-hibp-exampleshop',
      title: 'Example Shop data breach',
      categories: ['breach'],
      status: 'confirmed',
      occurredOn: '2019-06-14',
      affectedUsers: { count: 1234567, isEstimate: false },
      dataCategories: ['Email addresses', 'Passwords', 'Physical addresses'],
      tags: []
    })
  })

  it('turns the HTML description into text', () => {
    expect(incident.summary).toBe('In June 2019, the online retailer Example Shop suffered a data breach & lost 1.2M records.')
  })

  it('names the breached company by its title, keyed by its domain', () => {
    const [organisation] = recordsOf<Organisation>(reading, 'organisation')
    expect(organisation).toMatchObject({ id: 'org-hibp-exampleshop-test', name: 'Example Shop', kind: 'company', aliases: [{ name: 'exampleshop.test' }] })
    expect(incident.organisations).toEqual([{ organisationId: 'org-hibp-exampleshop-test', role: 'operator' }])
  })

  it('cites the listing on haveibeenpwned.com, published when it was added, and the pages the description links to', () => {
    const sources = recordsOf<Source>(reading, 'source')
    expect(sources.map((source) => source.url)).toEqual(['https://haveibeenpwned.com/Breach/ExampleShop', 'https://blog.example.org/2019/shop-breach'])
    expect(sources[0]).toMatchObject({
      id: 'src-hibp-exampleshop',
      title: 'Have I Been Pwned: Example Shop',
      publisher: 'Have I Been Pwned',
      publishedOn: '2019-08-02'
    })
    expect(incident.citations).toEqual([{ sourceId: 'src-hibp-exampleshop' }, { sourceId: sourceIdForWebAddress('https://blog.example.org/2019/shop-breach') }])
  })

  it('leaves no link dangling and no notice', () => {
    expect(danglingLinks(reading, JURISDICTION_IDS)).toEqual([])
    expect(messages(reading)).toEqual([])
    expect(reading.rejected.map(withReasonInEnglish)).toEqual([])
  })

  it('reads the same file twice to identical records (a later list updates them)', () => {
    expect(read(breach()).candidates).toEqual(reading.candidates)
  })
})

describe('readHibpBreaches: both shapes and every flag', () => {
  it('reads the 2018 shape, which lacks the later flags, to the same incident', () => {
    expect(onlyIncident(read(of2018()))).toEqual(onlyIncident(read(breach())))
  })

  it('keeps the flags as tags; a fabricated breach is disputed, an unverified one alleged', () => {
    const flagged = onlyIncident(
      read(breach({ IsVerified: false, IsFabricated: true, IsSensitive: true, IsSpamList: true, IsMalware: true, IsStealerLog: true, IsRetired: true }))
    )
    expect(flagged.status).toBe('disputed')
    expect(flagged.tags).toEqual(['fabricated', 'sensitive breach', 'spam list', 'malware', 'stealer log', 'retired from Have I Been Pwned'])
    expect(onlyIncident(read(breach({ IsVerified: false }))).status).toBe('alleged')
  })

  it('names a company without a domain by its title', () => {
    const reading = read(breach({ Name: 'Combolist', Title: 'Combo List 2024', Domain: '' }))
    expect(recordsOf<Organisation>(reading, 'organisation')).toMatchObject([{ id: 'org-hibp-combo-list-2024', name: 'Combo List 2024', aliases: [] }])
  })

  it('gives one organisation to two breaches of the same domain', () => {
    const reading = read(breach(), breach({ Name: 'ExampleShop2021', BreachDate: '2021-03-02' }))
    expect(recordsOf<Organisation>(reading, 'organisation')).toHaveLength(1)
    expect(recordsOf<Incident>(reading, 'incident').map((incident) => incident.organisations[0]?.organisationId)).toEqual([
      'org-hibp-exampleshop-test',
      'org-hibp-exampleshop-test'
    ])
    expect(repeatedIds(reading)).toEqual([])
  })

  it('gives a title in another script an id', () => {
    const incident = onlyIncident(read(breach({ Name: 'Покупки', Title: 'Покупки', Domain: '' })))
    expect(incident.id).toMatch(/^inc-hibp-[0-9a-z]+$/)
    expect(incident.title).toBe('Покупки data breach')
  })
})

describe('readHibpBreaches: the breach date at the precision the list knows', () => {
  const dateOf = (BreachDate: string, Description: string) => onlyIncident(read(breach({ BreachDate, Description }))).occurredOn

  it('reads the 1st of a month as that month when the description names the month', () => {
    expect(dateOf('2015-03-01', 'In approximately March 2015, the free host suffered a breach.')).toBe('2015-03')
  })

  it('reads 1 January as the year when the description names only the year', () => {
    expect(dateOf('2012-01-01', "In approximately 2012, it's alleged that the service suffered a breach.")).toBe('2012')
    expect(dateOf('2012-01-01', 'In January 2012, the service suffered a breach.')).toBe('2012-01')
  })

  it('keeps any other 1st as a day, saying it may stand for the month', () => {
    const reading = read(breach({ BreachDate: '2016-05-01', Description: 'A breach was found in 2017.' }))
    expect(onlyIncident(reading).occurredOn).toBe('2016-05-01')
    expect(messages(reading)).toEqual([
      'breaches.json, row 1, field "BreachDate": The breach date 2016-05-01 is the 1st of a month, which the list also writes when only the month is known; it was kept as a day'
    ])
  })

  it('keeps a day that is not the 1st as written, whatever the description says', () => {
    expect(dateOf('2019-06-14', 'In March 2015 …')).toBe('2019-06-14')
  })
})

describe('readHibpBreaches: refusals name the row and field', () => {
  it('refuses a breach without a name, a count that is not a whole number, a date that is not one, and a repeated name', () => {
    const reading = read(
      breach({ Name: '' }),
      breach({ Name: 'A', PwnCount: '12' }),
      breach({ Name: 'B', BreachDate: 'Sept 23' }),
      breach({ Name: 'C', DataClasses: 'Emails' }),
      breach(),
      breach(),
      'not a breach'
    )
    expect(messages(reading, 'rejected')).toEqual([
      'breaches.json, row 1, field "Name": The breach has no Name, so it cannot be identified on a later import',
      'breaches.json, row 2, field "PwnCount": The number of accounts must be a whole number, not "12"',
      expect.stringMatching(/^breaches\.json, row 3, field "BreachDate": .*Sept 23/),
      'breaches.json, row 4, field "DataClasses": The data classes must be a list of text',
      'breaches.json, row 6, field "Name": "ExampleShop" was already listed at row 5',
      'breaches.json, row 7: A breach must be an object with Name, Title, BreachDate and PwnCount'
    ])
    expect(recordsOf<Incident>(reading, 'incident').map((incident) => incident.id)).toEqual(['inc-hibp-exampleshop'])
  })

  it('refuses a file that is not a list in one line', () => {
    expect(thrownInEnglish(() => readHibpBreaches({ breaches: [] }, context(FILE)))).toContain(
      'The file is not a Have I Been Pwned breach list: expected a JSON array of breaches'
    )
  })

  it('is recognised from the head of the file', () => {
    expect(detectImportFormat([{ name: FILE, text: JSON.stringify([breach()], null, 1) }])).toBe('hibp')
    expect(detectImportFormat([{ name: FILE, text: JSON.stringify([of2018()]) }])).toBe('hibp')
  })

  it('reads through the importers as the app and the command line do', () => {
    const reading = readImport('hibp', [{ name: FILE, text: JSON.stringify([breach()]) }], {
      importedAt: '2026-11-29T12:00:00.000Z',
      jurisdictionIds: JURISDICTION_IDS
    })
    expect(reading.format).toBe('hibp')
    expect(recordsOf<Incident>(reading, 'incident').map((incident) => incident.id)).toEqual(['inc-hibp-exampleshop'])
  })
})

describe.skipIf(!hibpList.present)('readHibpBreaches on the Have I Been Pwned list of 2025 (875 breaches)', () => {
  let reading: ImportReading
  beforeAll(() => {
    reading = readHibpBreaches(JSON.parse(hibpList.text()), context(FILE))
  })

  it('imports every breach, each linked to its organisation and listing, with nothing dangling', () => {
    const incidents = recordsOf<Incident>(reading, 'incident')
    expect(reading.rejected.map(describeImportProblem)).toEqual([])
    expect(incidents).toHaveLength(875)
    expect(incidents.every((incident) => incident.organisations.length === 1 && incident.citations.length >= 1)).toBe(true)
    expect(danglingLinks(reading, JURISDICTION_IDS)).toEqual([])
    expect(repeatedIds(reading)).toEqual([])
  })

  it('reads 000webhost as the month the description names (the list writes 2015-03-01)', () => {
    const webhost = recordsOf<Incident>(reading, 'incident').find((incident) => incident.id === 'inc-hibp-000webhost')
    expect(webhost).toMatchObject({
      occurredOn: '2015-03',
      affectedUsers: { count: 14936670, isEstimate: false },
      dataCategories: ['Email addresses', 'IP addresses', 'Names', 'Passwords']
    })
  })

  it('keeps fewer days on the 1st than the list writes (167), each with a notice', () => {
    const onTheFirst = recordsOf<Incident>(reading, 'incident').filter((incident) => /^\d{4}-\d{2}-01$/.test(incident.occurredOn ?? ''))
    expect(onTheFirst.length).toBeLessThan(167)
    expect(reading.notices.filter((notice) => notice.field === 'BreachDate')).toHaveLength(onTheFirst.length)
  })
})
