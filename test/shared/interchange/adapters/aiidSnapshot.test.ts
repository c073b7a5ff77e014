import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { findLinkProblems, type BundleRecords } from '@shared/domain/bundle'
import type { Incident } from '@shared/domain/incident'
import type { Organisation } from '@shared/domain/organisation'
import { precisionOf } from '@shared/domain/partialDate'
import type { Source } from '@shared/domain/source'
import { readAiidDuplicates } from '@shared/interchange/adapters/aiidDuplicates'
import { readAiidSnapshot, type AiidSnapshotTables } from '@shared/interchange/adapters/aiidSnapshot'
import { readAiidSnapshotFiles } from '@shared/interchange/adapters/aiidSnapshotFiles'
import type { ImportContext, ImportReading } from '@shared/interchange/importReading'
import { parseCsvTable } from '@shared/interchange/parseCsvTable'
import { sharedData } from '../../../support/sharedData'
import { inEnglish, thrownInEnglish, withReasonInEnglish } from '../../../support/words'

const aiidFolder = sharedData('aiid-2026-02')
const context: ImportContext = { file: 'incidents.csv', importedAt: '2026-11-29T00:00:00.000Z', jurisdictionIds: new Set(['US']) }

const HEADER =
  '_id,incident_id,date,reports,Alleged deployer of AI system,Alleged developer of AI system,Alleged harmed or nearly harmed parties,description,title'

/** A CSV cell holding a JSON list, quoted as AIID's export quotes it. */
const list = (...names: string[]) => `"${JSON.stringify(names).replaceAll('"', '""')}"`

function incidentRow(
  id: string,
  options: { reports?: string; date?: string; deployers?: string; developers?: string; harmed?: string; title?: string; description?: string } = {}
) {
  return [
    `ObjectId(625763db343edc875fe639${id.padStart(2, '0').slice(-2)})`,
    id,
    options.date ?? '2015-05-19',
    options.reports ?? '"[2,3]"',
    options.deployers ?? list('youtube'),
    options.developers ?? list('youtube'),
    options.harmed ?? list('children'),
    options.description ?? `Description of incident ${id}.`,
    options.title ?? `Incident ${id}`
  ].join(',')
}

function tables(rows: string[], extra: { duplicates?: string; mit?: string } = {}): AiidSnapshotTables {
  return {
    incidents: parseCsvTable(`${HEADER}\n${rows.join('\n')}\n`, 'incidents.csv'),
    duplicates: extra.duplicates === undefined ? undefined : parseCsvTable(extra.duplicates, 'duplicates.csv'),
    classificationsMit: extra.mit === undefined ? undefined : parseCsvTable(extra.mit, 'classifications_MIT.csv')
  }
}

function recordsOf<T>(reading: ImportReading, type: string): T[] {
  return reading.candidates.filter((candidate) => candidate.typed.type === type).map((candidate) => candidate.typed.record as T)
}
const incidentsOf = (reading: ImportReading) => recordsOf<Incident>(reading, 'incident')
const organisationsOf = (reading: ImportReading) => recordsOf<Organisation>(reading, 'organisation')

