import type { SearchDocument } from '@shared/search/searchDocument'
import { seededRandom } from './seededRandom'

// Bench-only mappings of the real data sets in ../shared/data to search documents, read at bench
// time (the files are never copied into the repository). They map what a search would find, not a
// faithful import: ids, a title, the text, a jurisdiction code, the organisation as a name-derived
// id, and years; anything else in the source records (VERIS actors, AIID reports, CMS fine amounts)
// is left out.

type ReadSharedData = (path: string) => Promise<string | undefined>

export interface RealDataSet {
  /** The folder in ../shared/data, used as the bench's dataset name. */
  readonly folder: string
  load(read: ReadSharedData): Promise<SearchDocument[] | undefined>
}

const slug = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')

/** HTML in CMS cells (flags, links) reduced to its text. */
const htmlToText = (html: string): string =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim()

const yearOf = (text: string | undefined): number[] => {
  const match = /\b(1[89]\d\d|20\d\d)\b/.exec(text ?? '')
  return match ? [Number(match[1])] : []
}

function incidentDocument(fields: Partial<SearchDocument> & Pick<SearchDocument, 'id' | 'title' | 'body'>): SearchDocument {
  return {
    type: 'incident',
    aliases: '',
    original: '',
    provisions: '',
    sources: '',
    jurisdictionIds: [],
    organisationIds: [],
    lawIds: [],
    kinds: [],
    status: '',
    tags: [],
    years: [],
    ...fields
  }
}

interface VerisIncident {
  readonly incident_id: string
  readonly summary?: string
  readonly reference?: string
  readonly victim?: { readonly victim_id?: string; readonly country?: string | readonly string[]; readonly industry?: string }
  readonly timeline?: { readonly incident?: { readonly year?: number } }
  readonly action?: Record<string, unknown>
}

/** VCDB 2013: summary as body, the victim's name as title and organisation, country, incident year. */
const vcdb: RealDataSet = {
  folder: 'vcdb-2013',
  async load(read) {
    const text = await read('vcdb-2013/incidents.json')
    if (text === undefined) return undefined
    return (JSON.parse(text) as VerisIncident[]).map((incident) => {
      const victim = incident.victim?.victim_id ?? 'Unknown victim'
      const countries = [incident.victim?.country ?? []].flat().filter((country) => country !== 'Unknown')
      const year = incident.timeline?.incident?.year
      return incidentDocument({
        id: `vcdb-${incident.incident_id}`,
        title: victim,
        body: incident.summary ?? '',
        sources: incident.reference ?? '',
        jurisdictionIds: countries.map((country) => country.toLowerCase()),
        organisationIds: [slug(victim)],
        kinds: Object.keys(incident.action ?? {}),
        years: year === undefined ? [] : [year]
      })
    })
  }
}

/** Rows of a CSV file (RFC 4180: quoted cells may hold commas, doubled quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"'
        index += 1
      } else if (character === '"') quoted = false
      else cell += character
    } else if (character === '"') quoted = true
    else if (character === ',') {
      row.push(cell)
      cell = ''
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index += 1
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += character
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell])
  return rows
}

/** AIID incidents.csv: title, description, date; deployers as organisations (their slugs). */
const aiid: RealDataSet = {
  folder: 'aiid-2026-02',
  async load(read) {
    const text = await read('aiid-2026-02/incidents.csv')
    if (text === undefined) return undefined
    const [header, ...rows] = parseCsv(text)
    if (!header) return []
    const column = (name: string): number => header.indexOf(name)
    const [id, date, deployer, description, title] = ['incident_id', 'date', 'Alleged deployer of AI system', 'description', 'title'].map(column)
    const slugs = (cell: string | undefined): string[] => {
      try {
        return (JSON.parse(cell ?? '[]') as string[]).filter((value) => typeof value === 'string')
      } catch {
        return []
      }
    }
    return rows
      .filter((row) => row.length >= header.length)
      .map((row) =>
        incidentDocument({
          id: `aiid-${row[id!]}`,
          title: row[title!] ?? '',
          body: row[description!] ?? '',
          organisationIds: slugs(row[deployer!]),
          kinds: ['ai-harm'],
          years: yearOf(row[date!])
        })
      )
  }
}

/** CMS GDPR fines: positional arrays; HTML reduced to text; controller as title and organisation. */
const gdprFines: RealDataSet = {
  folder: 'gdpr-fines-cms-2024',
  async load(read) {
    const text = await read('gdpr-fines-cms-2024/enforcementtracker_full_download.json')
    if (text === undefined) return undefined
    const { data } = JSON.parse(text) as { data: string[][] }
    return data.map((cells) => {
      const [, etid, country, authority, date, fine, controller, sector, articles, type, summary] = cells.map((cell) => htmlToText(cell ?? ''))
      return incidentDocument({
        id: `cms-${etid}`,
        title: `${controller} fined ${fine} EUR by ${authority}`,
        body: `${type}. ${summary}`,
        provisions: articles ?? '',
        jurisdictionIds: country ? [slug(country)] : [],
        organisationIds: controller ? [slug(controller)] : [],
        kinds: type ? [slug(type)] : [],
        tags: sector ? [sector] : [],
        years: yearOf(date)
      })
    })
  }
}

export const REAL_DATA_SETS: readonly RealDataSet[] = [vcdb, aiid, gdprFines]

/**
 * Queries for a real data set, drawn from its own text so that they find something: single words
 * and pairs from titles and bodies, their prefixes, misspellings, and filters on its jurisdictions.
 */
export function realQueries(documents: readonly SearchDocument[], perKind = 60, seed = 13): Record<string, string[]> {
  const random = seededRandom(seed)
  const words = documents
    .flatMap((document) => `${document.title} ${document.body}`.split(/[^\p{L}\p{N}]+/u))
    .filter((word) => word.length >= 5 && !/\d/.test(word))
  const cjk = documents.flatMap((document) => `${document.title} ${document.body}`.match(/[\p{Script=Han}]{2,4}/gu) ?? [])
  const jurisdictions = [...new Set(documents.flatMap((document) => document.jurisdictionIds))]
  const pick = (): string => random.pick(words).toLowerCase()
  const times = (make: () => string): string[] => (words.length === 0 ? [] : Array.from({ length: perKind }, make))
  return {
    'single-word': times(pick),
    'several-words': times(() => `${pick()} ${pick()}`),
    prefix: times(() => pick().slice(0, 2 + random.int(4))),
    typo: times(() => {
      const word = pick()
      const at = 1 + random.int(word.length - 2)
      return word.slice(0, at) + word.slice(at + 1)
    }),
    cjk: cjk.length === 0 ? [] : times(() => random.pick(cjk)),
    // A data set without countries (AIID) is filtered by year instead.
    filtered: times(() =>
      jurisdictions.length > 0 ? `${pick()} jurisdiction:${random.pick(jurisdictions)}` : `${pick()} year:${2010 + random.int(8)}..${2018 + random.int(8)}`
    )
  }
}
