/** Everything the command line does to the outside world, so commands can be tested in memory. */
export interface CliIo {
  /**
   * The bytes of a file. Implementations check the size first and refuse a file over `maxBytes`
   * without reading it (an ImportInputError naming the file).
   */
  readFile(path: string, maxBytes: number): Promise<Uint8Array>
  /** The files in a directory (full paths, sorted), or `undefined` when `path` is not a directory. */
  listDirectory(path: string): Promise<string[] | undefined>
  /** Writes a whole file atomically: it is complete or not there. */
  writeFile(path: string, data: string | Uint8Array): Promise<void>
  out(text: string): void
  err(text: string): void
  /** The current time, ISO 8601. */
  now(): string
}

/** A mistake in how the command was called: the message plus a pointer to `--help`. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}
