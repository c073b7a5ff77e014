import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { z } from '../../shared/lib/zod'
import type { IpcChannel } from '../../shared/ipc/channels'
import { ipcContract, type IpcParsedRequest, type IpcResponse } from '../../shared/ipc/contract'
import { failure, success, type IpcResult } from '../../shared/ipc/ipcResult'
import { isTrustedSender } from '../security/isTrustedSender'
import { shownFailureOf } from './shownIpcError'

/** What a service may know about the request besides its parsed body. */
export interface IpcRequestContext {
  /** The window the request came from, to parent native dialogs; null if it is gone. */
  readonly window: BrowserWindow | null
}

/** A main-process service behind one channel. It may throw; `handle` turns that into data. */
export type IpcService<C extends IpcChannel> = (request: IpcParsedRequest<C>, context: IpcRequestContext) => Promise<IpcResponse<C>>

/**
 * Registers `run` on `channel`. Every channel goes through here, so none can skip the checks.
 * See {@link answerIpcRequest} for what happens to each request.
 */
export function handle<C extends IpcChannel>(channel: C, appUrl: URL, run: IpcService<C>): void {
  ipcMain.handle(channel, (event, raw: unknown) => answerIpcRequest(channel, appUrl, run, event, raw))
}

/**
 * Answers one request: refuses a sender that is not our top-level page, refuses a body that does
 * not match the channel's schema, runs the service and checks its response against the contract.
 * Never rejects: every outcome, including a thrown error, comes back as an {@link IpcResult},
 * because Electron would pass only an error's message (and our stack) through `invoke`. An error
 * meant for the person (a `TeamError`, a `ShownIpcError`) keeps its code and one-line message.
 */
export async function answerIpcRequest<C extends IpcChannel>(
  channel: C,
  appUrl: URL,
  run: IpcService<C>,
  event: IpcMainInvokeEvent,
  raw: unknown
): Promise<IpcResult<IpcResponse<C>>> {
  try {
    if (!isTrustedSender(event.senderFrame, appUrl)) {
      console.warn(`[ipc] refused ${channel} from an untrusted frame`)
      return failure('untrusted-sender', `Refused ${channel}: the sender is not the app page`)
    }
    const schemas = ipcContract[channel]
    const parsed = schemas.request.safeParse(raw)
    if (!parsed.success) return failure('invalid-request', z.prettifyError(parsed.error))
    // NOTE: indexing the contract with a generic C yields the union of all request types;
    // the schema just parsed is channel C's, so its output is IpcParsedRequest<C>.
    const request = parsed.data as IpcParsedRequest<C>
    const response = await run(request, { window: BrowserWindow.fromWebContents(event.sender) })
    return success(schemas.response.parse(response) as IpcResponse<C>)
  } catch (error) {
    const shown = shownFailureOf(error)
    if (shown !== undefined) {
      console.warn(`[ipc] ${channel} failed (${shown.code}): ${shown.message}`)
      return failure(shown.code, shown.message)
    }
    console.error(`[ipc] ${channel} failed`, error)
    return failure('failed', 'The operation failed. Details are in the log.')
  }
}
