import { z } from '../../lib/zod'
import { formatIssuePath } from '../../domain/bundle'
import type { Provision } from '../../domain/law'
import { parsePartialDate } from '../../domain/partialDate'
import type { ImportProblem } from '../importProblem'
import { candidateFromDraft, type ImportContext, type ImportReading } from '../importReading'
import { cleanImportedText, describeTextChanges, type TextChange } from '../text/cleanImportedText'
import { message } from '../../locale/message'
import { validationProblem } from '../../domain/validationProblem'

/*
 * Structured law text in the GDPRtEXT shape (https://github.com/coolharsh55/GDPRtEXT): chapters
 * hold articles directly or inside sections; an article holds numbered paragraphs ("points",
 * occasionally unnumbered "text") with lettered subpoints. Only the fields read here are checked;
 * the rest of each node (its `type`, the file's citations) is ignored.
 */
const subpointShape = z.object({ number: z.string().nullable().optional(), text: z.string() })
const paragraphShape = z.object({
  number: z.string().nullable().optional(),
  text: z.string(),
  subpoints: z.array(subpointShape).optional()
})
const articleShape = z.object({ type: z.literal('article'), number: z.string(), title: z.string(), contents: z.array(paragraphShape) })
const sectionShape = z.object({ type: z.literal('section'), number: z.string(), title: z.string(), contents: z.array(articleShape) })
const chapterShape = z.object({
  number: z.string(),
  title: z.string(),
  contents: z.array(z.discriminatedUnion('type', [articleShape, sectionShape]))
})
const lawTextShape = z.object({
  title: z.string(),
  abbrv: z.string().optional(),
  regulation: z.string().optional(),
  dated: z.string().optional(),
  updated: z.string().optional(),
  about: z.string().optional(),
  identifier: z.string().optional(),
  chapters: z.array(chapterShape).min(1, 'The law has no chapters'),
  recitals: z.array(z.unknown()).optional()
})
type LawText = z.infer<typeof lawTextShape>
type Article = z.infer<typeof articleShape>
type Paragraph = z.infer<typeof paragraphShape>

export interface LawTextOptions {
  /** The id of the law record; by default `law-eu-<short name>` (`law-eu-gdpr`). */
  readonly lawId?: string
}

/** Jurisdiction of every law in this shape: GDPRtEXT models regulations of the European Union. */
const JURISDICTION_ID = 'EU'

/**
 * Reads one law with all its articles. Every article becomes an `article` provision numbered as in
 * the law ("1" … "99"), its heading the article's title and its text the paragraphs with their
 * numbers and lettered points. Each chapter becomes a `chapter` provision ("I" … "XI", listing its
 * sections and articles) placed before its articles, so the law's page reads like its table of
 * contents. Dates come from the text itself: adopted on the act's date, in force on the day its
 * final article names, applying from the date it names. Nothing is guessed beyond that: a date
 * the text does not give stays empty. Recitals have no place in a law record and are reported.
 */
export function readLawText(json: unknown, context: ImportContext, options: LawTextOptions = {}): ImportReading {
  const file = context.file
  const shape = lawTextShape.safeParse(json)
  if (!shape.success) {
    return {
      format: 'law-text',
      candidates: [],
      rejected: shape.error.issues.slice(0, 20).map((issue) => ({ file, field: formatIssuePath(issue.path), message: validationProblem(issue) })),
      notices: []
    }
  }
  const notices: ImportProblem[] = []
  const law = cleanLawText(shape.data, file, notices)
  const rejected: ImportProblem[] = []
  if (!context.jurisdictionIds.has(JURISDICTION_ID)) {
    rejected.push({ file, message: message('importProblems.lawText.noJurisdiction', { id: JURISDICTION_ID }) })
    return { format: 'law-text', candidates: [], rejected, notices }
  }

  const adoptedOn = dayFromDottedDate(law.dated, 'dated', file, notices)
  const publishedOn = dayFromDottedDate(law.updated, 'updated', file, notices)
  const articles = law.chapters.flatMap((chapter) => articlesOf(chapter.contents))
  const inForceOn = entryIntoForce(articles, publishedOn, file, notices)
  const appliesFromOn = applicationDate(articles)
  const provisions = law.chapters.flatMap((chapter) => [chapterProvision(chapter), ...articlesOf(chapter.contents).map(articleProvision)])
  const recitals = law.recitals?.length ?? 0
  if (recitals > 0) {
    notices.push({ file, field: 'recitals', message: message('importProblems.lawText.recitals', { count: recitals }) })
  }

  const shortName = law.abbrv?.trim() || undefined
  const today = context.importedAt.slice(0, 10)
  const draft = {
    id: options.lawId ?? defaultLawId(law),
    title: law.title,
    shortName,
    identifier: law.regulation === undefined ? undefined : `Regulation (EU) ${law.regulation.trim()}`,
    jurisdictionId: JURISDICTION_ID,
    kind: 'regulation',
    // In force once the text's own date of entry into force has passed; adopted until then.
    status: inForceOn !== undefined && inForceOn <= today ? 'in-force' : 'adopted',
    adoptedOn,
    inForceOn,
    appliesFromOn,
    summary: lawSummary(law, articles.length),
    provisions
  }
  const result = candidateFromDraft('law', draft, { file }, context)
  if (!result.ok) return { format: 'law-text', candidates: [], rejected: [...rejected, ...result.problems], notices }
  return { format: 'law-text', candidates: [result.candidate], rejected, notices }
}

