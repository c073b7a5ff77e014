import { createI18n } from 'vue-i18n'
import type { DateWords } from '@shared/domain/partialDate'
import type { LanguageWords } from '@shared/locale/languageWords'
import { isMessage, wordedValues, type Message } from '@shared/locale/message'
import { APP_LOCALES, isAppLocale, localeForLanguages, type AppLocale } from '@shared/locale/interfaceLocales'
import { mergeCatalogues, type Catalogue } from '@shared/locale/mergeCatalogues'

export { APP_LOCALES, isAppLocale, localeForLanguages, mergeCatalogues, type AppLocale }

/** Each language's name in that language, as the Language choice lists them. */
export const LOCALE_NAMES: Readonly<Record<AppLocale, string>> = { en: 'English', 'zh-CN': '简体中文' }

/** The tag dates and numbers are written with (`Intl`): British English writes "3 January 2018". */
const FORMAT_LOCALES: Readonly<Record<AppLocale, string>> = { en: 'en-GB', 'zh-CN': 'zh-CN' }

/**
 * Where the chosen language is kept: this device's storage, not the knowledge base, because the
 * language is the reader's (two analysts sharing a knowledge base may read it in two languages),
 * and because it must be known before the first paint, when the database is not yet open.
 */
export const LANGUAGE_STORAGE_KEY = 'precedent:language'

export const catalogues = mergeCatalogues(import.meta.glob<Catalogue>('../../locales/*/*.json', { eager: true, import: 'default' }))

/** The language chosen in Preferences on this device, else the one the system or browser asks for. */
export function initialLocale(storage: Pick<Storage, 'getItem'> | undefined, languages: readonly string[]): AppLocale {
  let stored: string | null = null
  try {
    stored = storage?.getItem(LANGUAGE_STORAGE_KEY) ?? null
  } catch {
    // Storage refused (a locked-down browser): follow the browser.
  }
  return isAppLocale(stored) ? stored : localeForLanguages(languages)
}

const browserStorage = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage)
const browserLanguages = (): readonly string[] => (typeof navigator === 'undefined' ? [] : navigator.languages)

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(browserStorage(), browserLanguages()),
  fallbackLocale: 'en',
  messages: catalogues,
  // A key missing from a catalogue is a defect the catalogue tests catch, not a console message per render.
  missingWarn: false,
  fallbackWarn: false
})

/** The interface language now (reactive: reading it in a render or `computed` follows a change). */
export function currentLocale(): AppLocale {
  return i18n.global.locale.value as AppLocale
}

/** Switches the interface language at once, keeps it for the next start, and sets `<html lang>`. */
export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale
  applyDocumentLanguage(locale)
  try {
    browserStorage()?.setItem(LANGUAGE_STORAGE_KEY, locale)
  } catch {
    // Not kept (storage refused); the language still applies for this session.
  }
}

/** `<html lang>` for the interface language, so screen readers and fonts pick the right one. */
export function applyDocumentLanguage(locale: AppLocale = currentLocale()): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale
}

/** How dates are written in the interface language (partialDate.ts's formatPartialDate takes it). */
export function dateWords(locale: AppLocale = currentLocale()): DateWords {
  const t = i18n.global.t
  return {
    locale: FORMAT_LOCALES[locale],
    approximately: (date) => t('dates.approximately', { date }, { locale }),
    between: (start, end) => t('dates.between', { start, end }, { locale })
  }
}

/** The `Intl` tag of the interface language ("en-GB", "zh-CN"), for dates, times and numbers. */
export function formatLocale(locale: AppLocale = currentLocale()): string {
  return FORMAT_LOCALES[locale]
}

/** A moment (an ISO timestamp) in the interface language: "7 Dec 2026, 16:49" / "2026年12月7日 16:49". */
export function formatMoment(iso: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  const moment = new Date(iso)
  return Number.isNaN(moment.getTime()) ? iso : new Intl.DateTimeFormat(formatLocale(), options).format(moment)
}

/**
 * The tables of the domain's codes in words (src/locales/<language>/domain.json): a response's
 * kind, an incident's category, a law's status… The English catalogue holds the same words as the
 * tables in src/shared (which the command line and the briefings still use); a test keeps them equal.
 */
export type DomainLabelTable =
  | 'timelineGrouping'
  | 'timelineFacet'
  | 'timelineItemKind'
  | 'briefingSection'
  | 'recordType'
  | 'responseKind'
  | 'incidentCategory'
  | 'incidentStatus'
  | 'incidentRole'
  | 'revisionAction'
  | 'lawKind'
  | 'lawStatus'
  | 'lawRelation'
  | 'matterState'
  | 'matterStepRole'
  | 'organisationKind'
  | 'organisationRelation'
  | 'importFormat'
  | 'importAction'
  | 'responseOutcome'

/**
 * A code in words in the interface language: `domainLabel('responseKind', 'summons')` is "Summons"
 * or "约谈"; nested tables take a path (`domainLabel('recordType', 'incident.plural')`). An unknown
 * code is shown as it is.
 */
export function domainLabel(table: DomainLabelTable, code: string): string {
  const key = `domain.${table}.${code}`
  return i18n.global.te(key, 'en') ? i18n.global.t(key) : code
}

/** A count in the interface language's digits and grouping (1,234 / 1,234). */
export function formatCount(count: number, locale: AppLocale = currentLocale()): string {
  return count.toLocaleString(FORMAT_LOCALES[locale])
}

/**
 * A message composed in shared code (a validation problem, an import rejection, a storage error)
 * in the interface language, or in `locale`. A key no catalogue holds is shown as the key, which
 * the catalogue tests keep from happening.
 */
export function translateMessage(message: Message, locale: AppLocale = currentLocale()): string {
  const translate = (inner: Message): string => translateMessage(inner, locale)
  const values = wordedValues(message.values, translate, dateWords(locale))
  const count = values.count
  return typeof count === 'number' ? i18n.global.t(message.key, values, { locale, plural: count }) : i18n.global.t(message.key, values, { locale })
}

/**
 * A language's words for documents shared code writes (a briefing, the comparison's picture):
 * messages, dates and numbers in `locale`, which need not be the interface language (a briefing
 * chosen in Chinese is written in Chinese whatever the page shows).
 */
export function languageWords(locale: AppLocale = currentLocale()): LanguageWords {
  return {
    locale,
    formatLocale: FORMAT_LOCALES[locale],
    translate: (message) => translateMessage(message, locale),
    dateWords: dateWords(locale)
  }
}

/**
 * What went wrong, for a person, in the interface language: an error that carries its `reason` as a
 * message (the storage layer's errors, `StorageWriteError`, `RevisionConflictError`, …) in words, any
 * other error by its own message.
 */
export function errorText(error: unknown): string {
  const reason = typeof error === 'object' && error !== null ? (error as { reason?: unknown }).reason : undefined
  if (isMessage(reason)) return translateMessage(reason)
  return error instanceof Error ? error.message : String(error)
}

/** A problem located in a record (the storage layer's `RecordProblem`): its message in words, else its English. */
export function problemText(problem: { readonly message: string | Message; readonly problem?: Message }): string {
  if (problem.problem !== undefined) return translateMessage(problem.problem)
  return typeof problem.message === 'string' ? problem.message : translateMessage(problem.message)
}
