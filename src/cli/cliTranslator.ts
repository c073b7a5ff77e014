/// <reference types="vite/client" />
import {
  compile,
  createCoreContext,
  fallbackWithLocaleChain,
  registerLocaleFallbacker,
  registerMessageCompiler,
  registerMessageResolver,
  resolveValue,
  translate as translateWithContext
} from '@intlify/core-base'
import type { DateWords } from '../shared/domain/partialDate'
import { APP_LOCALES, isAppLocale, type AppLocale } from '../shared/locale/interfaceLocales'
import { mergeCatalogues, type Catalogue } from '../shared/locale/mergeCatalogues'
import { UsageError } from './cliIo'
import { wordedValues, type Message, type Translate } from '../shared/locale/message'

// vue-i18n's own core, without Vue: the command line reads the page's catalogues with the page's
// message syntax (plurals, named values), compiled to functions without `eval`.
registerMessageCompiler(compile)
registerMessageResolver(resolveValue)
registerLocaleFallbacker(fallbackWithLocaleChain)

/** The same catalogue files the page reads, bundled into the command line by its build. */
export const CLI_CATALOGUES = mergeCatalogues(import.meta.glob<Catalogue>('../locales/*/*.json', { eager: true, import: 'default' }))

/** The tag dates and numbers are written with (`Intl`), as on the page. */
const FORMAT_LOCALES: Readonly<Record<AppLocale, string>> = { en: 'en-GB', 'zh-CN': 'zh-CN' }

/** The command line's words in one language: messages, catalogue keys, dates and numbers. */
export interface CliTranslator {
  readonly locale: AppLocale
  /** The `Intl` tag for dates and numbers ("en-GB", "zh-CN"). */
  readonly formatLocale: string
  /** A catalogue key with its values in words. */
  t(key: string, values?: Readonly<Record<string, string | number>>): string
  /** A message composed in shared code, in words. */
  readonly translate: Translate
  readonly dateWords: DateWords
}

/** The translator for `--lang` (a language of APP_LOCALES), falling back to English for a missing key. */
export function cliTranslator(locale: AppLocale): CliTranslator {
  const context = createCoreContext({
    locale,
    fallbackLocale: 'en',
    messages: CLI_CATALOGUES,
    missingWarn: false,
    fallbackWarn: false
  })
  const t = (key: string, values: Readonly<Record<string, string | number>> = {}): string => {
    const count = values.count
    const written =
      typeof count === 'number' ? translateWithContext(context, key, { ...values }, { plural: count }) : translateWithContext(context, key, { ...values })
    return typeof written === 'string' ? written : key
  }
  const dateWords: DateWords = {
    locale: FORMAT_LOCALES[locale],
    approximately: (date) => t('dates.approximately', { date }),
    between: (start, end) => t('dates.between', { start, end })
  }
  const translate: Translate = (message: Message) => t(message.key, wordedValues(message.values, translate, dateWords))
  return {
    locale,
    formatLocale: FORMAT_LOCALES[locale],
    t,
    translate,
    dateWords
  }
}

/**
 * The language `--lang` names; without it, English (the command line's output is read by scripts
 * as often as by people, so it does not change with the shell's locale).
 */
export function cliLocale(value: string | undefined): AppLocale {
  if (value === undefined) return 'en'
  if (isAppLocale(value)) return value
  throw new UsageError(`--lang must be one of ${APP_LOCALES.join(', ')} (got "${value}")`)
}

let english: CliTranslator | undefined

/** The English translator, made once: the words of a helper called without `--lang` (and of tests). */
export function englishWords(): CliTranslator {
  english ??= cliTranslator('en')
  return english
}

/**
 * The language `--lang` asks for, read before the arguments are parsed, so that a usage error in
 * them is written in that language too: `--lang zh-CN` or `--lang=zh-CN`; the last one wins, as
 * `parseArgs` reads it.
 */
export function languageAskedFor(argv: readonly string[]): string | undefined {
  let asked: string | undefined
  argv.forEach((argument, index) => {
    if (argument === '--lang') asked = argv[index + 1]
    else if (argument.startsWith('--lang=')) asked = argument.slice('--lang='.length)
  })
  return asked
}