function defaultLawId(law: LawText): string {
  const name = law.abbrv ?? law.regulation ?? law.title
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return `law-eu-${slug}`.slice(0, 100)
}

function articlesOf(contents: LawText['chapters'][number]['contents']): Article[] {
  return contents.flatMap((node) => (node.type === 'article' ? [node] : node.contents))
}

/** "Regulation (EU) 2016/679 on the protection of …; 99 articles in 11 chapters." */
function lawSummary(law: LawText, articleCount: number): string {
  const about = law.about?.trim()
  const subject = about === undefined || about === '' ? '' : ` on the ${about}`
  const act = law.regulation === undefined ? law.title : `Regulation (EU) ${law.regulation.trim()}`
  const journal = law.identifier === undefined ? '' : ` Official Journal ${law.identifier.trim()}.`
  return `${act}${subject}.${journal} ${articleCount} articles in ${law.chapters.length} chapters.`
}

function chapterProvision(chapter: LawText['chapters'][number]): Provision {
  const articles = articlesOf(chapter.contents)
  const parts = chapter.contents.map((node) =>
    node.type === 'article' ? `Article ${node.number} ${oneLine(node.title)}` : `Section ${node.number} ${oneLine(node.title)}: ${articleRange(node.contents)}`
  )
  return {
    unit: 'chapter',
    number: chapter.number.trim(),
    heading: oneLine(chapter.title),
    summary: `${articleRange(articles)}. ${parts.join('; ')}.`
  }
}

function articleRange(articles: readonly Article[]): string {
  const first = articles[0]?.number
  const last = articles.at(-1)?.number
  if (first === undefined || last === undefined) return 'No articles'
  return first === last ? `Article ${first}` : `Articles ${first}–${last}`
}

function articleProvision(article: Article): Provision {
  return {
    unit: 'article',
    number: article.number.trim(),
    heading: oneLine(article.title),
    text: article.contents.map(paragraphText).join('\n\n')
  }
}

/**
 * "2. Member States may …" then its points, one a line: "(a) …", or "— …" where the law uses
 * indents without letters (Article 53(1)). Unnumbered paragraphs ("For the purposes of this
 * Regulation:") are kept without a number.
 */
function paragraphText(paragraph: Paragraph): string {
  const number = paragraph.number?.trim()
  const lines = [number ? `${number}. ${oneLine(paragraph.text)}` : oneLine(paragraph.text)]
  for (const subpoint of paragraph.subpoints ?? []) {
    const letter = subpoint.number?.trim()
    lines.push(letter ? `(${letter}) ${oneLine(subpoint.text)}` : `— ${oneLine(subpoint.text)}`)
  }
  return lines.join('\n')
}

/**
 * Every title and paragraph cleaned as any imported text is (mojibake, ligatures, control
 * characters); one notice names the articles changed and how, so the person can check them.
 */
