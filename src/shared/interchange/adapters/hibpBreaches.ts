import { message } from '../../locale/message'
import { parsePartialDate, type PartialDate } from '../../domain/partialDate'
import { DEFAULT_IMPORT_LIMITS } from '../importLimits'
import { ImportInputError, type ImportLocation, type ImportProblem } from '../importProblem'
import { candidateFromDraft, type ImportCandidate, type ImportContext, type ImportReading } from '../importReading'
import { cleanImportedField } from '../text/cleanImportedField'
import { htmlToText, linksInHtml } from '../text/htmlToText'
import { nameSlug } from '../text/nameSlug'
import { sourceDraftForWebAddress } from '../text/webAddresses'

/**
 * Have I Been Pwned's breach list (`GET /api/v3/breaches`, saved as `breaches.json`): an array of
 * breaches, each `Name` (its unique key), `Title`, `Domain`, `BreachDate`, `AddedDate`,
 * `ModifiedDate`, `PwnCount`, `Description` (HTML), `DataClasses` and `Is…` flags. The 2018 list
 * (API v2) has the same fields without the later flags (`IsMalware`, `IsSubscriptionFree`,
 * `IsStealerLog`), so every flag is optional here.
 */
const HIBP = 'Have I Been Pwned'
const INCIDENT_PREFIX = 'inc-hibp-'
const ORGANISATION_PREFIX = 'org-hibp-'
const LISTING_PREFIX = 'src-hibp-'

/** Where a problem with an incident field is reported, in the list's own field names. */
const INCIDENT_FIELD_NAMES: Readonly<Record<string, string>> = {
  id: 'Name',
  title: 'Title',
  summary: 'Description',
  occurredOn: 'BreachDate',
  affectedUsers: 'PwnCount',
  dataCategories: 'DataClasses',
  organisations: 'Title'
}

/** The flags that say something about a breach, as the tags it gets. `IsVerified` and `IsFabricated` set its status instead. */
const FLAG_TAGS: readonly (readonly [flag: string, tag: string])[] = [
  ['IsSensitive', 'sensitive breach'],
  ['IsSpamList', 'spam list'],
  ['IsMalware', 'malware'],
  ['IsStealerLog', 'stealer log'],
  ['IsRetired', 'retired from Have I Been Pwned']
]

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const

