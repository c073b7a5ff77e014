import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/security/contentSecurityPolicy'

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the reviewed policy, directive for directive', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; " +
        "frame-src 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types default vue"
    )
  })

  it('requires Trusted Types for script sinks, from two named policies only', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("require-trusted-types-for 'script'")
    expect(CONTENT_SECURITY_POLICY).toMatch(/trusted-types default vue(;|$)/)
    expect(CONTENT_SECURITY_POLICY).not.toContain("'allow-duplicates'")
  })

  it('allows neither inline script nor eval', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval/)
  })

  it('names no remote source', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/)
  })
})
