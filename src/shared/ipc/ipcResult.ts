import type { TeamErrorCode } from '../team/teamProtocol'

/**
 * Why a request failed, as data. Electron passes only an error's `message` through `invoke`,
 * so failures cross the process boundary as values with a code the page can branch on.
 * - `untrusted-sender`: the request came from a frame that is not our top-level page.
 * - `invalid-request`: the request did not match the channel's schema.
 * - `failed`: the service threw; details are in the main-process log, not in the message.
 * - `not-connected`: a team channel was asked with no team server connected.
 * - a `TeamErrorCode` (`unreachable`, `bad-credentials`, …): the team's server failed the request;
 *   the message is the TeamError's one line, for the person.
 */
export type IpcErrorCode = 'untrusted-sender' | 'invalid-request' | 'failed' | 'not-connected' | TeamErrorCode

/** The outcome of every request/response channel. */
export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: IpcErrorCode; readonly message: string }

/** Wraps a service's return value. */
export function success<T>(value: T): IpcResult<T> {
  return { ok: true, value }
}

/** Describes a refused or failed request; `message` must be safe to show and to log. */
export function failure<T = never>(code: IpcErrorCode, message: string): IpcResult<T> {
  return { ok: false, code, message }
}
