import { describe, expect, it, vi } from 'vitest'
import { createDesktopClient } from '../../../src/renderer/desktop/desktopClient'
import { createTeamBridge, type DesktopTeamApi } from '../../../src/renderer/desktop/teamBridge'
import { failure, success } from '../../../src/shared/ipc/ipcResult'
import { TeamError } from '../../../src/shared/team/teamProtocol'
import { catchError } from '../../support/catchError'

const STATUS = { user: 'alice', role: 'editor', schemaVersion: 1, headSeq: 4, openConflicts: 0, records: 12 } as const

function teamApi(overrides: Partial<DesktopTeamApi> = {}): DesktopTeamApi {
  const unused = vi.fn(async () => failure('failed', 'not used in this test'))
  return {
    teamConnect: vi.fn(async () => success(STATUS)),
    teamDisconnect: vi.fn(async () => success({ disconnected: true })),
    teamConnection: vi.fn(async () => success({ connection: { host: 'localhost', port: 5432, database: 'precedent', user: 'alice' } })),
    teamStatus: vi.fn(async () => success(STATUS)),
    teamPush: unused,
    teamPull: vi.fn(async () => success({ changes: [], headSeq: 4, more: false })),
    teamCurrentRecords: unused,
    teamConflicts: vi.fn(async () => success({ conflicts: [] })),
    teamResolveConflict: unused,
    teamBriefings: unused,
    teamSaveBriefing: unused,
    ...overrides
  }
}

describe('the team bridge', () => {
  it('answers the status main read from the server', async () => {
    await expect(createTeamBridge(teamApi()).status()).resolves.toEqual(STATUS)
  })

  it("keeps the server's error code and one-line message as a TeamError", async () => {
    const bridge = createTeamBridge(teamApi({ teamStatus: vi.fn(async () => failure('bad-credentials', 'password authentication failed for user "alice"')) }))

    const error = await catchError(bridge.status())

    expect(error).toBeInstanceOf(TeamError)
    expect(error).toMatchObject({ code: 'bad-credentials', message: 'password authentication failed for user "alice"' })
  })

  it("turns the bridge's own failures (not connected, invalid request) into TeamError failed", async () => {
    const bridge = createTeamBridge(
      teamApi({ teamPull: vi.fn(async () => failure('not-connected', 'Not connected to a team server: connect on the Team page.')) })
    )

    await expect(catchError(bridge.pull({ since: 0, limit: 10 }))).resolves.toMatchObject({
      code: 'failed',
      message: 'Not connected to a team server: connect on the Team page.'
    })
  })

  it('refuses an answer from main that does not match the protocol', async () => {
    const bridge = createTeamBridge(teamApi({ teamStatus: vi.fn(async () => success({ ...STATUS, role: 'owner' } as never)) }))

    const error = await catchError(bridge.status())

    expect(error).toMatchObject({ code: 'failed' })
    expect((error as Error).message).toMatch(/did not match the team protocol \(role\)/)
  })

  it('refuses a kept connection that carries a password', async () => {
    const bridge = createTeamBridge(
      teamApi({
        teamConnection: vi.fn(async () =>
          success({ connection: { host: 'localhost', port: 5432, database: 'precedent', user: 'alice', password: 'x' } } as never)
        )
      })
    )

    await expect(catchError(bridge.keptConnection())).resolves.toMatchObject({ code: 'failed' })
  })

  it('lists conflicts main answers, each checked', async () => {
    const api = teamApi()
    await expect(createTeamBridge(api).conflicts({ includeResolved: false })).resolves.toEqual([])
    expect(api.teamConflicts).toHaveBeenCalledWith({ includeResolved: false })
  })
})

describe('finding the team bridge', () => {
  const host = (desktop: unknown): Window => Object.assign(Object.create(window) as Window, { desktop })

  it('has no team server in a browser', () => {
    expect(createDesktopClient(host(undefined)).team).toBeUndefined()
  })

  it('uses team methods supplied alone (the end-to-end harness) while the rest stays in web mode', async () => {
    const client = createDesktopClient(host(teamApi()))

    expect(client.kind).toBe('browser')
    await expect(client.team?.status()).resolves.toEqual(STATUS)
  })

  it('ignores a bridge that lacks some team methods', () => {
    const { teamSaveBriefing: _left, ...partial } = teamApi()
    expect(createDesktopClient(host(partial)).team).toBeUndefined()
  })
})
