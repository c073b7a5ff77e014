import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ShownIpcError } from '../../../src/main/ipc/shownIpcError'
import { NO_SAFE_STORAGE_MESSAGE, TeamConnectionStore, type ClosableTeamServer, type PasswordVault } from '../../../src/main/services/teamConnectionStore'
import { TeamError, type TeamConnection, type TeamStatus } from '../../../src/shared/team/teamProtocol'
import { catchError } from '../../support/catchError'

const PASSWORD = 'correct horse battery staple'
const CONNECTION: TeamConnection = { host: 'db.ministry.example', port: 5432, database: 'precedent', user: 'alice', password: PASSWORD }
const STATUS: TeamStatus = { user: 'alice', role: 'editor', schemaVersion: 1, headSeq: 12, openConflicts: 0, records: 40 }

/** A stand-in for the system keychain: reversible, and the text it keeps shows neither the password nor its base64. */
function fakeVault(available = true): PasswordVault {
  return {
    isEncryptionAvailable: vi.fn(() => available),
    encryptString: vi.fn((plain: string) => Buffer.from(`sealed:${[...plain].reverse().join('')}`, 'utf8')),
    decryptString: vi.fn((sealed: Buffer) => [...sealed.toString('utf8').replace(/^sealed:/, '')].reverse().join(''))
  }
}

function fakeServer(status: () => Promise<TeamStatus> = async () => STATUS): ClosableTeamServer & { close: ReturnType<typeof vi.fn> } {
  const refuse = async (): Promise<never> => {
    throw new Error('not used')
  }
  return {
    status: vi.fn(status),
    push: refuse,
    pull: refuse,
    currentRecords: refuse,
    conflicts: vi.fn(async () => []),
    resolveConflict: refuse,
    briefings: refuse,
    saveBriefing: refuse,
    close: vi.fn(async () => undefined)
  }
}

let folder: string
const filePath = (): string => path.join(folder, 'team-connection.json')

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'precedent-team-'))
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})

describe('TeamConnectionStore', () => {
  it('checks a connection by reading the status, then keeps it with the password encrypted', async () => {
    const server = fakeServer()
    const openServer = vi.fn(() => server)
    const store = new TeamConnectionStore({ filePath, vault: fakeVault(), openServer })

    const status = await store.connect(CONNECTION)

    expect(status).toEqual(STATUS)
    expect(openServer).toHaveBeenCalledWith(CONNECTION)
    const text = readFileSync(filePath(), 'utf8')
    expect(text).not.toContain(PASSWORD)
    expect(text).not.toContain(Buffer.from(PASSWORD).toString('base64'))
    expect(JSON.parse(text)).toMatchObject({
      connection: { host: 'db.ministry.example', port: 5432, database: 'precedent', user: 'alice' },
      encryptedPassword: expect.any(String)
    })
    expect(JSON.parse(text).connection).not.toHaveProperty('password')
    expect(await store.connection()).toEqual({ host: 'db.ministry.example', port: 5432, database: 'precedent', user: 'alice' })
  })

  it('writes the file atomically: no temporary file is left beside it', async () => {
    const store = new TeamConnectionStore({ filePath, vault: fakeVault(), openServer: () => fakeServer() })

    await store.connect(CONNECTION)

    expect(readdirSync(folder)).toEqual(['team-connection.json'])
  })

  it('refuses to keep a password when the system cannot encrypt it, says why, and contacts nobody', async () => {
    const openServer = vi.fn(() => fakeServer())
    const store = new TeamConnectionStore({ filePath, vault: fakeVault(false), openServer })

    const error = await catchError(store.connect(CONNECTION))

    expect(error).toBeInstanceOf(ShownIpcError)
    expect(error).toMatchObject({ code: 'failed', message: NO_SAFE_STORAGE_MESSAGE })
    expect(openServer).not.toHaveBeenCalled()
    expect(existsSync(filePath())).toBe(false)
  })

  it('keeps nothing when the server refuses the credentials, and keeps the error code', async () => {
    const server = fakeServer(async () => {
      throw new TeamError('bad-credentials', 'password authentication failed for user "alice"')
    })
    const store = new TeamConnectionStore({ filePath, vault: fakeVault(), openServer: () => server })

    const error = await catchError(store.connect(CONNECTION))

    expect(error).toMatchObject({ name: 'TeamError', code: 'bad-credentials' })
    expect(server.close).toHaveBeenCalled()
    expect(existsSync(filePath())).toBe(false)
    expect(await store.connection()).toBeNull()
  })

  it('blots the password out of an error message that repeats it', async () => {
    const server = fakeServer(async () => {
      throw new TeamError('unreachable', `cannot connect to db.ministry.example:5432 (postgres://alice:${PASSWORD}@db.ministry.example)`)
    })
    const store = new TeamConnectionStore({ filePath, vault: fakeVault(), openServer: () => server })

    const error = await catchError(store.connect(CONNECTION))

    expect(error).toMatchObject({ code: 'unreachable' })
    expect((error as Error).message).not.toContain(PASSWORD)
    expect((error as Error).message).toMatch(/^cannot connect to db\.ministry\.example:5432/)
  })

  it('after a restart, opens the kept connection with the decrypted password', async () => {
    await new TeamConnectionStore({ filePath, vault: fakeVault(), openServer: () => fakeServer() }).connect(CONNECTION)
    const server = fakeServer()
    const openServer = vi.fn(() => server)
    const restarted = new TeamConnectionStore({ filePath, vault: fakeVault(), openServer })

    const status = await restarted.use((team) => team.status())

    expect(status).toEqual(STATUS)
    expect(openServer).toHaveBeenCalledExactlyOnceWith(CONNECTION)
  })

  it('answers not-connected when no connection is kept', async () => {
    const store = new TeamConnectionStore({ filePath, vault: fakeVault(), openServer: () => fakeServer() })

    const error = await catchError(store.use((team) => team.status()))

    expect(error).toMatchObject({ code: 'not-connected' })
  })

  it('treats an unreadable kept file as no connection kept', async () => {
    writeFileSync(filePath(), '{"format": "something else"}')
    const store = new TeamConnectionStore({ filePath, vault: fakeVault(), openServer: () => fakeServer() })

    expect(await store.connection()).toBeNull()
    expect(await catchError(store.use((team) => team.status()))).toMatchObject({ code: 'not-connected' })
  })

  it('disconnecting closes the server and forgets the connection and its password', async () => {
    const server = fakeServer()
    const store = new TeamConnectionStore({ filePath, vault: fakeVault(), openServer: () => server })
    await store.connect(CONNECTION)

    expect(await store.disconnect()).toEqual({ disconnected: true })

    expect(server.close).toHaveBeenCalled()
    expect(existsSync(filePath())).toBe(false)
    expect(await store.connection()).toBeNull()
  })

  it('connecting again closes the previous server', async () => {
    const first = fakeServer()
    const second = fakeServer()
    const openServer = vi.fn().mockReturnValueOnce(first).mockReturnValueOnce(second)
    const store = new TeamConnectionStore({ filePath, vault: fakeVault(), openServer })

    await store.connect(CONNECTION)
    await store.connect({ ...CONNECTION, user: 'bob' })

    expect(first.close).toHaveBeenCalled()
    expect(second.close).not.toHaveBeenCalled()
    expect(await store.connection()).toMatchObject({ user: 'bob' })
  })
})
