import { z } from '../lib/zod'
import { IpcChannel } from './channels'
import { isSafeExternalUrl, MAX_EXTERNAL_URL_LENGTH } from '../security/externalUrl'
import { MAX_FILE_NAME_LENGTH } from '../security/safeFileName'
import { APP_LOCALES } from '../locale/interfaceLocales'
import {
  conflictsRequestSchema,
  currentRecordsPageSchema,
  currentRecordsRequestSchema,
  MAX_PUSH_CHANGES,
  pullPageSchema,
  pullRequestSchema,
  pushedChangeSchema,
  pushResultSchema,
  resolveConflictRequestSchema,
  resolveOutcomeSchema,
  saveBriefingRequestSchema,
  teamBriefingSchema,
  teamConflictSchema,
  teamConnectionSchema,
  teamStatusSchema
} from '../team/teamProtocol'

/** Largest export `file:save` accepts, in UTF-16 code units of `content` (~100 MB). */
export const MAX_SAVED_CONTENT_LENGTH = 100 * 1024 * 1024

/** Largest backup file `backup:begin` accepts, in bytes (gzip; 100k records take tens of MB). */
export const MAX_BACKUP_FILE_BYTES = 4 * 1024 * 1024 * 1024

/** Largest piece of a backup one `backup:chunk` carries, in bytes. */
export const MAX_BACKUP_CHUNK_BYTES = 4 * 1024 * 1024

/**
 * Largest briefing `briefing:print-pdf` accepts, in characters. Main loads the HTML as a data:
 * URL, and Chromium refuses URLs over 2 MiB; base64 grows text by 4/3.
 */
export const MAX_BRIEFING_HTML_LENGTH = 1_000_000

const suggestedFileNameSchema = z
  .string()
  .min(1)
  .max(MAX_FILE_NAME_LENGTH)
  .describe('A name for the save dialog to propose; main sanitises it and the user chooses the path.')

const fileFilterSchema = z.strictObject({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[A-Za-z0-9]{1,16}$/, 'An extension is letters and digits only, without a dot'))
    .min(1)
    .max(10)
})

const savedPathSchema = z.strictObject({
  /** Where the file was written, or `null` when the user cancelled the dialog. */
  savedPath: z.string().nullable()
})

/** Where the team's server is, as main tells the page: never with the password. */
export const keptTeamConnectionSchema = teamConnectionSchema.omit({ password: true })

const saveFileBase = {
  suggestedFileName: suggestedFileNameSchema,
  filters: z.array(fileFilterSchema).max(10).optional()
}

/**
 * The one place each channel's request and response shape is written down. Main parses every
 * request with these schemas; `satisfies` makes a channel without schemas a compile error.
 * Objects are strict: an unexpected key is an invalid request, not silently dropped data.
 */
