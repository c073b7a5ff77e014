const FNV_OFFSET = 0xcbf29ce484222325n
const FNV_PRIME = 0x100000001b3n
const MASK = 0xffffffffffffffffn

/**
 * A 64-bit FNV-1a hash of the text's UTF-16 code units, as 16 hex digits. Used for ids derived
 * from a row's content and for mapping signatures: the same text always gives the same id, on any
 * machine, so importing a file twice plans no change. Not a security measure.
 */
export function stableHash(text: string): string {
  let hash = FNV_OFFSET
  for (let index = 0; index < text.length; index += 1) {
    hash ^= BigInt(text.charCodeAt(index))
    hash = (hash * FNV_PRIME) & MASK
  }
  return hash.toString(16).padStart(16, '0')
}
