/**
 * Name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace and a name). STIX ids made this way
 * are the same every time the same record is exported, so a re-export replaces rather than
 * duplicates, and an importer can check an id against the record it claims to be. Written out
 * here because src/shared may not use node:crypto, and WebCrypto's digest is asynchronous.
 */

const encoder = new TextEncoder()
// One message schedule for every call: a bundle of 100k records hashes several hundred thousand names.
const schedule = new Uint32Array(80)
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))

function sha1(bytes: Uint8Array): Uint8Array {
  const paddedLength = Math.ceil((bytes.length + 9) / 64) * 64
  const message = new Uint8Array(paddedLength)
  message.set(bytes)
  message[bytes.length] = 0x80
  // The length in bits goes in the last 8 bytes, big-endian; names are far below 2^32 bits.
  const bitLength = bytes.length * 8
  message[paddedLength - 4] = bitLength >>> 24
  message[paddedLength - 3] = (bitLength >>> 16) & 0xff
  message[paddedLength - 2] = (bitLength >>> 8) & 0xff
  message[paddedLength - 1] = bitLength & 0xff

  let h0 = 0x67452301
  let h1 = 0xefcdab89
  let h2 = 0x98badcfe
  let h3 = 0x10325476
  let h4 = 0xc3d2e1f0
  const w = schedule
  for (let offset = 0; offset < paddedLength; offset += 64) {
    for (let i = 0; i < 16; i += 1) {
      const at = offset + i * 4
      w[i] = (message[at]! << 24) | (message[at + 1]! << 16) | (message[at + 2]! << 8) | message[at + 3]!
    }
    for (let i = 16; i < 80; i += 1) {
      const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!
      w[i] = (x << 1) | (x >>> 31)
    }
    let a = h0
    let b = h1
    let c = h2
    let d = h3
    let e = h4
    for (let i = 0; i < 80; i += 1) {
      let f: number
      let k: number
      if (i < 20) {
        f = (b & c) | (~b & d)
        k = 0x5a827999
      } else if (i < 40) {
        f = b ^ c ^ d
        k = 0x6ed9eba1
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d)
        k = 0x8f1bbcdc
      } else {
        f = b ^ c ^ d
        k = 0xca62c1d6
      }
      const temp = (((a << 5) | (a >>> 27)) + f + e + k + w[i]!) >>> 0
      e = d
      d = c
      c = ((b << 30) | (b >>> 2)) >>> 0
      b = a
      a = temp
    }
    h0 = (h0 + a) >>> 0
    h1 = (h1 + b) >>> 0
    h2 = (h2 + c) >>> 0
    h3 = (h3 + d) >>> 0
    h4 = (h4 + e) >>> 0
  }
  const digest = new Uint8Array(20)
  ;[h0, h1, h2, h3, h4].forEach((word, index) => {
    digest[index * 4] = word >>> 24
    digest[index * 4 + 1] = (word >>> 16) & 0xff
    digest[index * 4 + 2] = (word >>> 8) & 0xff
    digest[index * 4 + 3] = word & 0xff
  })
  return digest
}

function hexOf(bytes: Uint8Array): string {
  let hex = ''
  for (const byte of bytes) hex += HEX[byte]
  return hex
}

/** SHA-1 of a text's UTF-8 bytes, as lowercase hex (exported for tests against known vectors). */
export function sha1Hex(text: string): string {
  return hexOf(sha1(encoder.encode(text)))
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const namespaceBytes = new Map<string, Uint8Array>()

function uuidBytes(uuid: string): Uint8Array {
  let bytes = namespaceBytes.get(uuid)
  if (bytes !== undefined) return bytes
  if (!UUID_PATTERN.test(uuid)) throw new Error(`"${uuid}" is not a UUID`)
  const hex = uuid.replace(/-/g, '')
  bytes = new Uint8Array(16)
  for (let i = 0; i < 16; i += 1) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  namespaceBytes.set(uuid, bytes)
  return bytes
}

/** The version 5 UUID of `name` in `namespace` (itself a UUID), lowercase. */
export function uuidV5(namespace: string, name: string): string {
  const nameBytes = encoder.encode(name)
  const input = new Uint8Array(16 + nameBytes.length)
  input.set(uuidBytes(namespace))
  input.set(nameBytes, 16)
  const hash = sha1(input).subarray(0, 16)
  hash[6] = (hash[6]! & 0x0f) | 0x50
  hash[8] = (hash[8]! & 0x3f) | 0x80
  const hex = hexOf(hash)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
