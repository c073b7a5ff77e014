import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Incident } from '@shared/domain/incident'
import type { Organisation } from '@shared/domain/organisation'
import { precisionOf, type PartialDate } from '@shared/domain/partialDate'
import type { Source } from '@shared/domain/source'
import { readVerisIncidents } from '@shared/interchange/adapters/verisIncidents'
import { categoriesOfVariety, VERIS_ACTIONS, VERIS_STATUSES, VERIS_VARIETY_CATEGORIES } from '@shared/interchange/adapters/verisVocabulary'
import type { ImportReading } from '@shared/interchange/importReading'
import { sourceIdForWebAddress } from '@shared/interchange/text/webAddresses'
import { context, danglingLinks, JURISDICTION_IDS, repeatedIds, VERIS_SCHEMA_FOLDER, verisIncident, verisSchemaErrors } from './verisFixtures'
import { sharedData } from '../../../support/sharedData'
import { describedInEnglish as describeImportProblem, thrownInEnglish, withReasonInEnglish } from '../../../support/words'

const vcdbFile = sharedData('vcdb-2013/incidents.json')

const recordsOf = <T>(reading: ImportReading, type: string): T[] =>
  reading.candidates.filter((candidate) => candidate.typed.type === type).map((candidate) => candidate.typed.record as T)
const onlyIncident = (reading: ImportReading): Incident => {
  const incidents = recordsOf<Incident>(reading, 'incident')
  expect(incidents).toHaveLength(1)
  return incidents[0]!
}
const read = (...rows: unknown[]) => readVerisIncidents(rows, context())
const messages = (reading: ImportReading, kind: 'notices' | 'rejected' = 'notices') => reading[kind].map(describeImportProblem)

describe('the test fixture', () => {
  it('is a valid VERIS incident by the VERIS schema', () => {
    expect(verisSchemaErrors(verisIncident())).toEqual([])
  })
})

describe('the VERIS vocabulary used for mapping', () => {
  const enumerations = JSON.parse(readFileSync(resolve(VERIS_SCHEMA_FOLDER, 'verisc-enum.json'), 'utf8')) as {
    security_incident: string[]
    action: Record<string, { variety: string[] }>
  }

  it('names only actions and varieties that VERIS defines', () => {
    expect(VERIS_ACTIONS.filter((action) => enumerations.action[action] === undefined)).toEqual([])
    const unknown = Object.keys(VERIS_VARIETY_CATEGORIES).filter((key) => {
      const [action, variety] = key.split(/\.(.*)/s) as [string, string]
      return !(enumerations.action[action]?.variety ?? []).includes(variety)
    })
    expect(unknown).toEqual([])
  })

  it('reads varieties whatever their case, as VERIS 1.2 and 1.4 spell them', () => {
    expect(categoriesOfVariety('malware', 'Ram scraper')).toEqual(['surveillance'])
    expect(categoriesOfVariety('malware', 'RAM scraper')).toEqual(['surveillance'])
  })

  it('maps every security_incident value VERIS defines', () => {
    expect(Object.keys(VERIS_STATUSES).sort()).toEqual([...enumerations.security_incident].sort())
  })
})

