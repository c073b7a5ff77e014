import { v5, validate } from 'uuid'

/**
 * Name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace and a name). STIX ids made this way
 * are the same every time the same record is exported, so a re-export replaces rather than
 * duplicates, and an importer can check an id against the record it claims to be. The `uuid`
 * package hashes synchronously in the browser too (WebCrypto's digest is asynchronous).
 */

/** The version 5 UUID of `name` in `namespace` (itself a UUID), lowercase. */
export function uuidV5(namespace: string, name: string): string {
  // Checked here for a message that names the value; `uuid` says only "Invalid UUID".
  if (!validate(namespace)) throw new Error(`"${namespace}" is not a UUID`)
  return v5(name, namespace)
}
