import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicyDirectives } from '../../src/shared/security/contentSecurityPolicy'

const html = readFileSync(resolve(__dirname, '../../src/renderer/index.html'), 'utf8')

function metaPolicy(): string {
  const match = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)
  if (!match?.[1]) throw new Error('index.html has no CSP meta tag')
  return match[1]
}

describe('index.html', () => {
  it('carries the same content security policy that the desktop app sends as a header', () => {
    // A <meta> policy ignores frame-ancestors, so the page leaves it to the header.
    const expected = Object.entries(contentSecurityPolicyDirectives)
      .filter(([directive]) => directive !== 'frame-ancestors')
      .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
      .join('; ')

    expect(metaPolicy()).toBe(expected)
  })

  it('allows no inline script, no eval and no remote origin', () => {
    const policy = metaPolicy()

    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/)
  })

  it('loads its one script from the bundle, not inline', () => {
    expect(html).toMatch(/<script type="module" src="\.\/main\.ts"><\/script>/)
    expect(html).not.toMatch(/<script>(?!<\/script>)/)
  })
})
