import type { AppLocale } from '@shared/locale/interfaceLocales'
import type { LanguageWords } from '@shared/locale/languageWords'
import { cliTranslator } from '../../src/cli/cliTranslator'

/**
 * A language's words from the app's own catalogues (src/locales), for tests of what shared code
 * writes in a language (briefings, comparison pictures). It is the command line's translator,
 * which reads the same files with the page's message syntax, so no test needs a page.
 */
export function wordsIn(locale: AppLocale): LanguageWords {
  return cliTranslator(locale)
}

export const ENGLISH_WORDS = wordsIn('en')
export const CHINESE_WORDS = wordsIn('zh-CN')