function cleanLawText(law: LawText, file: string, notices: ImportProblem[]): LawText {
  const changes = new Set<TextChange>()
  const changedArticles = new Set<string>()
  const clean = (text: string, article?: string): string => {
    const cleaned = cleanImportedText(text)
    const meaningful = cleaned.changes.filter((change) => change !== 'normalised')
    meaningful.forEach((change) => changes.add(change))
    if (meaningful.length > 0 && article !== undefined) changedArticles.add(article)
    return cleaned.text
  }
  const cleanArticle = (article: Article): Article => ({
    ...article,
    title: clean(article.title, article.number),
    contents: article.contents.map((paragraph) => ({
      ...paragraph,
      text: clean(paragraph.text, article.number),
      subpoints: paragraph.subpoints?.map((subpoint) => ({ ...subpoint, text: clean(subpoint.text, article.number) }))
    }))
  })
  const cleaned: LawText = {
    ...law,
    title: clean(law.title),
    about: law.about === undefined ? undefined : clean(law.about),
    chapters: law.chapters.map((chapter) => ({
      ...chapter,
      title: clean(chapter.title),
      contents: chapter.contents.map((node) =>
        node.type === 'article' ? cleanArticle(node) : { ...node, title: clean(node.title), contents: node.contents.map(cleanArticle) }
      )
    }))
  }
  if (changes.size > 0) {
    const articles = [...changedArticles]
    const described = describeTextChanges([...changes], undefined, { start: false })
    notices.push({
      file,
      message:
        articles.length === 0
          ? message('importProblems.lawText.titlesChanged', { changes: described })
          : message('importProblems.lawText.articlesChanged', { count: articles.length, articles: articles.join(', '), changes: described })
    })
  }
  return cleaned
}

/** Source text is one paragraph per node; stray line breaks and runs of spaces inside it are layout. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** `27/04/2016` → `2016-04-27`; anything else is reported and left out rather than guessed. */
function dayFromDottedDate(value: string | undefined, field: string, file: string, notices: ImportProblem[]): string | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value.trim())
  const day = match === null ? undefined : `${match[3]}-${match[2]}-${match[1]}`
  if (day === undefined || !parsePartialDate(day).ok) {
    notices.push({ file, field, message: message('importProblems.lawText.notADay', { value }) })
    return undefined
  }
  return day
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
const ORDINAL_DAYS: Readonly<Record<string, number>> = {
  first: 1,
  third: 3,
  fifth: 5,
  tenth: 10,
  fifteenth: 15,
  twentieth: 20,
  thirtieth: 30
}

/** "25 May 2018" → "2018-05-25". */
function dayFromWords(text: string): string | undefined {
  const match = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(text.trim())
  if (match === null) return undefined
  const month = MONTHS.indexOf((match[2] ?? '').toLowerCase())
  if (month === -1) return undefined
  const day = `${match[3]}-${String(month + 1).padStart(2, '0')}-${(match[1] ?? '').padStart(2, '0')}`
  return parsePartialDate(day).ok ? day : undefined
}

function articleWords(articles: readonly Article[]): string[] {
  return articles.flatMap((article) => article.contents.map((paragraph) => oneLine(paragraph.text)))
}

/** "It shall apply from 25 May 2018." */
function applicationDate(articles: readonly Article[]): string | undefined {
  for (const sentence of articleWords(articles)) {
    const match = /\bshall apply from (\d{1,2} [A-Za-z]+ \d{4})/.exec(sentence)
    if (match?.[1] !== undefined) return dayFromWords(match[1])
  }
  return undefined
}

/**
 * "This Regulation shall enter into force on 1 June 2017", or "… on the twentieth day following that
 * of its publication in the Official Journal": then the day is counted from the publication date.
 * GDPRtEXT's `updated` field holds that date (4 May 2016, OJ L 119), which is why it is read here;
 * the count is reported as a notice so that it can be checked.
 */
function entryIntoForce(articles: readonly Article[], publishedOn: string | undefined, file: string, notices: ImportProblem[]): string | undefined {
  for (const sentence of articleWords(articles)) {
    const fixed = /\bshall enter into force on (\d{1,2} [A-Za-z]+ \d{4})/.exec(sentence)
    if (fixed?.[1] !== undefined) return dayFromWords(fixed[1])
    const counted = /\bshall enter into force on the ([a-z]+) day following that of its publication/.exec(sentence)
    const days = counted?.[1] === undefined ? undefined : ORDINAL_DAYS[counted[1]]
    if (counted === null) continue
    if (days === undefined || publishedOn === undefined) {
      notices.push({ file, field: 'inForceOn', message: message('importProblems.lawText.uncounted', { text: counted[0] }) })
      return undefined
    }
    const inForce = addDays(publishedOn, days)
    notices.push({
      file,
      field: 'inForceOn',
      message: message('importProblems.lawText.counted', { inForce, days, ordinal: counted[1] ?? '', publishedOn })
    })
    return inForce
  }
  return undefined
}

function addDays(day: string, count: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + count)
  return date.toISOString().slice(0, 10)
}
