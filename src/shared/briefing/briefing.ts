import { z } from '../lib/zod'
import { bookkeepingShape } from '../domain/bookkeeping'
import { RECORD_TYPES } from '../domain/recordTypes'
import { requiredTextSchema, textSchema } from '../domain/text'
import { APP_LOCALES } from '../locale/interfaceLocales'

/** The parts a briefing can have, in the order they appear. */
export const BRIEFING_SECTIONS = ['summary', 'chronology', 'legal-basis', 'responses', 'sources'] as const
export type BriefingSection = (typeof BRIEFING_SECTIONS)[number]

const recordIdText = z.string().min(1).max(100)

/**
 * One entry of a briefing's running order: a record the briefing is about, a heading the author
 * adds, or the author's commentary (plain text; blank lines separate paragraphs). Order matters: it
 * is the order of the summary's numbered paragraphs.
 */
export const briefingItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('record'), recordType: z.enum(RECORD_TYPES), recordId: recordIdText }),
  z.strictObject({ kind: z.literal('heading'), text: requiredTextSchema('Heading', 300) }),
  z.strictObject({ kind: z.literal('commentary'), text: requiredTextSchema('Commentary', 20000) })
])
export type BriefingItem = z.infer<typeof briefingItemSchema>

/** A calendar day, `2026-11-29`: the "as of" date a briefing states its facts at. */
export const calendarDaySchema = z.iso.date('The "as of" date must be a day such as 2026-11-29')

/** A briefing as saved: what it covers, in what order, with which sections; exported again at will. */
export const briefingSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'A briefing id is 1 to 100 letters, digits or -_.:'),
  title: requiredTextSchema('Title', 300),
  /** Who it is for or its handling marking, printed under the title ("For the Minister — OFFICIAL"). */
  subtitle: textSchema('Subtitle', 300).default(''),
  asOf: calendarDaySchema,
  sections: z
    .array(z.enum(BRIEFING_SECTIONS))
    .min(1, 'Choose at least one section')
    .transform((sections) => BRIEFING_SECTIONS.filter((section) => sections.includes(section))),
  includeTimelineImage: z.boolean().default(true),
  /**
   * The language the briefing is written in (its headings, dates, notes), chosen in the composer.
   * Briefings saved before there was a choice have none, and are written in the reader's interface language.
   */
  language: z.enum(APP_LOCALES).optional(),
  items: z.array(briefingItemSchema).max(2000, 'A briefing holds at most 2000 entries').default([]),
  ...bookkeepingShape
})
export type Briefing = z.infer<typeof briefingSchema>
