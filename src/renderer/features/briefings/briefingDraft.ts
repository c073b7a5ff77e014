import type { BriefingInput } from '@renderer/db'
import { currentLocale, type AppLocale } from '@renderer/i18n'
import { BRIEFING_SECTIONS, type BriefingItem, type BriefingSection } from '@shared/briefing/briefing'
import type { RecordType } from '@shared/domain/recordTypes'

/** An entry of the running order as the composer edits it: the item plus a key that stays with it when it moves. */
export type DraftItem = { readonly key: number } & (
  { readonly kind: 'record'; readonly recordType: RecordType; readonly recordId: string } | { readonly kind: 'heading' | 'commentary'; text: string }
)

/** The composer's working copy of a briefing. */
export interface BriefingDraft {
  readonly id: string
  title: string
  subtitle: string
  asOf: string
  sections: BriefingSection[]
  includeTimelineImage: boolean
  /** The language the briefing is written in; saved with it once chosen or saved. */
  language: AppLocale
  items: DraftItem[]
}

let nextKey = 0
/** A key no other draft item has in this page. */
export function newItemKey(): number {
  nextKey += 1
  return nextKey
}

export function draftItemOf(item: BriefingItem): DraftItem {
  return item.kind === 'record' ? { key: newItemKey(), ...item } : { key: newItemKey(), kind: item.kind, text: item.text }
}

/** The composer's copy of a briefing; one saved before there was a language choice is written in `interfaceLocale`. */
export function draftOf(input: BriefingInput, interfaceLocale: AppLocale = currentLocale()): BriefingDraft {
  return {
    id: input.id,
    title: input.title,
    subtitle: input.subtitle,
    asOf: input.asOf,
    sections: [...input.sections],
    includeTimelineImage: input.includeTimelineImage,
    language: input.language ?? interfaceLocale,
    items: input.items.map(draftItemOf)
  }
}

export function inputOf(draft: BriefingDraft): BriefingInput {
  return {
    id: draft.id,
    title: draft.title,
    subtitle: draft.subtitle,
    asOf: draft.asOf,
    // In the document's order, whatever order they were ticked in.
    sections: BRIEFING_SECTIONS.filter((section) => draft.sections.includes(section)),
    includeTimelineImage: draft.includeTimelineImage,
    language: draft.language,
    items: draft.items.map((entry): BriefingItem =>
      entry.kind === 'record' ? { kind: 'record', recordType: entry.recordType, recordId: entry.recordId } : { kind: entry.kind, text: entry.text }
    )
  }
}

/** The items with the one at `index` moved by `offset` places; unchanged when it would leave the list. */
export function moveItem<T>(items: readonly T[], index: number, offset: -1 | 1): T[] {
  const target = index + offset
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items]
  const moved = [...items]
  const [item] = moved.splice(index, 1)
  moved.splice(target, 0, item as T)
  return moved
}
