import { message, type MessageValue } from '../locale/message'

/**
 * Limits checked before parsing (RELIABILITY-SECURITY 30): a file past them is refused whole with
 * a message naming the limit, never half-read. The largest real data set we know of (the CMS fines
 * feed) is 3.5 MB, so these leave ample room for genuine work and none for a hostile file.
 */
export interface ImportLimits {
  /** Bytes of one file. */
  readonly maxFileBytes: number
  /** Rows of one table, or elements of one JSON array. */
  readonly maxRows: number
  /** Characters of one cell. */
  readonly maxFieldChars: number
  /** Columns of one table. */
  readonly maxColumns: number
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: 64 * 1024 * 1024,
  maxRows: 200_000,
  maxFieldChars: 100_000,
  maxColumns: 500
}

/** "64 MB" for a byte count, for messages. */
export function formatByteSize(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${Math.round((bytes / (1024 * 1024 * 1024)) * 10) / 10} GB`
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`
  return `${bytes} bytes`
}

/** A byte count for a message: "64 MB" (units are the same in every language), or "12 bytes" in words. */
export function byteSize(bytes: number): MessageValue {
  return bytes >= 1024 ? formatByteSize(bytes) : message('importProblems.size.bytes', { count: bytes })
}
