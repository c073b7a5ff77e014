// Times duplicate search over a synthetic knowledge base in Node: profiles (the per-record work
// `toRow` stores), the cold all-pairs walk the duplicates worker does, and one new incident's
// incremental update (its live blocks looked up, as the worker does through `*duplicateKeys`).
// Run: node bench/duplicates/buildAndRun.mjs 100000
import {
  DuplicateBlocks,
  duplicateIndexKeys,
  incidentDuplicateProfile,
  isLiveBlock,
  organisationDuplicateProfile,
  scoreDuplicateProfiles,
  type DuplicateProfile
} from '@shared/domain/duplicates'
import { incidentSchema } from '@shared/domain/incident'
import { organisationSchema } from '@shared/domain/organisation'
import { syntheticDocuments, syntheticWorld } from '../search/syntheticKnowledgeBase'

const n = Number(process.argv[2] ?? 100_000)
const bookkeeping = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', revision: 1 }
const world = syntheticWorld(n)
const organisations = world.organisations.map((organisation) =>
  organisationSchema.parse({ id: organisation.id, name: organisation.name, kind: 'company', ...bookkeeping })
)
const incidentCount = n - organisations.length
const incidents = syntheticDocuments(incidentCount, world).map((document, index) =>
  incidentSchema.parse({ id: document.id, title: document.title, status: 'alleged', occurredOn: String(1995 + (index % 31)), ...bookkeeping })
)

const time = <T>(work: () => T): [T, number] => {
  const start = performance.now()
  const result = work()
  return [result, performance.now() - start]
}

const [profiles, profileMs] = time(() => ({
  organisation: organisations.map((organisation) => organisationDuplicateProfile(organisation)),
  incident: incidents.map((incident) => incidentDuplicateProfile(incident))
}))

function walk(list: readonly DuplicateProfile[]): number {
  const blocks = new DuplicateBlocks(list)
  let pairs = 0
  list.forEach((profile, index) => {
    for (const later of blocks.laterNeighbours(index)) if (scoreDuplicateProfiles(profile, list[later] as DuplicateProfile).score >= 0.75) pairs += 1
  })
  return pairs
}
const [pairs, walkMs] = time(() => walk(profiles.organisation) + walk(profiles.incident))

// The `*duplicateKeys` index, as a map from key to the incidents holding it.
const index = new Map<string, DuplicateProfile[]>()
for (const profile of profiles.incident) {
  for (const key of duplicateIndexKeys(profile)) {
    const members = index.get(key)
    if (members === undefined) index.set(key, [profile])
    else members.push(profile)
  }
}
const newcomer = incidentDuplicateProfile(incidentSchema.parse({ ...incidents[42], id: 'incident-new', title: `${incidents[42]?.title ?? ''}!` }))
const [incremental, incrementalMs] = time(() => {
  let found = 0
  let scored = 0
  const seen = new Set<string>()
  for (const key of duplicateIndexKeys(newcomer)) {
    const members = index.get(key) ?? []
    if (!isLiveBlock(key.startsWith('x:') ? 'exact' : 'loose', members.length + 1)) continue
    for (const member of members) {
      if (seen.has(member.id)) continue
      seen.add(member.id)
      scored += 1
      if (scoreDuplicateProfiles(newcomer, member).score >= 0.75) found += 1
    }
  }
  return { found, scored }
})

console.log(
  JSON.stringify({
    n,
    organisations: organisations.length,
    incidents: incidents.length,
    profile_ms: Math.round(profileMs),
    all_pairs_ms: Math.round(walkMs),
    pairs,
    incremental_one_incident_ms: Number(incrementalMs.toFixed(2)),
    incremental_scored: incremental.scored,
    incremental_found: incremental.found,
    heap_mb: Math.round(process.memoryUsage().heapUsed / 2 ** 20)
  })
)
