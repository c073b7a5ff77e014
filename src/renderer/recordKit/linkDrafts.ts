import type { Citation } from '@shared/domain/citation'
import type { ProvisionReference } from '@shared/domain/provisionReference'
import { optionalText } from './formDraft'

/** A cited source as a form edits it; `locator` (a page, a paragraph) is kept as it was. */
export interface CitationDraft {
  sourceId: string
  passage: string
  locator: string
}

/** A law or one of its provisions as a form edits it; `provisionNumber` '' means the law as a whole. */
export interface ProvisionReferenceDraft {
  lawId: string
  provisionNumber: string
}

export function citationDraftFrom(citation: Citation): CitationDraft {
  return { sourceId: citation.sourceId, passage: citation.passage ?? '', locator: citation.locator ?? '' }
}

/** A citation draft as record input: an empty passage or locator is left out. */
export function citationInputFrom(draft: CitationDraft): Record<string, unknown> {
  return { sourceId: draft.sourceId, passage: optionalText(draft.passage), locator: optionalText(draft.locator) }
}

export function provisionReferenceDraftFrom(reference: ProvisionReference): ProvisionReferenceDraft {
  return { lawId: reference.lawId, provisionNumber: reference.provisionNumber ?? '' }
}

/** A provision reference draft as record input: no number means the whole law. */
export function provisionReferenceInputFrom(draft: ProvisionReferenceDraft): Record<string, unknown> {
  return { lawId: draft.lawId, provisionNumber: optionalText(draft.provisionNumber) }
}