describe('readAiidSnapshot', () => {
  it('reads an incident with its title, description, date and status, citing its AIID page', () => {
    const reading = readAiidSnapshot(tables([incidentRow('1', { title: 'YouTube Kids shows disturbing videos', description: 'Filters failed.' })]), context)
    expect(reading.rejected.map(withReasonInEnglish)).toEqual([])
    const [incident] = incidentsOf(reading)
    expect(incident).toMatchObject({
      id: 'aiid-1',
      title: 'YouTube Kids shows disturbing videos',
      summary: 'Filters failed.',
      occurredOn: '2015-05-19',
      status: 'alleged',
      categories: ['other'],
      citations: [{ sourceId: 'src-aiid-1', locator: 'Incident 1' }]
    })
    expect(recordsOf<Source>(reading, 'source')).toEqual([
      expect.objectContaining({
        id: 'src-aiid-1',
        url: 'https://incidentdatabase.ai/cite/1/',
        publisher: 'AI Incident Database (Responsible AI Collaborative)'
      })
    ])
    expect(reading.candidates.map((candidate) => [candidate.typed.type, candidate.origin])).toEqual([
      ['organisation', { file: 'incidents.csv', row: 2, field: 'Alleged deployer of AI system' }],
      ['organisation', { file: 'incidents.csv', row: 2, field: 'Alleged harmed or nearly harmed parties' }],
      ['source', { file: 'incidents.csv', row: 2, field: 'incident_id' }],
      ['incident', { file: 'incidents.csv', row: 2 }]
    ])
  })

  it('keeps a date at the precision given and never adds one that is missing', () => {
    const reading = readAiidSnapshot(
      tables([incidentRow('1', { date: '2015' }), incidentRow('2', { date: '2016-03' }), incidentRow('3', { date: '' })]),
      context
    )
    expect(incidentsOf(reading).map((incident) => incident.occurredOn)).toEqual(['2015', '2016-03', undefined])
    expect(precisionOf(incidentsOf(reading)[1]!.occurredOn!)).toBe('month')
  })

  it('rejects a row whose date is not a date, naming the column', () => {
    const reading = readAiidSnapshot(tables([incidentRow('1', { date: '2015-13-40' }), incidentRow('2')]), context)
    expect(incidentsOf(reading).map((incident) => incident.id)).toEqual(['aiid-2'])
    expect(reading.rejected.map(withReasonInEnglish)).toEqual([
      { file: 'incidents.csv', row: 2, field: 'date', message: expect.stringContaining('2015-13-40') as string }
    ])
  })

  it('makes each entity one organisation, linked as operator when it deployed the system and involved otherwise', () => {
    const reading = readAiidSnapshot(
      tables([
        incidentRow('23', { deployers: list('navya', 'keolis-north-america'), developers: list('navya'), harmed: list('navya', 'bus-passengers') }),
        incidentRow('24', { deployers: list('uber'), developers: list('navya'), harmed: list('pedestrians') })
      ]),
      context
    )
    const [first, second] = incidentsOf(reading)
    expect(first!.organisations).toEqual([
      { organisationId: 'org-aiid-navya', role: 'operator' },
      { organisationId: 'org-aiid-keolis-north-america', role: 'operator' },
      { organisationId: 'org-aiid-bus-passengers', role: 'involved' }
    ])
    expect(second!.organisations).toEqual([
      { organisationId: 'org-aiid-uber', role: 'operator' },
      { organisationId: 'org-aiid-navya', role: 'involved' },
      { organisationId: 'org-aiid-pedestrians', role: 'involved' }
    ])
    expect(organisationsOf(reading).map((organisation) => [organisation.id, organisation.name, organisation.kind])).toEqual([
      ['org-aiid-navya', 'Navya', 'other'],
      ['org-aiid-keolis-north-america', 'Keolis North America', 'other'],
      ['org-aiid-bus-passengers', 'Bus Passengers', 'other'],
      ['org-aiid-uber', 'Uber', 'other'],
      ['org-aiid-pedestrians', 'Pedestrians', 'other']
    ])
    expect(organisationsOf(reading)[0]!.description).toBe('Named in the AI Incident Database as "navya".')
  })

  it('rejects a row whose entity cell is not a JSON list of names, naming the column, and keeps the others', () => {
    const reading = readAiidSnapshot(
      tables([
        incidentRow('1', { deployers: '"[""youtube"""' }),
        incidentRow('2', { developers: '"{""name"":""x""}"' }),
        incidentRow('3', { harmed: '"[1,2]"' }),
        incidentRow('4', { harmed: '"{""__proto__"":{}}"' }),
        incidentRow('5', { deployers: '', harmed: '"[]"' })
      ]),
      context
    )
    expect(incidentsOf(reading).map((incident) => incident.id)).toEqual(['aiid-5'])
    expect(reading.rejected.map((problem) => [problem.row, problem.field])).toEqual([
      [2, 'Alleged deployer of AI system'],
      [3, 'Alleged developer of AI system'],
      [4, 'Alleged harmed or nearly harmed parties'],
      [5, 'Alleged harmed or nearly harmed parties']
    ])
    expect(inEnglish(reading.rejected[0]!.message)).toMatch(/^The cell must be a JSON list of names such as \["youtube"\]; it is not valid JSON at line 1/)
    expect(inEnglish(reading.rejected[3]!.message)).toContain('"__proto__"')
    // Entities of rejected rows are not imported.
    expect(organisationsOf(reading).map((organisation) => organisation.id)).toEqual(['org-aiid-youtube'])
  })

  it('rejects a row whose reports cell is not a list of report numbers, as a sign the row is damaged', () => {
    const reading = readAiidSnapshot(
      tables([incidentRow('1', { reports: '"[2,""x""]"' }), incidentRow('2', { reports: '"[2,"' }), incidentRow('3', { reports: '[42]' })]),
      context
    )
    expect(incidentsOf(reading).map((incident) => incident.id)).toEqual(['aiid-3'])
    expect(reading.rejected.map((problem) => [problem.row, problem.field, inEnglish(problem.message)])).toEqual([
      [2, 'reports', 'The cell must be a JSON list of report numbers such as [2,3]'],
      [3, 'reports', expect.stringMatching(/^The cell must be a JSON list of report numbers such as \[2,3\]; it is not valid JSON at line 1, column/) as string]
    ])
  })

  it('rejects a row without a usable incident number or title, and a second row with the same number', () => {
    const reading = readAiidSnapshot(tables([incidentRow('x'), incidentRow('0'), incidentRow('7', { title: '' }), incidentRow('8'), incidentRow('8')]), context)
    expect(incidentsOf(reading).map((incident) => incident.id)).toEqual(['aiid-8'])
    expect(reading.rejected.map((problem) => [problem.row, problem.field, inEnglish(problem.message)])).toEqual([
      [2, 'incident_id', '"x" is not an incident number'],
      [3, 'incident_id', '"0" is not an incident number'],
      [4, 'title', 'Title is required'],
      [6, 'incident_id', 'Incident 8 appears again (first in row 5); this row was not imported']
    ])
  })

  it('refuses a table that is not AIID incidents, naming the missing column', () => {
    const reading = readAiidSnapshot({ incidents: parseCsvTable('name,date\nx,2015\n', 'other.csv') }, context)
    expect(reading.candidates).toEqual([])
    expect(reading.rejected.map(withReasonInEnglish)).toEqual([
      { file: 'other.csv', row: 1, field: 'incident_id', message: 'The column "incident_id" is missing: is this AIID\'s incidents.csv?' },
      { file: 'other.csv', row: 1, field: 'title', message: 'The column "title" is missing: is this AIID\'s incidents.csv?' }
    ])
  })

  it('does not import a duplicate, following the chain to the incident AIID kept, and says so', () => {
    const duplicates = 'duplicate_incident_number,true_incident_number\n342,88\n88,1057\n637,112\n'
    const reading = readAiidSnapshot(tables([incidentRow('342'), incidentRow('88'), incidentRow('1057'), incidentRow('637')], { duplicates }), context)
    expect(incidentsOf(reading).map((incident) => incident.id)).toEqual(['aiid-1057'])
    expect(reading.notices.map(withReasonInEnglish)).toEqual([
      {
        file: 'incidents.csv',
        row: 2,
        field: 'incident_id',
        message: 'Incident 342 is a duplicate of incident 1057 (through 342 → 88 → 1057), which is imported instead; it was not imported'
      },
      {
        file: 'incidents.csv',
        row: 3,
        field: 'incident_id',
        message: 'Incident 88 is a duplicate of incident 1057, which is imported instead; it was not imported'
      },
      {
        file: 'incidents.csv',
        row: 5,
        field: 'incident_id',
        message: 'Incident 637 is a duplicate of incident 112, which is not in this file; it was not imported'
      }
    ])
  })

  it('tags incidents with their MIT risk domain and subdomain and maps privacy and surveillance to categories', () => {
    const mit = [
      'Namespace,Incident ID,Published,Risk Domain,Risk Subdomain,Entity,Timing,Intent',
      'MIT,1,True,2. Privacy & Security,"2.1. Compromise of privacy by obtaining, leaking or correctly inferring sensitive information",AI,Post-deployment,Unintentional',
      'MIT,2,True,2. Privacy & Security,2.2. AI system security vulnerabilities and attacks,Human,Post-deployment,Intentional',
      'MIT,3,True,4. Malicious Actors & Misuse,"4.1. Disinformation, surveillance, and influence at scale",Human,Post-deployment,Intentional',
      'MIT,4,True,4. Malicious Actors & Misuse,"4.1. Disinformation, surveillance, and influence at scale",Human,Post-deployment,Intentional',
      'MIT,5,False,2. Privacy & Security,2.2. AI system security vulnerabilities and attacks,Human,Post-deployment,Intentional',
      'MIT,99,True,3. Misinformation,3.1. False or misleading information,AI,Post-deployment,Unintentional'
    ].join('\n')
    const reading = readAiidSnapshot(
      tables(
        [
          incidentRow('1'),
          incidentRow('2'),
          incidentRow('3', { description: 'Police used facial recognition for mass surveillance.' }),
          incidentRow('4', { description: 'A deepfake video spread false claims.' }),
          incidentRow('5')
        ],
        { mit }
      ),
      context
    )
    expect(incidentsOf(reading).map((incident) => [incident.id, incident.categories, incident.tags])).toEqual([
      ['aiid-1', ['profiling'], ['2. Privacy & Security', '2.1. Compromise of privacy by obtaining, leaking or correctly inferring sensitive information']],
      ['aiid-2', ['security-vulnerability'], ['2. Privacy & Security', '2.2. AI system security vulnerabilities and attacks']],
      ['aiid-3', ['surveillance'], ['4. Malicious Actors & Misuse', '4.1. Disinformation, surveillance, and influence at scale']],
      ['aiid-4', ['other'], ['4. Malicious Actors & Misuse', '4.1. Disinformation, surveillance, and influence at scale']],
      ['aiid-5', ['other'], []]
    ])
    expect(reading.notices.map(withReasonInEnglish)).toEqual([
      { file: 'classifications_MIT.csv', field: 'Incident ID', message: '1 classifications name incidents not in incidents.csv (99); they were not used' }
    ])
  })

  it('cleans garbled text and says so on the row and field', () => {
    const reading = readAiidSnapshot(tables([incidentRow('1', { title: 'Googleâ€™s YouTube Kids' })]), context)
    expect(incidentsOf(reading)[0]!.title).toBe('Google’s YouTube Kids')
    expect(reading.notices.map(withReasonInEnglish)).toEqual([
      { file: 'incidents.csv', row: 2, field: 'title', message: expect.stringContaining('garbled characters') as string }
    ])
  })
})

