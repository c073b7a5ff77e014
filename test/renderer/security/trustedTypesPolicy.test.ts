import { describe, expect, it, vi } from 'vitest'
import { installTrustedTypesPolicy, isSameOriginScriptUrl } from '@renderer/security/trustedTypesPolicy'

describe('isSameOriginScriptUrl', () => {
  it.each([
    ['./assets/searchIndex.worker-abc.js', 'app://bundle/index.html', true],
    ['app://bundle/assets/w.js', 'app://bundle/index.html', true],
    ['app://bundle.evil/assets/w.js', 'app://bundle/index.html', false],
    ['http://127.0.0.1:4173/assets/w.js', 'http://127.0.0.1:4173/', true],
    ['http://127.0.0.1:4174/assets/w.js', 'http://127.0.0.1:4173/', false],
    ['https://cdn.example/w.js', 'app://bundle/index.html', false],
    ['data:text/javascript,alert(1)', 'app://bundle/index.html', false],
    ['javascript:alert(1)', 'app://bundle/index.html', false]
  ])('%s from %s: %s', (input, page, expected) => {
    expect(isSameOriginScriptUrl(input, { href: page })).toBe(expected)
  })
})

describe('installTrustedTypesPolicy', () => {
  it('creates the default policy: same-origin script URLs pass, HTML and scripts never', () => {
    const createPolicy = vi.fn()
    const installed = installTrustedTypesPolicy({ trustedTypes: { createPolicy }, location: { href: 'app://bundle/index.html' } })

    expect(installed).toBe(true)
    const [name, rules] = createPolicy.mock.calls[0] as [string, Record<string, (input: string) => string | null>]
    expect(name).toBe('default')
    expect(rules.createScriptURL!('./assets/w.js')).toBe('./assets/w.js')
    expect(rules.createScriptURL!('https://evil.example/w.js')).toBeNull()
    expect(rules.createHTML!('<img src=x onerror=alert(1)>')).toBeNull()
    expect(rules.createScript!('alert(1)')).toBeNull()
  })

  it('does nothing where the browser has no Trusted Types', () => {
    expect(installTrustedTypesPolicy({ location: { href: 'http://localhost/' } })).toBe(false)
  })
})
