import { computed, type Ref } from 'vue'
import { useLiveQuery } from '@renderer/db'
import { describeLinks, type LinkedRecord } from '@shared/domain/recordLinks'
import { referencedIds } from '@shared/domain/recordReferences'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { loadReferrers, loadTypedRecords } from './knowledgeBase'

/** Every record linked to `subject` in either direction, kept live as records change. */
export function useLinkedRecords(subject: Ref<TypedRecord | undefined>) {
  const links = useLiveQuery<LinkedRecord[]>(
    async () => {
      const current = subject.value
      if (current === undefined) return []
      const [targets, referrers] = await Promise.all([
        loadTypedRecords(referencedIds(current)),
        loadReferrers(current.record.id)
      ])
      return describeLinks(current, targets, referrers)
    },
    [],
    subject
  )
  const sourceIds = computed(() => new Set(links.data.value.filter((link) => link.linked.type === 'source').map((link) => link.linked.record.id)))
  return { links: links.data, isLoading: links.isLoading, error: links.error, sourceIds }
}