describe('readAiidDuplicates', () => {
  const read = (text: string) => readAiidDuplicates(parseCsvTable(text, 'duplicates.csv'))

  it('follows chains to the end', () => {
    const { chains, rejected } = read('duplicate_incident_number,true_incident_number\n342,88\n88,1057\n90,77\n')
    expect(rejected).toEqual([])
    expect(Object.fromEntries(chains)).toEqual({ 342: [342, 88, 1057], 88: [88, 1057], 90: [90, 77] })
  })

  it('refuses loops, self-references, contradictions and bad numbers, naming the row', () => {
    const { chains, rejected } = read('duplicate_incident_number,true_incident_number\n5,6\n6,5\n7,7\n8,9\n8,10\nx,3\n11,12\n')
    expect(Object.fromEntries(chains)).toEqual({ 8: [8, 9], 11: [11, 12] })
    expect(rejected.map((problem) => [problem.row, problem.field, inEnglish(problem.message)])).toEqual([
      [2, 'duplicate_incident_number', 'Incident 5 is part of a loop of duplicates with no true incident; this row was ignored'],
      [3, 'duplicate_incident_number', 'Incident 6 is part of a loop of duplicates with no true incident; this row was ignored'],
      [4, 'true_incident_number', 'Incident 7 cannot be a duplicate of itself'],
      [6, 'true_incident_number', 'Incident 8 is already a duplicate of incident 9 (row 5); this row was ignored'],
      [7, 'duplicate_incident_number', '"x" is not an incident number']
    ])
  })
})

