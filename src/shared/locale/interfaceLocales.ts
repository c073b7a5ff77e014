/**
 * The interface's languages, as codes (their words are in src/locales/<code>/). The page, the
 * desktop menu and the IPC contract share this list, so a language is added in one place.
 */
export const APP_LOCALES = ['en', 'zh-CN'] as const
export type AppLocale = (typeof APP_LOCALES)[number]

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (APP_LOCALES as readonly string[]).includes(value)
}

/**
 * The interface language for the system's or browser's preferred languages (`navigator.languages`,
 * Electron's `app.getPreferredSystemLanguages()`), first match wins: any Chinese is Simplified
 * Chinese, any English is English; otherwise English.
 */
export function localeForLanguages(languages: readonly string[]): AppLocale {
  for (const tag of languages) {
    const language = tag.toLowerCase().split(/[-_]/)[0]
    if (language === 'zh') return 'zh-CN'
    if (language === 'en') return 'en'
  }
  return 'en'
}