describe('readVerisIncidents: one incident', () => {
  const reading = read(verisIncident())
  const incident = onlyIncident(reading)

  it('makes a deterministic id from incident_id, in lower case', () => {
    expect(incident.id).toBe('veris-0012cc25-9167-40d8-8fe3-3d0dfd8fb6bb')
  })

  it('titles the incident by what happened and to whom', () => {
    expect(incident.title).toBe('Hacking (SQLi) at Universal Jobmatch')
  })

  it('keeps the summary, the status and the precision of the date', () => {
    expect(incident.summary).toBe('Hackers registered as an employer and obtained passport scans.')
    expect(incident.status).toBe('confirmed')
    expect(incident.occurredOn).toBe('2012-12')
  })

  it('maps categories, data varieties, affected count, tags and jurisdiction', () => {
    expect(incident.categories).toEqual(['breach', 'security-vulnerability'])
    expect(incident.dataCategories).toEqual(['Personal'])
    expect(incident.affectedUsers).toEqual({ count: 1200, isEstimate: false })
    expect(incident.tags).toEqual(['SQLi', 'NAICS 519190', 'External actor'])
    expect(incident.jurisdictionIds).toEqual(['GB'])
  })

  it('records the victim as an organisation, linked as operator', () => {
    const [organisation] = recordsOf<Organisation>(reading, 'organisation')
    expect(organisation).toMatchObject({ id: 'org-veris-universal-jobmatch', name: 'Universal Jobmatch', kind: 'company', headquartersJurisdictionId: 'GB' })
    expect(incident.organisations).toEqual([{ organisationId: 'org-veris-universal-jobmatch', role: 'operator' }])
  })

  it('makes each referenced web address a source the incident cites', () => {
    const sources = recordsOf<Source>(reading, 'source')
    expect(sources.map((source) => source.url)).toEqual(['https://news.example.org/jobmatch', 'https://www.example.com/report.pdf'])
    expect(sources.map((source) => source.id)).toEqual([
      sourceIdForWebAddress('https://news.example.org/jobmatch'),
      sourceIdForWebAddress('https://www.example.com/report.pdf')
    ])
    expect(sources[1]).toMatchObject({ title: 'www.example.com/report.pdf', publisher: 'example.com' })
    expect(incident.citations).toEqual(sources.map((source) => ({ sourceId: source.id })))
  })

  it('puts organisations and sources before the incidents that link them', () => {
    expect(reading.candidates.map((candidate) => candidate.typed.type)).toEqual(['organisation', 'source', 'source', 'incident'])
    expect(reading.candidates.at(-1)!.origin).toEqual({ file: 'incidents.json', row: 1 })
  })

  it('reads a single incident object as well as an array', () => {
    expect(readVerisIncidents(verisIncident(), context())).toEqual(reading)
  })
})

describe('readVerisIncidents: dates', () => {
  const occurred = (incident: Record<string, unknown>) => onlyIncident(read(verisIncident({ timeline: { incident } }))).occurredOn

  it('keeps a year as a year and a day as a day', () => {
    expect(occurred({ year: 2013 })).toBe('2013')
    expect(occurred({ year: 2013, month: 5, day: 21 })).toBe('2013-05-21')
  })

  it('keeps only the year of a day without a month, with a notice', () => {
    const reading = read(verisIncident({ timeline: { incident: { year: 2013, day: 21 } } }))
    expect(onlyIncident(reading).occurredOn).toBe('2013')
    expect(messages(reading)).toContain('incidents.json, row 1, field "timeline.incident": A day (21) is given without a month; only the year 2013 was kept')
  })

  it('keeps the month of a day the month does not have, with a notice', () => {
    const reading = read(verisIncident({ timeline: { incident: { year: 2013, month: 4, day: 31 } } }))
    expect(onlyIncident(reading).occurredOn).toBe('2013-04')
    expect(messages(reading)[0]).toMatch(/row 1, field "timeline.incident": .*April 2013 has no day 31.*only the month 2013-04 was kept/)
  })

  it('keeps a notification date that is plausible, as disclosure', () => {
    const incident = onlyIncident(
      read(verisIncident({ timeline: { incident: { year: 2012 } }, plus: { timeline: { notification: { year: 2012, month: 12, day: 10 } } } }))
    )
    expect(incident.disclosedOn).toBe('2012-12-10')
  })

  it('leaves out a notification date in the future or before the incident, naming row and field', () => {
    const reading = read(
      verisIncident({ incident_id: 'a', plus: { timeline: { notification: { year: 2103, month: 2, day: 26 } } } }),
      verisIncident({
        incident_id: 'b',
        timeline: { incident: { year: 2013, month: 7, day: 21 } },
        plus: { timeline: { notification: { year: 2013, month: 7, day: 18 } } }
      }),
      verisIncident({
        incident_id: 'c',
        timeline: { incident: { year: 2013, month: 7 } },
        plus: { timeline: { notification: { year: 2013, month: 7, day: 1 } } }
      })
    )
    const incidents = recordsOf<Incident>(reading, 'incident')
    expect(incidents.map((incident) => incident.disclosedOn)).toEqual([undefined, undefined, '2013-07-01'])
    expect(messages(reading)).toEqual([
      'incidents.json, row 1, field "plus.timeline.notification": The notification date 2103-02-26 is after the import (2026-11-29); it was left out',
      'incidents.json, row 2, field "plus.timeline.notification": The notification date 2013-07-18 is before the incident (2013-07-21); it was left out'
    ])
  })
})

