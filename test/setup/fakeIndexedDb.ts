import 'fake-indexeddb/auto'

// Chromium stores Blobs in IndexedDB (compressed backups are kept as Blobs); Node's structuredClone,
// which fake-indexeddb clones with, turns a Blob into `{}`. A Blob is immutable, so keeping the same
// Blob is what a clone would give: top-level Blob fields of a stored object pass through as they are.
const cloneStructurally = globalThis.structuredClone
globalThis.structuredClone = ((value: unknown, options?: StructuredSerializeOptions) => {
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return cloneStructurally(value, options)
  const blobs = Object.entries(value).filter(([, field]) => field instanceof Blob)
  if (blobs.length === 0) return cloneStructurally(value, options)
  const rest = Object.fromEntries(Object.entries(value).filter(([, field]) => !(field instanceof Blob)))
  return Object.assign(cloneStructurally(rest, options), Object.fromEntries(blobs))
}) as typeof structuredClone
