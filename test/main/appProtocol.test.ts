import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../src/shared/security/contentSecurityPolicy'

const { protocol } = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() }
}))
vi.mock('electron', () => ({ protocol }))

import { APP_PAGE_URL, createBundleRequestHandler, registerAppProtocol, registerAppScheme, resolveBundlePath } from '../../src/main/appProtocol'

const root = '/opt/precedent/renderer'

describe('APP_PAGE_URL', () => {
  it('stays app://bundle/index.html, because IndexedDB data belongs to that origin', () => {
    expect(APP_PAGE_URL).toBe('app://bundle/index.html')
  })
})

describe('registerAppScheme', () => {
  beforeEach(() => vi.clearAllMocks())

  it('registers app: as a standard, secure scheme with fetch support', () => {
    registerAppScheme()

    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) }
    ])
  })

  it('does not bypass the CSP or enable service workers for the scheme', () => {
    registerAppScheme()

    const [[schemes]] = protocol.registerSchemesAsPrivileged.mock.calls as [[{ privileges: object }[]]]
    expect(schemes[0]?.privileges).not.toHaveProperty('bypassCSP')
    expect(schemes[0]?.privileges).not.toHaveProperty('allowServiceWorkers')
  })
})

describe('registerAppProtocol', () => {
  it('handles the app: scheme', () => {
    registerAppProtocol(root)

    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
  })
})

describe('resolveBundlePath', () => {
  it('serves index.html for the root URL', () => {
    expect(resolveBundlePath(root, 'app://bundle/')).toEqual({ kind: 'file', filePath: `${root}/index.html` })
  })

  it('maps a nested asset into the bundle folder', () => {
    expect(resolveBundlePath(root, 'app://bundle/assets/index-abc.js?v=1#x')).toEqual({
      kind: 'file',
      filePath: `${root}/assets/index-abc.js`
    })
  })

  it('decodes percent-encoded characters in file names', () => {
    expect(resolveBundlePath(root, 'app://bundle/fonts/Source%20Sans.woff2')).toEqual({
      kind: 'file',
      filePath: `${root}/fonts/Source Sans.woff2`
    })
  })

  it.each([
    'app://bundle/..%2f..%2fetc/passwd',
    'app://bundle/%2fetc%2fpasswd',
    'app://bundle/..%5c..%5cwindows%5cwin.ini',
    'app://bundle/%2E%2E%2F%2E%2E%2Fetc/passwd',
    'app://bundle/index.html%00.png',
    'app://bundle/C:/Windows/win.ini',
    'app://bundle/%E0%A4%A',
    'app://bundle.evil/index.html',
    'app://evil/index.html',
    'app://x@bundle/index.html',
    'app://bundle:8080/index.html',
    'file:///etc/passwd',
    'https://bundle/index.html',
    '/etc/passwd',
    'not a url'
  ])('refuses %s', (url) => {
    expect(resolveBundlePath(root, url).kind).toBe('forbidden')
  })

  it.each([
    'app://bundle/../../etc/passwd',
    'app://bundle/%2e%2e/%2e%2e/etc/passwd',
    'app://bundle/assets/.%2e/.%2e/.%2e/etc/passwd',
    'app://bundle//etc/passwd'
  ])('keeps %s inside the bundle folder (the URL parser folds the dot segments away)', (url) => {
    expect(resolveBundlePath(root, url)).toEqual({ kind: 'file', filePath: `${root}/etc/passwd` })
  })
})

describe('createBundleRequestHandler', () => {
  let workspace: string
  let bundle: string
  let handler: (request: Request) => Promise<Response>

  beforeAll(async () => {
    workspace = await mkdtemp(path.join(tmpdir(), 'precedent-bundle-'))
    bundle = path.join(workspace, 'renderer')
    await mkdir(path.join(bundle, 'assets'), { recursive: true })
    await writeFile(path.join(bundle, 'index.html'), '<!doctype html><title>Precedent</title>')
    await writeFile(path.join(bundle, 'assets', 'app.js'), 'export {}')
    await writeFile(path.join(workspace, 'secret.txt'), 'outside the bundle')
    await symlink(path.join(workspace, 'secret.txt'), path.join(bundle, 'assets', 'leak.txt'))
    await symlink(path.join(bundle, 'assets', 'app.js'), path.join(bundle, 'alias.js'))
    handler = createBundleRequestHandler(bundle)
  })

  afterAll(async () => {
    await rm(workspace, { recursive: true, force: true })
  })

  it('serves the page with its content type', async () => {
    const response = await handler(new Request('app://bundle/index.html'))

    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await response.text()).toContain('<title>Precedent</title>')
  })

  it('sends the app CSP with every response', async () => {
    const served = await handler(new Request('app://bundle/assets/app.js'))
    const missing = await handler(new Request('app://bundle/missing.js'))

    expect(served.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
  })

  it('forbids MIME sniffing', async () => {
    const response = await handler(new Request('app://bundle/assets/app.js'))

    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('answers 404 for a file that does not exist', async () => {
    expect((await handler(new Request('app://bundle/nope.html'))).status).toBe(404)
  })

  it('answers 404 for a directory', async () => {
    expect((await handler(new Request('app://bundle/assets'))).status).toBe(404)
  })

  it('answers 403 for a symbolic link that points outside the bundle', async () => {
    const response = await handler(new Request('app://bundle/assets/leak.txt'))

    expect(response.status).toBe(403)
    expect(await response.text()).not.toContain('outside the bundle')
  })

  it('follows a symbolic link that stays inside the bundle', async () => {
    expect((await handler(new Request('app://bundle/alias.js'))).status).toBe(200)
  })

  it('answers 403 for an encoded path escape', async () => {
    expect((await handler(new Request('app://bundle/..%2fsecret.txt'))).status).toBe(403)
  })

  it('answers 403 for another host', async () => {
    expect((await handler(new Request('app://evil/index.html'))).status).toBe(403)
  })

  it('answers 405 to anything but GET and HEAD', async () => {
    expect((await handler(new Request('app://bundle/index.html', { method: 'POST', body: 'x' }))).status).toBe(405)
  })
})
