import MiniSearch, { type Options } from 'minisearch'

// The search index snapshot in a compact form. MiniSearch's own JSON nests an object per term and
// field ({"fieldId": {"docId": frequency}}): at 100k incidents, building and parsing millions of
// small objects made a save take 9–16 s and a load 5–11 s. Here the postings are one flat array of
// numbers (document ids as deltas), which JSON writes and reads far faster; loading fills
// MiniSearch's maps directly. Like termQuery.ts this uses MiniSearch 7.2 internals (pinned), and
// test/renderer/searchIndex checks that a loaded index answers as the original did.

/** Written into every snapshot; a snapshot in another format is refused (and the index rebuilt). */
export const SNAPSHOT_FORMAT = 'precedent-search-index-1'

interface MiniSearchInternals {
  _index: Iterable<[string, Map<number, Map<number, number>>]> & { set(term: string, data: Map<number, Map<number, number>>): void }
  _documentIds: Map<number, string>
  _idToShortId: Map<string, number>
  _fieldIds: Record<string, number>
  _fieldLength: Map<number, number[]>
  _avgFieldLength: number[]
  _documentCount: number
  _nextId: number
  _dirtCount: number
  _storedFields: Map<number, Record<string, unknown>>
}

interface CompactSnapshot {
  readonly format: typeof SNAPSHOT_FORMAT
  readonly documentCount: number
  readonly nextId: number
  readonly dirtCount: number
  readonly fieldIds: Record<string, number>
  readonly averageFieldLength: number[]
  /** Per document, in the same order: short id, id, field lengths (one per field), stored fields. */
  readonly shortIds: number[]
  readonly ids: string[]
  readonly fieldLengths: number[]
  readonly storedFields: (Record<string, unknown> | null)[]
  readonly terms: string[]
  /** Per term: number of fields, then per field: field id, number of documents, then (id delta, frequency) pairs. */
  readonly postings: number[]
}

/** The index as a compact JSON string. */
export function saveIndex(index: MiniSearch): string {
  const internals = index as unknown as MiniSearchInternals
  const fieldCount = Object.keys(internals._fieldIds).length
  const shortIds: number[] = []
  const ids: string[] = []
  const fieldLengths: number[] = []
  const storedFields: (Record<string, unknown> | null)[] = []
  for (const [shortId, id] of internals._documentIds) {
    shortIds.push(shortId)
    ids.push(id)
    const lengths = internals._fieldLength.get(shortId) ?? []
    for (let field = 0; field < fieldCount; field += 1) fieldLengths.push(lengths[field] ?? 0)
    storedFields.push(internals._storedFields.get(shortId) ?? null)
  }
  const terms: string[] = []
  const postings: number[] = []
  for (const [term, byField] of internals._index) {
    terms.push(term)
    postings.push(byField.size)
    for (const [fieldId, byDocument] of byField) {
      postings.push(fieldId, byDocument.size)
      let previous = 0
      for (const [docId, frequency] of byDocument) {
        postings.push(docId - previous, frequency)
        previous = docId
      }
    }
  }
  const snapshot: CompactSnapshot = {
    format: SNAPSHOT_FORMAT,
    documentCount: internals._documentCount,
    nextId: internals._nextId,
    dirtCount: internals._dirtCount,
    fieldIds: internals._fieldIds,
    averageFieldLength: internals._avgFieldLength,
    shortIds,
    ids,
    fieldLengths,
    storedFields,
    terms,
    postings
  }
  return JSON.stringify(snapshot)
}

/** Restores an index saved by {@link saveIndex} with the same options; throws on anything else. */
export function loadIndex<T>(json: string, options: Options<T>): MiniSearch<T> {
  const snapshot = JSON.parse(json) as Partial<CompactSnapshot> | null
  if (snapshot?.format !== SNAPSHOT_FORMAT || !Array.isArray(snapshot.postings) || !Array.isArray(snapshot.terms)) {
    throw new Error('Not a search index snapshot in the current format')
  }
  // An empty MiniSearch snapshot through the public loader gives an instance with these options;
  // its maps are then filled directly.
  const index = MiniSearch.loadJS<T>(
    {
      documentCount: snapshot.documentCount,
      nextId: snapshot.nextId,
      fieldIds: snapshot.fieldIds,
      averageFieldLength: snapshot.averageFieldLength,
      dirtCount: snapshot.dirtCount,
      documentIds: {},
      fieldLength: {},
      storedFields: {},
      index: [],
      serializationVersion: 2
    } as never,
    options
  )
  const internals = index as unknown as MiniSearchInternals
  const fieldCount = Object.keys(snapshot.fieldIds ?? {}).length
  const { shortIds = [], ids = [], fieldLengths = [], storedFields = [], terms, postings } = snapshot
  shortIds.forEach((shortId, position) => {
    internals._documentIds.set(shortId, ids[position]!)
    internals._idToShortId.set(ids[position]!, shortId)
    internals._fieldLength.set(shortId, fieldLengths.slice(position * fieldCount, (position + 1) * fieldCount))
    const stored = storedFields[position]
    if (stored) internals._storedFields.set(shortId, stored)
  })
  let at = 0
  for (const term of terms) {
    const byField = new Map<number, Map<number, number>>()
    const fields = postings[at++]!
    for (let field = 0; field < fields; field += 1) {
      const fieldId = postings[at++]!
      const count = postings[at++]!
      const byDocument = new Map<number, number>()
      let docId = 0
      for (let entry = 0; entry < count; entry += 1) {
        docId += postings[at++]!
        byDocument.set(docId, postings[at++]!)
      }
      byField.set(fieldId, byDocument)
    }
    internals._index.set(term, byField)
  }
  return index
}