/** Whether the head of a JSON file looks like the breach list: the fields only it has. */
export function looksLikeHibpBreaches(head: string): boolean {
  return /^\s*\[/.test(head) && /"BreachDate"\s*:/.test(head) && /"PwnCount"\s*:/.test(head) && /"DataClasses"\s*:/.test(head)
}

/**
 * Reads the breach list. Each breach becomes an incident `inc-hibp-<name>` (category breach) with
 * the breached organisation as its operator (`org-hibp-<domain>`, or `<title>` when the list gives
 * no domain: 46 breaches of 2025 have none), the breach date at the precision the list knows it,
 * the accounts affected, its data classes as data categories, the flags as tags, and two kinds of
 * sources: the listing on haveibeenpwned.com (published when the breach was added) and every page
 * its description links to. A verified breach is confirmed, a fabricated one disputed, any other
 * alleged. Ids come from the list's own keys, so importing a newer list updates the same records.
 *
 * @throws ImportInputError when the JSON is not an array, or has too many breaches
 */
export function readHibpBreaches(json: unknown, context: ImportContext): ImportReading {
  if (!Array.isArray(json)) throw new ImportInputError({ file: context.file, message: message('importProblems.hibp.notHibp') })
  if (json.length > DEFAULT_IMPORT_LIMITS.maxRows) {
    throw new ImportInputError({
      file: context.file,
      message: message('importProblems.hibp.tooManyBreaches', { count: json.length, max: DEFAULT_IMPORT_LIMITS.maxRows })
    })
  }
  const linked = new Map<string, ImportCandidate>()
  const incidents: ImportCandidate[] = []
  const rejected: ImportProblem[] = []
  const notices: ImportProblem[] = []
  const rowOfId = new Map<string, number>()

  json.forEach((breach: unknown, index) => {
    const origin: ImportLocation = { file: context.file, row: index + 1 }
    const at = (field: string): ImportLocation => ({ ...origin, field })
    if (typeof breach !== 'object' || breach === null || Array.isArray(breach)) {
      rejected.push({ ...origin, message: message('importProblems.hibp.notABreach') })
      return
    }
    const field = (name: string): unknown => (breach as Record<string, unknown>)[name]
    const text = (name: string): string | undefined => (typeof field(name) === 'string' ? (field(name) as string) : undefined)

    const name = text('Name')?.trim() ?? ''
    if (name === '') return void rejected.push({ ...at('Name'), message: message('importProblems.hibp.noName') })
    const id = `${INCIDENT_PREFIX}${nameSlug(name, 100 - INCIDENT_PREFIX.length)}`
    const earlier = rowOfId.get(id)
    if (earlier !== undefined) return void rejected.push({ ...at('Name'), message: message('importProblems.hibp.repeatedName', { name, earlier }) })
    rowOfId.set(id, origin.row!)

    const rowNotices: ImportProblem[] = []
    const title = cleanImportedField(text('Title') ?? name, at('Title'), rowNotices).replace(/\s+/g, ' ')
    // The description is HTML in every breach, so its tags going is no news: only other repairs are noticed.
    const description = cleanImportedField(htmlToText(text('Description') ?? ''), at('Description'), rowNotices)
    const count = field('PwnCount')
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
      return void rejected.push({
        ...at('PwnCount'),
        message: count === undefined ? message('importProblems.hibp.noCount') : message('importProblems.hibp.badCount', { count: JSON.stringify(count) })
      })
    }
    const classes = field('DataClasses')
    if (classes !== undefined && (!Array.isArray(classes) || classes.some((item) => typeof item !== 'string'))) {
      return void rejected.push({ ...at('DataClasses'), message: message('importProblems.hibp.dataClasses') })
    }
    const occurredOn = breachDate(text('BreachDate') ?? '', description, at('BreachDate'), rowNotices)
    if (!occurredOn.ok) return void rejected.push(occurredOn.problem)

    const organisationId = breachedOrganisation(
      linked,
      text('Domain')?.trim() ?? '',
      title,
      at(text('Domain')?.trim() ? 'Domain' : 'Title'),
      context,
      rowNotices
    )
    const sourceIds = [
      listingSource(linked, name, title, text('AddedDate'), at('Name'), context, rowNotices),
      ...describedSources(linked, text('Description') ?? '', at('Description'), context, rowNotices)
    ].filter((sourceId): sourceId is string => sourceId !== undefined)

    const result = candidateFromDraft(
      'incident',
      {
        id,
        title: `${title} data breach`.slice(0, 500),
        summary: description,
        categories: ['breach'],
        dataCategories: ((classes ?? []) as string[])
          .map((item) => cleanImportedField(item, at('DataClasses'), rowNotices).replace(/\s+/g, ' '))
          .filter((item) => item !== ''),
        ...(occurredOn.value === undefined ? {} : { occurredOn: occurredOn.value }),
        status: field('IsFabricated') === true ? 'disputed' : field('IsVerified') === true ? 'confirmed' : 'alleged',
        affectedUsers: { count, isEstimate: false },
        tags: [...(field('IsFabricated') === true ? ['fabricated'] : []), ...FLAG_TAGS.filter(([flag]) => field(flag) === true).map(([, tag]) => tag)],
        jurisdictionIds: [],
        organisations: organisationId === undefined ? [] : [{ organisationId, role: 'operator' }],
        implicatedProvisions: [],
        citations: [...new Set(sourceIds)].map((sourceId) => ({ sourceId }))
      },
      origin,
      context,
      INCIDENT_FIELD_NAMES
    )
    if (!result.ok) return void rejected.push(...result.problems)
    incidents.push(result.candidate)
    notices.push(...rowNotices)
  })

  // Only records an accepted breach links to; organisations before sources before incidents, as the plan reads them.
  const used = new Set(
    incidents.flatMap(({ typed }) =>
      typed.type === 'incident'
        ? [...typed.record.organisations.map((link) => link.organisationId as string), ...typed.record.citations.map((citation) => citation.sourceId as string)]
        : []
    )
  )
  const kept = [...linked.values()].filter((candidate) => used.has(candidate.typed.record.id))
  return {
    format: 'hibp',
    candidates: [
      ...kept.filter((candidate) => candidate.typed.type === 'organisation'),
      ...kept.filter((candidate) => candidate.typed.type === 'source'),
      ...incidents
    ],
    rejected,
    notices
  }
}

type DateReading = { readonly ok: true; readonly value: PartialDate | undefined } | { readonly ok: false; readonly problem: ImportProblem }

/**
 * The breach date at the precision the list knows it. The list always writes a whole day, but
 * writes the 1st of the month when only the month is known (167 of 875 in 2025) and 1 January when
 * only the year is: the description then says so ("In approximately March 2015", "In 2012"). So a
 * 1st whose description names that month and year is that month; a 1 January whose description
 * names the year and no month of it is that year; any other 1st stays a day, with a notice.
 */