describe.skipIf(!aiidFolder.present)('readAiidSnapshot on the AIID snapshot of February 2026', () => {
  const table = (name: string) => parseCsvTable(readFileSync(aiidFolder.child(name), 'utf8'), name)
  const snapshot = (): AiidSnapshotTables => ({
    incidents: table('incidents.csv'),
    duplicates: table('duplicates.csv'),
    classificationsMit: table('classifications_MIT.csv')
  })
  let reading: ImportReading
  beforeAll(() => {
    reading = readAiidSnapshot(snapshot(), context)
  })

  it('imports 1,365 of 1,367 incidents, leaving out the two that are duplicates, with nothing rejected', () => {
    expect(snapshot().incidents.rows).toHaveLength(1367)
    expect(reading.rejected.map(withReasonInEnglish)).toEqual([])
    expect(incidentsOf(reading)).toHaveLength(1365)
    expect(recordsOf<Source>(reading, 'source')).toHaveLength(1365)
    expect(reading.notices.map((notice) => inEnglish(notice.message))).toEqual([
      'Incident 88 is a duplicate of incident 1057, which is imported instead; it was not imported',
      'Incident 637 is a duplicate of incident 112, which is imported instead; it was not imported'
    ])
    expect(readAiidDuplicates(snapshot().duplicates).chains.get(342)).toEqual([342, 88, 1057])
  })

  it('makes 4,475 organisations, one per entity named by an imported incident, with no dangling link', () => {
    const organisations = organisationsOf(reading)
    expect(organisations).toHaveLength(4475)
    expect(new Set(organisations.map((organisation) => organisation.id)).size).toBe(4475)
    const records: BundleRecords = {
      jurisdictions: [],
      organisations,
      sources: recordsOf<Source>(reading, 'source'),
      laws: [],
      incidents: incidentsOf(reading),
      responses: []
    }
    expect(findLinkProblems(records, new Set())).toEqual([])
  })

  it('keeps every date exactly as written, and tags and categorises by the MIT classification', () => {
    const incidents = incidentsOf(reading)
    const dates = new Map(snapshot().incidents.rows.map((row) => [`aiid-${row.cells.incident_id}`, row.cells.date]))
    expect(incidents.filter((incident) => incident.occurredOn !== dates.get(incident.id))).toEqual([])
    const count = (category: string) => incidents.filter((incident) => incident.categories.includes(category as never)).length
    expect([count('profiling'), count('security-vulnerability'), count('surveillance'), count('other')]).toEqual([78, 17, 4, 1266])
    expect(incidents.filter((incident) => incident.tags.length === 2)).toHaveLength(1240)
  })

  it('is deterministic', () => {
    expect(readAiidSnapshot(snapshot(), context)).toEqual(reading)
  })
})