export const ipcContract = {
  [IpcChannel.getAppInfo]: {
    // invoke() without an argument arrives as undefined.
    request: z.undefined(),
    response: z.strictObject({
      name: z.string(),
      version: z.string(),
      platform: z.string()
    })
  },
  [IpcChannel.openExternalLink]: {
    request: z.strictObject({
      url: z.string().max(MAX_EXTERNAL_URL_LENGTH).refine(isSafeExternalUrl, 'Only https: and mailto: links can be opened')
    }),
    response: z.strictObject({ opened: z.boolean() })
  },
  [IpcChannel.setInterfaceLanguage]: {
    // The page's language, so the native menu speaks it too.
    request: z.strictObject({ locale: z.enum(APP_LOCALES) }),
    response: z.strictObject({})
  },
  [IpcChannel.saveFile]: {
    request: z.discriminatedUnion('encoding', [
      z.strictObject({ ...saveFileBase, encoding: z.literal('utf8'), content: z.string().max(MAX_SAVED_CONTENT_LENGTH) }),
      z.strictObject({ ...saveFileBase, encoding: z.literal('base64'), content: z.base64().max(MAX_SAVED_CONTENT_LENGTH) })
    ]),
    response: savedPathSchema
  },
  [IpcChannel.beginBackupUpload]: {
    request: z.strictObject({
      /** When the backup was taken; it names the file, so it must be an exact ISO timestamp. */
      createdAt: z.iso.datetime({ offset: true }),
      /** The size of the gzip-compressed bundle that the chunks will carry. */
      totalBytes: z.number().int().min(20).max(MAX_BACKUP_FILE_BYTES)
    }),
    response: z.strictObject({ uploadId: z.uuid() })
  },
  [IpcChannel.backupUploadChunk]: {
    request: z.strictObject({
      uploadId: z.uuid(),
      /** Where these bytes go in the file: exactly the number of bytes sent before. */
      offset: z.number().int().min(0).max(MAX_BACKUP_FILE_BYTES),
      bytes: z
        .instanceof(Uint8Array)
        .refine((bytes) => bytes.byteLength >= 1 && bytes.byteLength <= MAX_BACKUP_CHUNK_BYTES, `A chunk is 1 byte to ${MAX_BACKUP_CHUNK_BYTES} bytes`)
    }),
    response: z.strictObject({ received: z.number().int().min(0) })
  },
  [IpcChannel.commitBackupUpload]: {
    request: z.strictObject({ uploadId: z.uuid() }),
    response: z.strictObject({ savedPath: z.string() })
  },
  [IpcChannel.abortBackupUpload]: {
    request: z.strictObject({ uploadId: z.uuid() }),
    response: z.strictObject({ aborted: z.boolean() })
  },
  [IpcChannel.printBriefingPdf]: {
    request: z.strictObject({
      html: z.string().min(1).max(MAX_BRIEFING_HTML_LENGTH),
      suggestedFileName: suggestedFileNameSchema
    }),
    response: savedPathSchema
  },
  // Team sync (issue 13): the page's TeamServer goes through these to the PostgreSQL adapter in
  // main, which keeps the one connection. Shapes are the protocol's own schemas, so main parses
  // exactly what the server would, and a response can never carry the password (strict objects).
  [IpcChannel.teamConnect]: {
    /** Checked by reading the server's status before it is kept. */
    request: teamConnectionSchema,
    response: teamStatusSchema
  },
  [IpcChannel.teamDisconnect]: {
    request: z.undefined(),
    response: z.strictObject({ disconnected: z.boolean() })
  },
  [IpcChannel.teamConnection]: {
    request: z.undefined(),
    /** The kept connection without its password, or null when none is kept. */
    response: z.strictObject({ connection: keptTeamConnectionSchema.nullable() })
  },
  [IpcChannel.teamStatus]: { request: z.undefined(), response: teamStatusSchema },
  [IpcChannel.teamPush]: {
    request: z.strictObject({ changes: z.array(pushedChangeSchema).max(MAX_PUSH_CHANGES) }),
    response: pushResultSchema
  },
  [IpcChannel.teamPull]: { request: pullRequestSchema, response: pullPageSchema },
  [IpcChannel.teamCurrentRecords]: { request: currentRecordsRequestSchema, response: currentRecordsPageSchema },
  [IpcChannel.teamConflicts]: {
    request: conflictsRequestSchema,
    response: z.strictObject({ conflicts: z.array(teamConflictSchema) })
  },
  [IpcChannel.teamResolveConflict]: { request: resolveConflictRequestSchema, response: resolveOutcomeSchema },
  [IpcChannel.teamBriefings]: {
    request: z.undefined(),
    response: z.strictObject({ briefings: z.array(teamBriefingSchema) })
  },
  [IpcChannel.teamSaveBriefing]: { request: saveBriefingRequestSchema, response: teamBriefingSchema }
} satisfies Record<IpcChannel, { request: z.ZodType; response: z.ZodType }>

/** What the page sends on channel `C` (before main parses it). */
export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcContract)[C]['request']>

/** What main's service receives on channel `C`, after parsing. */
export type IpcParsedRequest<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['request']>

/** What a successful request on channel `C` returns. */
export type IpcResponse<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['response']>

/** The application's name, version and the operating system it runs on. */
export type AppInfo = IpcResponse<typeof IpcChannel.getAppInfo>

/** A request to write an export where the user chooses. */
export type SaveFileRequest = IpcRequest<typeof IpcChannel.saveFile>

/** A request to render briefing HTML to a PDF the user saves. */
export type PrintBriefingPdfRequest = IpcRequest<typeof IpcChannel.printBriefingPdf>

/** Where the team's server is, without the password (what main tells the page it keeps). */
export type KeptTeamConnection = z.infer<typeof keptTeamConnectionSchema>
