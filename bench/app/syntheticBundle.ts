import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle } from '@shared/domain/bundle'
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, type Incident } from '@shared/domain/incident'
import type { IncidentResponse, ResponseKind } from '@shared/domain/incidentResponse'
import type { Organisation, OrganisationKind } from '@shared/domain/organisation'
import type { Source } from '@shared/domain/source'
import { seededRandom, type SeededRandom } from '../search/seededRandom'

// The knowledge base the app suite imports: a Precedent bundle of n records, seeded (the same n
// gives the same file), mixed as the public catalogues mix them once imported (VCDB and AIID give an
// incident and its organisations per row, the fines trackers a response with its regulator and a
// source): 40 % incidents, 25 % responses, 20 % sources, 15 % organisations. Every incident names
// one or two organisations and jurisdictions and cites a source; every response is taken by one of
// a few dozen regulators about an incident, as real enforcement data is. About 2 % of organisations
// and 1 % of incidents are near-duplicates of another (the same company under another legal form,
// the same breach reported twice), so the Duplicates page has something to find, as it does with
// real imports.

/** Built-in jurisdiction ids (resources/jurisdictions.json) the records are placed in. */
const JURISDICTIONS = [
  'US',
  'GB',
  'FR',
  'DE',
  'IT',
  'ES',
  'IE',
  'NL',
  'SE',
  'PL',
  'IN',
  'BR',
  'JP',
  'KR',
  'AU',
  'CA',
  'SG',
  'ZA',
  'NG',
  'CN',
  'MX',
  'AR',
  'BE',
  'AT',
  'DK',
  'FI',
  'NO',
  'PT',
  'GR',
  'RO'
]
const NAME_STARTS = [
  'Nova',
  'Alpha',
  'Blue',
  'Green',
  'Sun',
  'Star',
  'Quantum',
  'Metro',
  'Pacific',
  'Atlas',
  'Vertex',
  'Horizon',
  'Orion',
  'Delta',
  'Summit',
  'Crest',
  'Apex',
  'Lumen',
  'Terra',
  'Zen',
  'Cedar',
  'Harbor',
  'Iron',
  'Maple',
  'Silver'
]
const NAME_ENDS = [
  'soft',
  'net',
  'pay',
  'health',
  'bank',
  'mart',
  'link',
  'data',
  'cloud',
  'tel',
  'gen',
  'care',
  'ware',
  'logic',
  'media',
  'trust',
  'ride',
  'shop',
  'play',
  'med'
]
const SUFFIXES = ['Inc.', 'Ltd', 'GmbH', 'S.A.', 'plc', 'Group', 'Holdings', 'Technologies', 'LLC', 'SAS']
const EVENTS = [
  'data breach',
  'ransomware attack',
  'unauthorised access',
  'misconfigured database',
  'phishing campaign',
  'insider leak',
  'credential stuffing',
  'lost laptop',
  'exposed storage bucket',
  'payment card skimming',
  'covert tracking',
  'unlawful data sharing',
  'consent violation'
]
const DATA = [
  'names',
  'email addresses',
  'phone numbers',
  'passwords',
  'payment card numbers',
  'health records',
  'location history',
  'national identity numbers',
  'purchase records',
  'salary data'
]
const PEOPLE = ['customers', 'users', 'patients', 'employees', 'students', 'subscribers', 'account holders']
const PUBLISHERS = [
  'Reuters',
  'Associated Press',
  'The Guardian',
  'Le Monde',
  'Der Spiegel',
  'El País',
  'The Hindu',
  'Nikkei',
  'Regulator press office',
  'DataBreaches.net',
  'HHS OCR breach portal',
  'Enforcement tracker'
]
const RESPONSE_KINDS: readonly ResponseKind[] = [
  'fine',
  'fine',
  'fine',
  'investigation',
  'warning',
  'statement',
  'settlement',
  'rectification-order',
  'court-ruling',
  'notice'
]
const ORGANISATION_KINDS: readonly OrganisationKind[] = ['company', 'company', 'company', 'company', 'product', 'government-body']
const CREATED_AT = '2026-01-01T00:00:00.000Z'
/** Regulators taking the responses: a few dozen, as the national authorities of real data (fewer in tiny bundles). */
const regulatorCount = (n: number): number => Math.max(2, Math.min(40, Math.round(n / 100)))

/** How many records of each type a knowledge base of n records (n ≥ 20) holds; they add up to n. */
export function recordMix(n: number): { organisations: number; sources: number; incidents: number; responses: number } {
  const organisations = Math.max(regulatorCount(n) + 2, Math.round(n * 0.15))
  const sources = Math.max(1, Math.round(n * 0.2))
  const incidents = Math.max(1, Math.round(n * 0.4))
  return { organisations, sources, incidents, responses: Math.max(0, n - organisations - sources - incidents) }
}

// Ids here are plain strings; the app brands them when it parses the file (test/bench checks it does).
const pad = (index: number): string => String(index).padStart(7, '0')
const bookkeeping = { createdAt: CREATED_AT, updatedAt: CREATED_AT, revision: 1 }

function partialDate(random: SeededRandom): string {
  const year = 2005 + random.int(21)
  const month = String(1 + random.int(12)).padStart(2, '0')
  const day = String(1 + random.int(28)).padStart(2, '0')
  const precision = random.next()
  return precision < 0.2 ? String(year) : precision < 0.45 ? `${year}-${month}` : `${year}-${month}-${day}`
}

function companyName(random: SeededRandom, index: number): string {
  // Thousands of distinct names: two pieces and a serial word, as catalogues of small firms look.
  return `${random.pick(NAME_STARTS)}${random.pick(NAME_ENDS)} ${index.toString(36)} ${random.pick(SUFFIXES)}`
}