describe('readAiidSnapshotFiles on a small snapshot', () => {
  const incidents = { name: 'incidents.csv', text: `${HEADER}\n${[incidentRow('1'), incidentRow('2'), incidentRow('3')].join('\n')}\n` }
  const duplicates = { name: 'duplicates.csv', text: 'duplicate_incident_number,true_incident_number\n3,1\n' }
  const mit = {
    name: 'classifications_MIT.csv',
    text: 'Namespace,Incident ID,Published,Risk Domain,Risk Subdomain,Entity,Timing,Intent\nMIT,1,True,1. Discrimination and Toxicity,1.2. Exposure to toxic content,AI,Post-deployment,Unintentional\n'
  }
  const quickadd = { name: 'quickadd.csv', text: 'incident_id,url,date_submitted,source_domain\n0,https://news.example.org/a,2025-12-16,news.example.org\n' }

  it('tells the tables apart by their headers, whatever the files are called, and names files it does not read', () => {
    const reading = readAiidSnapshotFiles([{ ...mit, name: 'mit.csv' }, { ...incidents, name: 'aiid-incidents.csv' }, duplicates, quickadd], context)
    expect(incidentsOf(reading).map((incident) => incident.id)).toEqual(['aiid-1', 'aiid-2'])
    expect(incidentsOf(reading).find((incident) => incident.id === 'aiid-1')?.tags).toEqual([
      '1. Discrimination and Toxicity',
      '1.2. Exposure to toxic content'
    ])
    expect(reading.notices.map(withReasonInEnglish)).toEqual([
      {
        file: 'quickadd.csv',
        message: 'This file is not one of the AIID tables Precedent reads (incidents, duplicates, MIT classifications); it was not read'
      },
      {
        file: 'aiid-incidents.csv',
        row: 4,
        field: 'incident_id',
        message: 'Incident 3 is a duplicate of incident 1, which is imported instead; it was not imported'
      }
    ])
  })

  it('refuses a set of files without the incidents table, or with one table twice', () => {
    expect(thrownInEnglish(() => readAiidSnapshotFiles([duplicates], context))).toContain("None of these files is the AIID snapshot's incidents.csv")
    expect(thrownInEnglish(() => readAiidSnapshotFiles([duplicates, { ...duplicates, name: 'copy.csv' }, incidents], context))).toContain(
      'copy.csv: This is the same AIID table as duplicates.csv; choose one of them'
    )
  })
})