describe('readVerisIncidents: mapping rules', () => {
  it('titles an incident with several actions, and one whose varieties are unknown', () => {
    const several = onlyIncident(
      read(
        verisIncident({ action: { social: { variety: ['Bribery'], vector: ['In-person'] }, misuse: { variety: ['Privilege abuse'], vector: ['LAN access'] } } })
      )
    )
    expect(several.title).toBe('Social engineering (Bribery) and Privilege abuse at Universal Jobmatch')
    const unknown = onlyIncident(read(verisIncident({ action: { physical: { variety: ['Unknown'], vector: ['Unknown'] } } })))
    expect(unknown.title).toBe('Physical attack at Universal Jobmatch')
    expect(unknown.categories).toEqual(['breach'])
  })

  it('titles an incident without a named victim, with a notice', () => {
    const reading = read(verisIncident({ victim: { country: ['US'], employee_count: 'Unknown', industry: '0000', government: ['NA'] } }))
    expect(onlyIncident(reading).title).toBe('Hacking (SQLi) at an unnamed organisation')
    expect(onlyIncident(reading).organisations).toEqual([])
    expect(messages(reading)).toContain(
      'incidents.json, row 1, field "victim.victim_id": The victim is not named; the incident is imported without an organisation'
    )
  })

  it.each([
    [{ error: { variety: ['Misdelivery'], vector: ['Unknown'] } }, 'No', ['unauthorised-sharing']],
    [{ malware: { variety: ['Spyware/Keylogger'], vector: ['Unknown'] } }, 'Potentially', ['breach', 'surveillance']],
    [{ environmental: { variety: ['Humidity'] } }, 'No', ['other']]
  ])('maps actions %j with disclosure %s to categories %j', (action, disclosure, categories) => {
    const incident = onlyIncident(read(verisIncident({ action, attribute: { confidentiality: { data_disclosure: disclosure } } })))
    expect(incident.categories).toEqual(categories)
  })

  it.each([
    ['Confirmed', 'confirmed'],
    ['Suspected', 'alleged'],
    ['False positive', 'disputed']
  ])('reads security_incident %s as %s', (value, status) => {
    expect(onlyIncident(read(verisIncident({ security_incident: value }))).status).toBe(status)
  })

  it('reads an unknown security_incident as alleged, with a notice', () => {
    const reading = read(verisIncident({ security_incident: 'Maybe' }))
    expect(onlyIncident(reading).status).toBe('alleged')
    expect(messages(reading)).toContain(
      'incidents.json, row 1, field "security_incident": "Maybe" is not a VERIS security_incident value; the incident is imported as alleged'
    )
  })

  it('takes the largest data amount as an estimate when there is no total, and never reads 0 as nobody', () => {
    const estimated = onlyIncident(
      read(
        verisIncident({
          attribute: {
            confidentiality: {
              data_disclosure: 'Yes',
              data: [
                { variety: 'Medical', amount: 300 },
                { variety: 'Personal', amount: 500 }
              ]
            }
          }
        })
      )
    )
    expect(estimated.affectedUsers).toEqual({ count: 500, isEstimate: true })
    const zero = onlyIncident(
      read(verisIncident({ attribute: { confidentiality: { data_disclosure: 'Yes', data_total: 0, data: [{ variety: 'Unknown', amount: 0 }] } } }))
    )
    expect(zero.affectedUsers).toBeUndefined()
    expect(zero.dataCategories).toEqual([])
  })

  it('names a country code that is not a jurisdiction in a notice, and skips "Unknown" silently', () => {
    const reading = read(
      verisIncident({ victim: { victim_id: 'Acme', country: ['XZ', 'Unknown', 'US'], employee_count: 'Unknown', industry: '921', government: ['Local'] } })
    )
    expect(onlyIncident(reading).jurisdictionIds).toEqual(['US'])
    expect(messages(reading)).toEqual(['incidents.json, row 1, field "victim.country": "XZ" is not a known country code; the incident is imported without it'])
    expect(recordsOf<Organisation>(reading, 'organisation')[0]).toMatchObject({ kind: 'government-body', headquartersJurisdictionId: 'US' })
  })

  it('reads VERIS 1.2 shapes too: country as a string, a key with stray spaces', () => {
    const reading = read(
      verisIncident({
        victim: { victim_id: 'Acme', country: 'CA', industry: '0000' },
        attribute: { ' confidentiality': { data_disclosure: 'Yes', data: [{ variety: 'Bank' }] } }
      })
    )
    const incident = onlyIncident(reading)
    expect(incident.jurisdictionIds).toEqual(['CA'])
    expect(incident.dataCategories).toEqual(['Bank'])
    expect(incident.tags).not.toContain('NAICS 0000')
    expect(messages(reading)).toEqual(['incidents.json, row 1, field "attribute.confidentiality": The key " confidentiality" was read as "confidentiality"'])
  })

  it('makes one organisation per victim in a file, other spellings of accepted rows becoming aliases', () => {
    const reading = read(
      verisIncident({ incident_id: 'a', victim: { victim_id: 'Pfizer, Inc.', country: ['US'], industry: '325412' } }),
      verisIncident({ incident_id: 'b', victim: { victim_id: 'Pfizer Inc ', country: ['US'], industry: '325412' } }),
      verisIncident({ incident_id: 'rejected id!', victim: { victim_id: 'PFIZER INC', country: ['US'], industry: '325412' } })
    )
    const organisations = recordsOf<Organisation>(reading, 'organisation')
    expect(organisations).toHaveLength(1)
    expect(organisations[0]).toMatchObject({ id: 'org-veris-pfizer-inc', name: 'Pfizer, Inc.', aliases: [{ name: 'Pfizer Inc' }] })
    expect(recordsOf<Incident>(reading, 'incident').map((incident) => incident.organisations[0]?.organisationId)).toEqual([
      'org-veris-pfizer-inc',
      'org-veris-pfizer-inc'
    ])
  })

  it('splits references holding several addresses, reads access dates and names what is not an address', () => {
    const reading = read(
      verisIncident({
        reference: 'http://a.example/one (20130215) http://b.example/two,http://c.example/three; www.d.example/four.pdf  Breachtool http://www.'
      })
    )
    const sources = recordsOf<Source>(reading, 'source')
    expect(sources.map((source) => source.url)).toEqual([
      'http://a.example/one',
      'http://b.example/two',
      'http://c.example/three',
      'http://www.d.example/four.pdf'
    ])
    expect(sources[0]!.accessedOn).toBe('2013-02-15')
    expect(messages(reading)).toEqual([
      'incidents.json, row 1, field "reference": Text that is not a web address was not imported as a source: "Breachtool http://www."',
      'incidents.json, row 1, field "reference": An address without "http://" was read as http://www.d.example/four.pdf'
    ])
  })

  it('cleans the summary and says so', () => {
    const reading = read(verisIncident({ summary: 'Wheelsâ€™ data\uFEFF systems' }))
    expect(onlyIncident(reading).summary).toBe('Wheels’ data systems')
    expect(messages(reading)).toEqual([
      'incidents.json, row 1, field "summary": Garbled characters (UTF-8 read as Windows-1252, e.g. "â€™") were repaired; invisible characters were removed: byte-order mark (U+FEFF)'
    ])
  })
})

