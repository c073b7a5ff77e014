// Stored rows of a synthetic knowledge base of n records, mixed roughly as imported catalogues mix
// them (60 % incidents, 20 % responses, 12 % sources, 8 % organisations), linked to the shipped
// jurisdictions, for measuring how fast the views open. Written as JSON per table to argv[3].
import { writeFileSync } from 'node:fs'
import { INCIDENT_CATEGORIES } from '@shared/domain/incident'
import { RESPONSE_KINDS } from '@shared/domain/incidentResponse'
import { toRow } from '../../src/renderer/db/storedRow'
import { anIncident, anOrganisation, aResponse, aSource } from '../../test/builders/domain'

const n = Number(process.argv[2] ?? 10_000)
const out = process.argv[3] ?? `/tmp/views-seed-${n}.json`
let state = 42
const random = (): number => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648
const int = (max: number): number => Math.floor(random() * max)
const pick = <T>(values: readonly T[]): T => values[int(values.length)]!
const JURISDICTIONS = [
  'CN',
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
  'KE',
  'MX',
  'AR',
  'TR',
  'UA',
  'AT',
  'BE',
  'DK',
  'FI',
  'NO'
]
const WORDS = [
  'breach',
  'leak',
  'exposure',
  'tracking',
  'consent',
  'fine',
  'ban',
  'order',
  'ransomware',
  'database',
  'records',
  'customers',
  'patients',
  'app',
  'bank',
  'hospital',
  'retailer',
  'platform'
]
const title = (): string => Array.from({ length: 4 + int(4) }, () => pick(WORDS)).join(' ')
const pad = (value: number): string => String(value).padStart(2, '0')
function date(): string {
  const year = 1995 + int(31)
  const precision = int(3)
  if (precision === 0) return String(year)
  if (precision === 1) return `${year}-${pad(1 + int(12))}`
  return `${year}-${pad(1 + int(12))}-${pad(1 + int(28))}`
}

const organisationCount = Math.max(20, Math.round(n * 0.08))
const incidentCount = Math.round(n * 0.6)
const responseCount = Math.round(n * 0.2)
const sourceCount = n - organisationCount - incidentCount - responseCount
const organisations = Array.from({ length: organisationCount }, (_, index) =>
  anOrganisation({ id: `syn-org-${index}`, name: `${pick(WORDS)} ${pick(WORDS)} ${index}`, headquartersJurisdictionId: pick(JURISDICTIONS) })
)
const sources = Array.from({ length: sourceCount }, (_, index) =>
  aSource({ id: `syn-src-${index}`, title: title(), url: `https://example.org/${index}`, publishedOn: date() })
)
const incidents = Array.from({ length: incidentCount }, (_, index) => {
  const orgs = [...new Set([int(organisationCount), int(organisationCount)].slice(0, 1 + int(2)))]
  return anIncident({
    id: `syn-inc-${index}`,
    title: `${title()} ${index}`,
    summary: `${title()}. ${title()}.`,
    occurredOn: date(),
    ...(random() < 0.3 ? { disclosedOn: date() } : {}),
    jurisdictionIds: [...new Set([pick(JURISDICTIONS), pick(JURISDICTIONS)].slice(0, 1 + int(2)))],
    organisations: orgs.map((org) => ({ organisationId: `syn-org-${org}`, role: 'operator' })),
    categories: [pick(INCIDENT_CATEGORIES)],
    citations: sourceCount > 0 ? [{ sourceId: `syn-src-${int(sourceCount)}` }] : []
  })
})
const responses = Array.from({ length: responseCount }, (_, index) =>
  aResponse({
    id: `syn-resp-${index}`,
    title: `${title()} ${index}`,
    kind: pick(RESPONSE_KINDS),
    actorId: `syn-org-${int(organisationCount)}`,
    incidentIds: [`syn-inc-${int(incidentCount)}`],
    datedOn: date()
  })
)
const rows = {
  organisations: organisations.map((record) => toRow('organisation', record)),
  sources: sources.map((record) => toRow('source', record)),
  incidents: incidents.map((record) => toRow('incident', record)),
  responses: responses.map((record) => toRow('response', record))
}
writeFileSync(out, JSON.stringify(rows))
console.log(`${out}: ${organisationCount} organisations, ${sourceCount} sources, ${incidentCount} incidents, ${responseCount} responses`)