describe.skipIf(!aiidFolder.present)('readAiidSnapshotFiles on the AIID snapshot of February 2026', () => {
  const read = (name: string) => ({ name, text: readFileSync(aiidFolder.child(name), 'utf8') })

  it('tells the tables apart by their headers, whatever the files are called, and names files it does not read', () => {
    const files = [
      { ...read('classifications_MIT.csv'), name: 'mit.csv' },
      { ...read('incidents.csv'), name: 'aiid-incidents.csv' },
      read('duplicates.csv'),
      read('quickadd.csv')
    ]
    const reading = readAiidSnapshotFiles(files, context)
    expect(incidentsOf(reading)).toHaveLength(1365)
    expect(incidentsOf(reading).find((incident) => incident.id === 'aiid-1')?.tags).toEqual([
      '1. Discrimination and Toxicity',
      '1.2. Exposure to toxic content'
    ])
    expect(withReasonInEnglish(reading.notices[0]!)).toEqual({
      file: 'quickadd.csv',
      message: 'This file is not one of the AIID tables Precedent reads (incidents, duplicates, MIT classifications); it was not read'
    })
    expect(reading.notices.slice(1).map((notice) => notice.file)).toEqual(['aiid-incidents.csv', 'aiid-incidents.csv'])
  })

  it('refuses a set of files without the incidents table, or with one table twice', () => {
    expect(thrownInEnglish(() => readAiidSnapshotFiles([read('duplicates.csv')], context))).toContain(
      "None of these files is the AIID snapshot's incidents.csv"
    )
    expect(
      thrownInEnglish(() => readAiidSnapshotFiles([read('duplicates.csv'), { ...read('duplicates.csv'), name: 'copy.csv' }, read('incidents.csv')], context))
    ).toContain('copy.csv: This is the same AIID table as duplicates.csv; choose one of them')
  })
})
