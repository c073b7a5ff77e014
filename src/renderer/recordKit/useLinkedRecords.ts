import { computed, reactive, watch, type Ref } from 'vue'
import { compareListOrderKeys, listOrderKeyOf, useLiveQuery, type ListOrderField, type ListOrderKey } from '@renderer/db'
import { describeLinks, type LinkedRecord } from '@shared/domain/recordLinks'
import { referencedIds } from '@shared/domain/recordReferences'
import { RECORD_TYPE_LABELS, RECORD_TYPES, typedRecord, type RecordType, type TypedRecord } from '@shared/domain/recordTypes'
import { SHOWN_PART_STEP } from '@renderer/ui/useShownPart'
import { loadFirstInListOrder, loadReferrerIds, loadTypedRecords } from './knowledgeBase'

/** The linked records of one type, as far as they are shown, and how many records there are in all. */
export interface LinkedRecordGroup {
  readonly type: RecordType
  readonly heading: string
  /** The links to the first `shown` records, in order; a record linked twice has two links. */
  readonly links: readonly LinkedRecord[]
  readonly shown: number
  readonly total: number
}

/** What the panel sorts each type by: its list's date column where it has one, else its name (see `listOrder.ts`). */
export const LINKED_RECORD_ORDER: Readonly<Record<RecordType, ListOrderField>> = {
  incident: 'orderDate',
  response: 'orderDate',
  law: 'orderDate',
  source: 'orderDate',
  organisation: 'orderTitle',
  jurisdiction: 'orderTitle'
}

/** Sources have their own panel (the citations). */
const PANEL_TYPES = RECORD_TYPES.filter((type) => type !== 'source')

interface KeyedLink {
  readonly link: LinkedRecord
  readonly key: ListOrderKey
}

/**
 * One type's group: the records it links to (a few, all read) and the first `limit` records linking
 * to it (a hub has thousands: only their ids are read, then that page, by index), merged in one
 * order. While records linking here are left to show, a record it links to that sorts after the
 * last one shown waits for its page.
 */
async function readGroup(subject: TypedRecord, type: RecordType, outgoing: readonly LinkedRecord[], limit: number): Promise<LinkedRecordGroup | undefined> {
  const field = LINKED_RECORD_ORDER[type]
  const referrerIds = await loadReferrerIds(type, [subject.record.id])
  const page = await loadFirstInListOrder(type, referrerIds, field, limit)
  const incoming = describeLinks(
    subject,
    [],
    page.records.map((record) => typedRecord(type, record))
  )
  const keyOfReferrer = new Map(page.records.map((record, index) => [record.id as string, page.keys[index]!]))
  const isComplete = page.records.length === referrerIds.size
  const lastKey = page.keys.at(-1)
  const outgoingOfType = outgoing.filter((link) => link.linked.type === type)
  const shownOutgoing = outgoingOfType
    .map((link): KeyedLink => ({ link, key: listOrderKeyOf(link.linked, field) }))
    .filter(({ key }) => isComplete || lastKey === undefined || compareListOrderKeys(key, lastKey) <= 0)
  const keyed = [...shownOutgoing, ...incoming.map((link): KeyedLink => ({ link, key: keyOfReferrer.get(link.linked.record.id)! }))]
  // Stable: a record linked both ways keeps its link out before its link in.
  keyed.sort((a, b) => compareListOrderKeys(a.key, b.key))
  const total = referrerIds.size + new Set(outgoingOfType.map((link) => link.linked.record.id)).size
  if (total === 0) return undefined
  return {
    type,
    heading: RECORD_TYPE_LABELS[type].plural,
    links: keyed.map(({ link }) => link),
    shown: page.records.length + new Set(shownOutgoing.map(({ link }) => link.linked.record.id)).size,
    total
  }
}

/**
 * Every record linked to `subject` in either direction, grouped by type, kept live as records
 * change. Each group reads only what it shows: the first hundred records, a hundred more on each
 * `showMore(type)`; another record starts again at a hundred.
 */
export function useLinkedRecords(subject: Ref<TypedRecord | undefined>) {
  const limits = reactive<Partial<Record<RecordType, number>>>({})
  const limitOf = (type: RecordType): number => limits[type] ?? SHOWN_PART_STEP
  const subjectId = computed(() => subject.value?.record.id)
  watch(subjectId, () => {
    for (const type of RECORD_TYPES) delete limits[type]
  })

  const query = useLiveQuery<{ outgoing: LinkedRecord[]; groups: LinkedRecordGroup[] }>(
    async () => {
      const current = subject.value
      if (current === undefined) return { outgoing: [], groups: [] }
      const outgoing = describeLinks(current, await loadTypedRecords(referencedIds(current)), [])
      const groups = await Promise.all(PANEL_TYPES.map((type) => readGroup(current, type, outgoing, limitOf(type))))
      return { outgoing, groups: groups.filter((group) => group !== undefined) }
    },
    { outgoing: [], groups: [] },
    [subject, () => PANEL_TYPES.map(limitOf).join(',')]
  )
  const sourceIds = computed(() => new Set(query.data.value.outgoing.filter((link) => link.linked.type === 'source').map((link) => link.linked.record.id)))
  return {
    /** The records `subject` links to (all of them: a record holds a few links). */
    outgoing: computed(() => query.data.value.outgoing),
    groups: computed(() => query.data.value.groups),
    showMore: (type: RecordType): void => {
      limits[type] = limitOf(type) + SHOWN_PART_STEP
    },
    isLoading: query.isLoading,
    error: query.error,
    sourceIds
  }
}