function breachDate(written: string, description: string, location: ImportLocation, notices: ImportProblem[]): DateReading {
  const parsed = parsePartialDate(written.trim())
  if (!parsed.ok) return { ok: false, problem: { ...location, message: parsed.reason } }
  const day = /^(\d{4})-(\d{2})-01$/.exec(parsed.value)
  if (day === null) return { ok: true, value: parsed.value }
  const [, year, month] = day as unknown as [string, string, string]
  const words = description.toLowerCase()
  const monthName = MONTHS[Number(month) - 1]!
  if (new RegExp(`\\b${monthName}\\s+(?:of\\s+)?${year}\\b`).test(words)) return { ok: true, value: `${year}-${month}` as PartialDate }
  const namesAMonthOfTheYear = MONTHS.some((name) => new RegExp(`\\b${name}\\s+(?:of\\s+)?${year}\\b`).test(words))
  if (month === '01' && !namesAMonthOfTheYear && new RegExp(`\\b${year}\\b`).test(words)) return { ok: true, value: year as PartialDate }
  notices.push({ ...location, message: message('importProblems.hibp.firstOfMonth', { date: parsed.value }) })
  return { ok: true, value: parsed.value }
}

/** The breached organisation, once per domain (or title when there is none): a company named by the title. */
function breachedOrganisation(
  linked: Map<string, ImportCandidate>,
  domain: string,
  title: string,
  location: ImportLocation,
  context: ImportContext,
  notices: ImportProblem[]
): string | undefined {
  const key = domain === '' ? title : domain.toLowerCase()
  const id = `${ORGANISATION_PREFIX}${nameSlug(key, 100 - ORGANISATION_PREFIX.length)}`
  if (linked.has(id)) return id
  const checked = candidateFromDraft(
    'organisation',
    {
      id,
      name: title.slice(0, 300),
      aliases: domain === '' || domain.toLowerCase() === title.toLowerCase() ? [] : [{ name: domain.slice(0, 200) }],
      kind: 'company',
      ...(domain === '' ? {} : { description: `Web domain: ${domain} (as listed by ${HIBP})` }),
      links: [],
      citations: []
    },
    location,
    context
  )
  if (!checked.ok) {
    notices.push(
      ...checked.problems.map((problem) => ({
        ...problem,
        field: location.field,
        message: message('importProblems.records.nameNotOrganisation', { name: title.slice(0, 80), reason: problem.message })
      }))
    )
    return undefined
  }
  linked.set(id, checked.candidate)
  return id
}

/** The breach's page on haveibeenpwned.com, published when the breach was added to the list. */
function listingSource(
  linked: Map<string, ImportCandidate>,
  name: string,
  title: string,
  addedDate: string | undefined,
  location: ImportLocation,
  context: ImportContext,
  notices: ImportProblem[]
): string | undefined {
  const id = `${LISTING_PREFIX}${nameSlug(name, 100 - LISTING_PREFIX.length)}`
  const added = addedDate === undefined ? undefined : parsePartialDate(addedDate.slice(0, 10))
  const checked = candidateFromDraft(
    'source',
    {
      id,
      title: `${HIBP}: ${title}`.slice(0, 500),
      publisher: HIBP,
      url: `https://haveibeenpwned.com/Breach/${encodeURIComponent(name)}`,
      ...(added?.ok === true ? { publishedOn: added.value } : {})
    },
    location,
    context
  )
  if (!checked.ok) {
    notices.push(
      ...checked.problems.map((problem) => ({ ...problem, message: message('importProblems.records.listingNotSource', { reason: problem.message }) }))
    )
    return undefined
  }
  linked.set(id, checked.candidate)
  return id
}

/** Every web page the description links to (Troy Hunt's write-ups, press reports), each once. */
function describedSources(
  linked: Map<string, ImportCandidate>,
  html: string,
  location: ImportLocation,
  context: ImportContext,
  notices: ImportProblem[]
): string[] {
  const ids: string[] = []
  for (const href of linksInHtml(html)) {
    if (!/^https?:\/\/[^\s/?#]+\.[^\s/?#]+/i.test(href)) continue
    const draft = sourceDraftForWebAddress(href)
    if (!linked.has(draft.id)) {
      const checked = candidateFromDraft('source', { ...draft }, location, context)
      if (!checked.ok) {
        notices.push(
          ...checked.problems.map((problem) => ({
            ...problem,
            field: location.field,
            message: message('importProblems.records.addressNotSource', { address: href, reason: problem.message })
          }))
        )
        continue
      }
      linked.set(draft.id, checked.candidate)
    }
    if (!ids.includes(draft.id)) ids.push(draft.id)
  }
  return ids
}
