import type { IpcErrorCode } from '../../shared/ipc/ipcResult'
import { TEAM_ERROR_CODES, TeamError } from '../../shared/team/teamProtocol'

/** Longest message a failure carries to the page: one line a person reads, not a dump. */
const MAX_SHOWN_MESSAGE_LENGTH = 500

/**
 * An error a service means the person to read: its code and message travel to the page as they
 * are (one line). Every other error becomes a generic `failed`, its details kept in the log.
 */
export class ShownIpcError extends Error {
  override readonly name = 'ShownIpcError'
  constructor(
    readonly code: IpcErrorCode,
    message: string
  ) {
    super(message)
  }
}

/**
 * The code and one-line message of an error meant for the person: a {@link ShownIpcError}, or a
 * `TeamError` from the team's server (whose messages are written for people: "cannot connect to …").
 * `undefined` for anything else.
 */
export function shownFailureOf(error: unknown): { code: IpcErrorCode; message: string } | undefined {
  if (error instanceof ShownIpcError) return { code: error.code, message: oneLine(error.message) }
  if (isTeamError(error)) return { code: error.code, message: oneLine(error.message) }
  return undefined
}

function isTeamError(error: unknown): error is TeamError {
  // By shape too: a TeamError from another copy of the protocol module (a bundled chunk) is still one.
  if (error instanceof TeamError) return true
  return error instanceof Error && error.name === 'TeamError' && (TEAM_ERROR_CODES as readonly unknown[]).includes((error as { code?: unknown }).code)
}

function oneLine(message: string): string {
  const first = message.split(/\r?\n/, 1)[0]?.trim() ?? ''
  const line = first === '' ? 'The request failed.' : first
  return line.length > MAX_SHOWN_MESSAGE_LENGTH ? `${line.slice(0, MAX_SHOWN_MESSAGE_LENGTH - 1)}…` : line
}