/** The synthetic knowledge base of n records as a Precedent bundle, plus a word that finds records. */
export function syntheticAppBundle(n: number, seed = 10): { bundle: Bundle; searchWord: string; hubOrganisationId: string; firstIncidentId: string } {
  const random = seededRandom(seed + n)
  const mix = recordMix(n)
  const regulators = regulatorCount(n)
  const organisations: Organisation[] = []
  for (let index = 0; index < mix.organisations; index += 1) {
    const id = `bench-org-${pad(index)}`
    if (index < regulators) {
      organisations.push({
        id,
        name: `Data Protection Authority ${index + 1} of ${JURISDICTIONS[index % JURISDICTIONS.length]}`,
        aliases: [],
        kind: 'regulator',
        headquartersJurisdictionId: JURISDICTIONS[index % JURISDICTIONS.length],
        links: [],
        citations: [],
        ...bookkeeping
      } as unknown as Organisation)
      continue
    }
    const twin = index > regulators + 10 && random.chance(0.02) ? organisations[regulators + random.int(index - regulators)] : undefined
    // A near-duplicate: the same company under another legal form (what the Duplicates page finds).
    const name = twin ? `${twin.name.replace(/ \S+$/, '')} ${random.pick(SUFFIXES)}` : companyName(random, index)
    organisations.push({
      id,
      name,
      aliases: [],
      kind: random.pick(ORGANISATION_KINDS),
      headquartersJurisdictionId: random.pick(JURISDICTIONS),
      description: `${name} operates in ${random.pick(DATA)} and ${random.pick(DATA)} services.`,
      links:
        index > regulators + 5 && random.chance(0.1)
          ? [{ relation: 'parent', organisationId: organisations[regulators + random.int(index - regulators)]!.id }]
          : [],
      citations: [],
      ...bookkeeping
    } as unknown as Organisation)
  }
  const sources: Source[] = []
  for (let index = 0; index < mix.sources; index += 1) {
    const publishedOn = partialDate(random)
    sources.push({
      id: `bench-src-${pad(index)}`,
      title: `${random.pick(PUBLISHERS)} report ${index}: ${random.pick(EVENTS)} exposed ${random.pick(DATA)}`,
      publisher: random.pick(PUBLISHERS),
      publishedOn,
      url: `https://news.example.org/${index}`,
      ...bookkeeping
    } as unknown as Source)
  }
  const companies = organisations.slice(regulators)
  const incidents: Incident[] = []
  for (let index = 0; index < mix.incidents; index += 1) {
    const operator = random.pick(companies)
    const twin = index > 10 && random.chance(0.01) ? incidents[random.int(index)] : undefined
    const event = random.pick(EVENTS)
    const title = twin
      ? `${twin.title} (reported again)`
      : `${operator.name} ${event} exposed ${random.pick(DATA)} of ${1 + random.int(900)}k ${random.pick(PEOPLE)}`
    const jurisdictionIds = random.chance(0.2) ? [random.pick(JURISDICTIONS), random.pick(JURISDICTIONS)] : [random.pick(JURISDICTIONS)]
    incidents.push({
      id: `bench-inc-${pad(index)}`,
      title,
      summary: `${operator.name} reported a ${event}. ${random.pick(DATA)} and ${random.pick(DATA)} of ${random.pick(PEOPLE)} were affected; the regulator was notified.`,
      categories: [random.pick(INCIDENT_CATEGORIES)],
      dataCategories: [random.pick(DATA)],
      occurredOn: twin?.occurredOn ?? partialDate(random),
      status: random.pick(INCIDENT_STATUSES),
      tags: [],
      jurisdictionIds: [...new Set(jurisdictionIds)],
      organisations: random.chance(0.3)
        ? [
            { organisationId: operator.id, role: 'operator' },
            { organisationId: random.pick(companies).id, role: 'involved' }
          ].filter((entry, at, all) => all.findIndex((other) => other.organisationId === entry.organisationId) === at)
        : [{ organisationId: operator.id, role: 'operator' }],
      implicatedProvisions: [],
      citations: [{ sourceId: random.pick(sources).id }],
      ...bookkeeping
    } as unknown as Incident)
  }
  const responses: IncidentResponse[] = []
  for (let index = 0; index < mix.responses; index += 1) {
    const incident = random.pick(incidents)
    const kind = random.pick(RESPONSE_KINDS)
    // Enforcement is concentrated: a few regulators take most actions (skewed pick).
    const actor = random.pickSkewed(organisations.slice(0, regulators))
    responses.push({
      id: `bench-resp-${pad(index)}`,
      title: `${actor.name} ${kind.replace(/-/g, ' ')} about ${incident.title.slice(0, 80)}`,
      kind,
      actorId: actor.id,
      datedOn: partialDate(random),
      stage: 'enacted',
      targetOrganisationIds: [incident.organisations[0]!.organisationId],
      incidentIds: [incident.id],
      legalBasis: [],
      ...(kind === 'fine' ? { penalty: { amount: 1000 * (1 + random.int(50_000)), currency: 'EUR' } } : {}),
      citations: [{ sourceId: random.pick(sources).id }],
      ...bookkeeping
    } as unknown as IncidentResponse)
  }
  const bundle: Bundle = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    id: `bench-synthetic-${n}`,
    revision: 1,
    title: `Synthetic knowledge base of ${n} records (npm run bench -- --suite app)`,
    createdAt: CREATED_AT,
    records: { jurisdictions: [], organisations, sources, laws: [], incidents, responses }
  }
  return { bundle, searchWord: companies[0]!.name.split(' ')[0]!, hubOrganisationId: organisations[0]!.id, firstIncidentId: incidents[0]!.id }
}
