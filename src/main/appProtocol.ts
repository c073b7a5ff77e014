import { protocol } from 'electron'
import { readFile, realpath } from 'node:fs/promises'
import path from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../shared/security/contentSecurityPolicy'

/** The privileged scheme the production page is served from. */
export const APP_SCHEME = 'app'

/** The one host of {@link APP_SCHEME}. */
export const APP_HOST = 'bundle'

/**
 * The production page. NOTE: IndexedDB data is stored per origin, so changing the scheme or the
 * host after the first release orphans every user's data. A test pins this value.
 */
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/**
 * Declares `app:` a standard, secure scheme. Must run before the app is ready. Standard gives the
 * page a real origin (IndexedDB, relative URLs); secure makes it a secure context; fetch support
 * lets the page and its workers load their own assets.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }])
}

/** Serves the built renderer folder `rendererRoot` on `app://bundle/`. Call once the app is ready. */
export function registerAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, createBundleRequestHandler(rendererRoot))
}

/** Where a request URL points inside the bundle, or why it may not be served. */
export type BundlePathResolution = { readonly kind: 'file'; readonly filePath: string } | { readonly kind: 'forbidden'; readonly reason: string }

// Encoded separators and NUL let a later decode step invent path structure the URL parser never saw.
const ENCODED_SEPARATOR_OR_NUL = /%(2f|5c|00)/i
const DRIVE_LETTER = /^[a-z]:$/i

/**
 * Maps an `app://bundle/…` request URL to a file under `root` without touching the disk.
 * Refuses a wrong scheme, host, port or credentials, encoded slashes or backslashes, NUL,
 * `..` segments (raw or percent-encoded), drive letters, and anything that would resolve outside
 * `root`. Symbolic links are checked by the request handler, which can see the disk.
 */
export function resolveBundlePath(root: string, requestUrl: string): BundlePathResolution {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return forbidden('unparsable URL')
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') {
    return forbidden('wrong origin')
  }
  if (ENCODED_SEPARATOR_OR_NUL.test(url.pathname)) return forbidden('encoded separator')
  let decodedPath: string
  try {
    decodedPath = decodeURIComponent(url.pathname)
  } catch {
    return forbidden('malformed percent-encoding')
  }
  if (decodedPath.includes('\\') || decodedPath.includes('\0')) return forbidden('backslash or NUL')
  const segments = decodedPath.split('/').filter((segment) => segment !== '')
  if (segments.some((segment) => segment === '..' || DRIVE_LETTER.test(segment))) {
    return forbidden('parent or drive segment')
  }
  const relativePath = segments.length === 0 ? 'index.html' : segments.join('/')
  const filePath = path.resolve(root, relativePath)
  if (!isInside(path.resolve(root), filePath)) return forbidden('outside the bundle')
  return { kind: 'file', filePath }
}

/**
 * The `protocol.handle` handler: GET and HEAD only, paths checked by {@link resolveBundlePath},
 * symbolic links followed only while they stay inside the bundle, and the app's CSP on every
 * response. Exported for tests; never throws (a failed read is a 404).
 */
export function createBundleRequestHandler(rendererRoot: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plainResponse(405, 'Method Not Allowed')
    const resolution = resolveBundlePath(rendererRoot, request.url)
    if (resolution.kind === 'forbidden') return plainResponse(403, 'Forbidden')
    try {
      const [realRoot, realFile] = await Promise.all([realpath(rendererRoot), realpath(resolution.filePath)])
      if (!isInside(realRoot, realFile)) return plainResponse(403, 'Forbidden')
      const body = await readFile(realFile)
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: { ...securityHeaders(), 'content-type': contentTypeOf(realFile) }
      })
    } catch {
      // ENOENT, EISDIR, EACCES: none of them is worth telling the page about.
      return plainResponse(404, 'Not Found')
    }
  }
}

function forbidden(reason: string): BundlePathResolution {
  return { kind: 'forbidden', reason }
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin'
  }
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...securityHeaders(), 'content-type': 'text/plain; charset=utf-8' }
  })
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8'
}

function contentTypeOf(filePath: string): string {
  return contentTypes[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}