describe('readVerisIncidents: rejected rows', () => {
  it('rejects rows that are not incidents, have no id or repeat one, naming row and field', () => {
    const reading = read(verisIncident(), 'text', verisIncident({ incident_id: '' }), verisIncident(), verisIncident({ incident_id: 'bad id!' }))
    expect(recordsOf(reading, 'incident')).toHaveLength(1)
    expect(messages(reading, 'rejected')).toEqual([
      'incidents.json, row 2: This element is not a VERIS incident (an object with incident_id, victim, action…)',
      'incidents.json, row 3, field "incident_id": The incident has no incident_id, so it cannot be identified on a later import',
      'incidents.json, row 4, field "incident_id": The incident_id 0012cc25-9167-40d8-8fe3-3d0dfd8fb6bb was already used at row 1',
      'incidents.json, row 5, field "incident_id": An id is 1 to 100 letters, digits or -_.: and starts with a letter or digit'
    ])
  })

  it('leaves no organisation or source behind for a rejected row', () => {
    const reading = read(verisIncident({ incident_id: 'bad id!' }))
    expect(reading.candidates).toEqual([])
  })

  it('refuses a file that is not VERIS at all', () => {
    expect(thrownInEnglish(() => readVerisIncidents('nope', context()))).toContain(
      'incidents.json: The file is not VERIS: expected an incident object or an array of incidents'
    )
  })
})

