/**
 * The page's Content Security Policy, directive by directive. Nothing may load from anywhere but
 * the app's own origin; `data:`/`blob:` images cover pasted figures and generated charts, and
 * `blob:` workers cover Vite's worker bundling. No 'unsafe-inline' and no 'unsafe-eval'.
 */
export const contentSecurityPolicyDirectives = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  // Every script sink takes only Trusted Types, made by the app's one policy or Vue's (renderer/security/trustedTypesPolicy.ts).
  'require-trusted-types-for': ["'script'"],
  'trusted-types': ['default', 'vue']
} as const satisfies Readonly<Record<string, readonly string[]>>

/**
 * The policy as one header value. Main sends it on every app:// response; the renderer's
 * index.html carries the same string in its CSP `<meta>` (minus frame-ancestors, which a
 * `<meta>` policy ignores), and a test compares the two.
 */
export const CONTENT_SECURITY_POLICY: string = Object.entries(contentSecurityPolicyDirectives)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ')
