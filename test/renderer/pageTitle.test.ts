import { afterEach, describe, expect, it } from 'vitest'
import { pageTitle, router } from '@renderer/router'
import { setLocale } from '@renderer/i18n'
import { catalogues } from '@renderer/i18n/i18n'

afterEach(() => {
  setLocale('en')
})

describe('the window title', () => {
  it('has, for every route with a title, its words in the catalogue, the English equal to the route', () => {
    const titled = router.getRoutes().filter((route) => typeof route.meta.title === 'string')
    const english = catalogues.en.pageTitle as Record<string, string>

    expect(titled.length).toBeGreaterThan(30)
    for (const route of titled) expect(english[String(route.name)], String(route.name)).toBe(route.meta.title)
  })

  it('is the page and the app in the interface language', () => {
    const incidents = router.getRoutes().find((route) => route.name === 'incidents')!

    expect(pageTitle(incidents)).toBe('Incidents · Precedent')
    setLocale('zh-CN')
    expect(pageTitle(incidents)).toBe('事件 · Precedent')
    expect(pageTitle({ name: 'not-found', meta: {} })).toBe('Precedent')
  })
})