describe.skipIf(!vcdbFile.present)('readVerisIncidents on VCDB 2013 (1,753 incidents)', () => {
  let vcdb: Record<string, unknown>[]
  let reading: ImportReading
  let incidents: Incident[]
  beforeAll(() => {
    vcdb = JSON.parse(vcdbFile.text()) as Record<string, unknown>[]
    reading = readVerisIncidents(vcdb, context())
    incidents = recordsOf<Incident>(reading, 'incident')
  })
  const countNotices = (pattern: RegExp) => reading.notices.filter((notice) => pattern.test(describeImportProblem(notice))).length

  it('imports every incident, with its victims and sources', () => {
    expect(incidents).toHaveLength(1753)
    expect(reading.rejected.map(withReasonInEnglish)).toEqual([])
    expect(recordsOf(reading, 'organisation')).toHaveLength(1588)
    expect(recordsOf(reading, 'source')).toHaveLength(1703)
  })

  it('links only records it reads or jurisdictions that exist, each id once', () => {
    expect(danglingLinks(reading, JURISDICTION_IDS)).toEqual([])
    expect(repeatedIds(reading)).toEqual([])
  })

  it('reports each quirk of the file as a notice', () => {
    expect(countNotices(/plus\.timeline\.notification.*after the import/)).toBe(3)
    expect(countNotices(/plus\.timeline\.notification.*before the incident/)).toBe(7)
    expect(countNotices(/field "reference": Text that is not a web address/)).toBe(36)
    expect(countNotices(/field "reference": An address without "http:\/\/"/)).toBe(6)
    expect(countNotices(/field "victim.country"/)).toBe(0) // every country is a known code or "Unknown"
    expect(countNotices(/field "victim.victim_id": The victim is not named/)).toBe(4)
    expect(countNotices(/field "summary": Garbled characters/)).toBe(3)
    expect(countNotices(/field "summary": Invisible characters were removed/)).toBe(2) // a BOM; a soft hyphen before a name
    expect(countNotices(/The key " confidentiality"/)).toBe(2)
    expect(countNotices(/field "timeline.incident"/)).toBe(2)
    expect(reading.notices).toHaveLength(65)
  })

  it('keeps each date at the precision VERIS gives it, never more', () => {
    const precisions = { year: 0, month: 0, day: 0 }
    incidents.forEach((incident, index) => {
      const source = (vcdb[index]!.timeline as { incident: { month?: number; day?: number } }).incident
      const precision = precisionOf(incident.occurredOn as PartialDate)
      precisions[precision] += 1
      const sourcePrecision = source.day !== undefined && source.month !== undefined ? 'day' : source.month !== undefined ? 'month' : 'year'
      expect(['year', 'month', 'day'].indexOf(precision)).toBeLessThanOrEqual(['year', 'month', 'day'].indexOf(sourcePrecision))
    })
    expect(precisions).toEqual({ year: 553, month: 164, day: 1036 })
  })

  it('is deterministic: reading the file twice gives identical readings', () => {
    expect(readVerisIncidents(vcdb, context())).toEqual(reading)
  })

  it('repairs the garbled summaries and keeps the Chinese one', () => {
    expect(incidents[1674]!.summary).toContain('Wheels’ data-collection')
    expect(incidents[985]!.summary).toBe((vcdb[985]!.summary as string).trim())
  })

  it('reads the fields it uses in the shapes the VERIS schema gives them', () => {
    // VCDB 2013 is VERIS 1.2.1 and the schema 1.4, so whole incidents differ (country became a
    // list, discovery_method an object); the parts read here keep their shape.
    const schema = JSON.parse(readFileSync(resolve(VERIS_SCHEMA_FOLDER, 'verisc.json'), 'utf8')) as {
      properties: Record<string, { properties: Record<string, unknown> }>
    }
    const timelineIncident = schema.properties.timeline!.properties.incident as { properties: Record<string, { type: string }>; required: string[] }
    expect(timelineIncident.required).toEqual(['year'])
    expect(['year', 'month', 'day'].map((part) => timelineIncident.properties[part]!.type)).toEqual(['integer', 'integer', 'integer'])
    const withTimeline = vcdb.map((incident) => verisSchemaErrors({ ...verisIncident(), timeline: incident.timeline }))
    expect(withTimeline.filter((errors) => errors.length > 0)).toEqual([])
    const withReference = vcdb
      .filter((incident) => typeof incident.reference === 'string')
      .map((incident) => verisSchemaErrors({ ...verisIncident(), reference: incident.reference }))
    expect(withReference.filter((errors) => errors.length > 0)).toEqual([])
  })
})
