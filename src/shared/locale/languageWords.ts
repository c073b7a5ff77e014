import type { DateWords } from '../domain/partialDate'
import type { Translate } from './message'

/**
 * One language's words as shared code needs them to write a whole document (a briefing, a
 * picture's text): messages, dates and numbers. The edges make it from their catalogues — the
 * page's `languageWords(locale)`, the command line's `cliTranslator(locale)` — so shared code
 * writes in any language and holds none.
 */
export interface LanguageWords {
  /** The language written in, as a BCP 47 tag ("en", "zh-CN"): an HTML page's `lang`. */
  readonly locale: string
  /** The `Intl` tag numbers are written with ("en-GB", "zh-CN"). */
  readonly formatLocale: string
  readonly translate: Translate
  readonly dateWords: DateWords
}
