/**
 * The page's one Trusted Types policy (RELIABILITY-SECURITY 45). The CSP requires Trusted Types for
 * every script sink and allows only this policy (`default`) and Vue's own (`vue`, which it uses
 * for its compiled static templates). As the default policy, this is what the browser consults
 * whenever a plain string reaches a sink:
 * - script URLs (the search worker Vite bundles) pass only when they are on the app's own origin;
 * - HTML and script strings never pass: the app renders data as text and has no HTML sink, so any
 *   string that reaches one is a bug or an attack, and the browser blocks it.
 */
export const TRUSTED_TYPES_POLICY_NAME = 'default'

interface TrustedTypePolicyFactoryLike {
  createPolicy(
    name: string,
    rules: {
      createScriptURL?: (input: string) => string | null
      createHTML?: (input: string) => string | null
      createScript?: (input: string) => string | null
    }
  ): unknown
}

/** Whether `input` names a script on the page's own origin (protocol and host: app:// has the origin "null"). */
export function isSameOriginScriptUrl(input: string, page: { readonly href: string }): boolean {
  try {
    const url = new URL(input, page.href)
    const here = new URL(page.href)
    return url.protocol === here.protocol && url.host === here.host
  } catch {
    return false
  }
}

/** Installs the policy where the browser supports Trusted Types; a no-op elsewhere (and in unit tests). */
export function installTrustedTypesPolicy(
  host: { readonly trustedTypes?: TrustedTypePolicyFactoryLike; readonly location: { readonly href: string } } = globalThis as never
): boolean {
  const factory = host.trustedTypes
  if (factory === undefined) return false
  factory.createPolicy(TRUSTED_TYPES_POLICY_NAME, {
    createScriptURL: (input) => (isSameOriginScriptUrl(input, host.location) ? input : null),
    createHTML: () => null,
    createScript: () => null
  })
  return true
}
