import { APP_LOCALES, isAppLocale, type AppLocale } from './interfaceLocales'

/** A catalogue file's words: keys to messages, nested by area (src/locales/<language>/<area>.json). */
export type Catalogue = { readonly [key: string]: string | Catalogue }

/** Every catalogue file of every language (src/locales/<language>/<area>.json), merged per language. */
export function mergeCatalogues(files: Readonly<Record<string, Catalogue>>): Record<AppLocale, Catalogue> {
  const merged = Object.fromEntries(APP_LOCALES.map((locale) => [locale, {}])) as Record<AppLocale, Catalogue>
  for (const [path, catalogue] of Object.entries(files)) {
    const locale = /\/locales\/([^/]+)\/[^/]+\.json$/.exec(path)?.[1]
    if (!isAppLocale(locale)) throw new Error(`${path}: not in a language folder of src/locales (${APP_LOCALES.join(', ')})`)
    merged[locale] = mergeInto(merged[locale], catalogue, path)
  }
  return merged
}

function mergeInto(target: Catalogue, source: Catalogue, path: string, prefix = ''): Catalogue {
  const result: Record<string, string | Catalogue> = { ...target }
  for (const [key, value] of Object.entries(source)) {
    const existing = result[key]
    if (existing === undefined) result[key] = value
    else if (typeof existing === 'object' && typeof value === 'object') result[key] = mergeInto(existing, value, path, `${prefix}${key}.`)
    else throw new Error(`${path}: the key "${prefix}${key}" is also in another file of the same language`)
  }
  return result
}
