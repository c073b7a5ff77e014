import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { APP_LOCALES, domainLabel, i18n, setLocale } from '@renderer/i18n'
import { catalogues, initialLocale, LANGUAGE_STORAGE_KEY, localeForLanguages, mergeCatalogues } from '@renderer/i18n/i18n'

const repository = join(__dirname, '../../..')

type Catalogue = { readonly [key: string]: string | Catalogue }

function keysOf(catalogue: Catalogue, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`)))
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(ts|vue)$/.test(entry.name) ? [path] : []
  })
}

afterEach(() => {
  setLocale('en')
})

describe('the message catalogues', () => {
  const english = keysOf(catalogues.en).sort()

  it('have the same keys in every language', () => {
    for (const locale of APP_LOCALES) expect(keysOf(catalogues[locale]).sort(), locale).toEqual(english)
  })

  it('hold a message, not an empty string, for every key in every language', () => {
    // A message may be made of values only ("{count} {types}"): it is empty only if nothing is written with them.
    for (const locale of APP_LOCALES) {
      const source = i18n.global.getLocaleMessage(locale)
      const empty = keysOf(catalogues[locale]).filter((key) => {
        const message = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], source) as string
        const values = Object.fromEntries([...message.matchAll(/\{(\w+)\}/g)].map((match) => [match[1]!, `«${match[1]!}»`]))
        return i18n.global.t(key, values, { locale }).trim() === ''
      })
      expect(empty, locale).toEqual([])
    }
  })

  it('compile every message (no stray braces or @ signs), interpolating the values it names', () => {
    for (const locale of APP_LOCALES) {
      for (const key of keysOf(catalogues[locale])) {
        const source = i18n.global.getLocaleMessage(locale)
        const message = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], source) as string
        const names = [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!)
        const values = Object.fromEntries(names.map((name) => [name, `«${name}»`]))
        // A plural message ("one record | {count} records") names its values in some forms only:
        // each value must appear in the form chosen for some count.
        const counts = message.includes('|') ? [0, 1, 2, 5] : [undefined]
        const written = counts.map((count) =>
          count === undefined ? i18n.global.t(key, values, { locale }) : i18n.global.t(key, values, { locale, plural: count })
        )
        for (const text of written) expect(text, `${locale} ${key}`).not.toBe(key)
        for (const name of names) expect(written.join('\n'), `${locale} ${key}`).toContain(`«${name}»`)
      }
    }
  })

  it('contain every key the renderer names, written out in its source', () => {
    // Keys appear as t('a.b'), $t('a.b') and in tables of keys (App.vue's sections): every string
    // literal shaped like a key under a catalogue's namespace must be one.
    const namespaces = new Set(Object.keys(catalogues.en))
    const known = new Set(english)
    const missing: string[] = []
    for (const file of sourceFiles(join(repository, 'src/renderer'))) {
      const source = readFileSync(file, 'utf8')
      // Only code that speaks through the catalogues, and only its script: a template's attribute
      // (`:reset="startup.report"`) or a stored setting's name elsewhere is not a message key.
      if (!/from '(vue-i18n|@renderer\/i18n|\.\/i18n|\.\.\/i18n)'/.test(source)) continue
      const text = file.endsWith('.vue') ? (/<script[^>]*>([\s\S]*?)<\/script>/.exec(source)?.[1] ?? '') : source
      for (const match of text.matchAll(/['"`]([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)['"`]/g)) {
        const key = match[1]!
        if (namespaces.has(key.split('.')[0]!) && !known.has(key)) missing.push(`${relative(repository, file)}: ${key}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('contain every key shared code composes messages with, and every key the command line writes', () => {
    // src/shared composes messages (message('problems.required', …)) and src/cli writes its words
    // with t('cli.…'): the edges put them into words, so each key must be in the catalogues.
    const known = new Set(english)
    const missing: string[] = []
    for (const file of [...sourceFiles(join(repository, 'src/shared')), ...sourceFiles(join(repository, 'src/cli'))]) {
      const source = readFileSync(file, 'utf8')
      for (const match of source.matchAll(/\b(?:message|t)\(\s*['"`]([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)['"`]/g)) {
        if (!known.has(match[1]!)) missing.push(`${relative(repository, file)}: ${match[1]!}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('refuse a key written twice across the files of one language', () => {
    const files = { '/src/locales/en/a.json': { app: { name: 'A' } }, '/src/locales/en/b.json': { app: { name: 'B' } } }

    expect(() => mergeCatalogues(files)).toThrow('/src/locales/en/b.json: the key "app.name" is also in another file of the same language')
  })

  it('refuse a file outside a known language folder', () => {
    expect(() => mergeCatalogues({ '/src/locales/fr/app.json': { app: { name: 'A' } } })).toThrow('/src/locales/fr/app.json: not in a language folder')
  })
})

describe('the interface language', () => {
  it('follows the first system or browser language it has, any Chinese as Simplified Chinese', () => {
    expect(localeForLanguages(['zh-CN', 'en-US'])).toBe('zh-CN')
    expect(localeForLanguages(['zh-Hans-CN'])).toBe('zh-CN')
    expect(localeForLanguages(['zh-TW'])).toBe('zh-CN')
    expect(localeForLanguages(['fr-FR', 'en-GB', 'zh-CN'])).toBe('en')
    expect(localeForLanguages(['de-DE'])).toBe('en')
    expect(localeForLanguages([])).toBe('en')
  })

  it('prefers the language chosen on this device over the browser, ignoring a stored value it does not know', () => {
    const storage = (value: string | null) => ({ getItem: (key: string) => (key === LANGUAGE_STORAGE_KEY ? value : null) })

    expect(initialLocale(storage('en'), ['zh-CN'])).toBe('en')
    expect(initialLocale(storage('zh-CN'), ['en-US'])).toBe('zh-CN')
    expect(initialLocale(storage('klingon'), ['zh-CN'])).toBe('zh-CN')
    expect(
      initialLocale(
        {
          getItem: () => {
            throw new Error('SecurityError')
          }
        },
        ['zh-CN']
      )
    ).toBe('zh-CN')
  })

  it('switches at once, keeps the choice for the next start and sets <html lang>', () => {
    setLocale('zh-CN')

    expect(i18n.global.t('app.nav.incidents')).toBe('事件')
    expect(document.documentElement.lang).toBe('zh-CN')
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN')
  })
})

describe('the domain labels', () => {
  it('hold in English the same words as the tables in src/shared (the command line still uses those; briefings read the catalogue)', async () => {
    const shared = {
      timelineGrouping: (await import('@shared/timeline/timelineLanes')).TIMELINE_GROUPING_LABELS,
      timelineFacet: (await import('@shared/timeline/timelineFacets')).TIMELINE_FACET_LABELS,
      timelineItemKind: (await import('@shared/timeline/timelineEvents')).TIMELINE_ITEM_KIND_LABELS,
      recordType: (await import('@shared/domain/recordTypes')).RECORD_TYPE_LABELS,
      responseKind: (await import('@shared/domain/incidentResponse')).RESPONSE_KIND_LABELS,
      incidentCategory: (await import('@shared/domain/incident')).INCIDENT_CATEGORY_LABELS,
      incidentStatus: (await import('@shared/domain/incident')).INCIDENT_STATUS_LABELS,
      incidentRole: (await import('@shared/domain/incident')).INCIDENT_ROLE_LABELS,
      revisionAction: (await import('@shared/domain/recordHistory')).REVISION_ACTION_LABELS,
      lawKind: (await import('@shared/domain/law')).LAW_KIND_LABELS,
      lawStatus: (await import('@shared/domain/law')).LAW_STATUS_LABELS,
      lawRelation: (await import('@shared/domain/law')).LAW_RELATION_LABELS,
      matterState: (await import('@shared/domain/responseLifecycle')).MATTER_STATE_LABELS,
      matterStepRole: (await import('@shared/domain/responseLifecycle')).MATTER_STEP_ROLE_LABELS,
      organisationKind: (await import('@shared/domain/organisation')).ORGANISATION_KIND_LABELS,
      organisationRelation: (await import('@shared/domain/organisation')).ORGANISATION_RELATION_LABELS,
      importFormat: (await import('@shared/interchange/importReading')).IMPORT_FORMAT_LABELS,
      importAction: (await import('@shared/interchange/importPlan')).IMPORT_ACTION_LABELS,
      responseOutcome: (await import('@shared/analytics/responsesByKindAndOutcome')).RESPONSE_OUTCOME_LABELS
    }

    // Briefing sections have no table in src/shared: briefings take their headings from the catalogue in the briefing's language.
    const { briefingSection, ...tables } = catalogues.en.domain as Record<string, unknown>
    expect(tables).toEqual(JSON.parse(JSON.stringify(shared)))
    expect(briefingSection).toEqual({
      summary: 'Summary',
      chronology: 'Chronology',
      'legal-basis': 'Legal basis',
      responses: 'Responses and outcomes',
      sources: 'Sources'
    })
  })

  it('write a code in the interface language, and an unknown code as it is', () => {
    expect(domainLabel('responseKind', 'summons')).toBe('Summons')
    expect(domainLabel('recordType', 'incident.plural')).toBe('Incidents')
    setLocale('zh-CN')
    expect(domainLabel('responseKind', 'summons')).toBe('约谈')
    expect(domainLabel('incidentCategory', 'consent-dark-pattern')).toBe('同意暗模式')
    expect(domainLabel('responseKind', 'not-a-kind')).toBe('not-a-kind')
  })
})
