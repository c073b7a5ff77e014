import type { OriginalText } from '@shared/domain/originalText'
import { optionalText } from './formDraft'

/** The original-language title and summary as OriginalTextFields edits them (incidents, responses). */
export interface OriginalTextDraft {
  originalLanguage: string
  originalTitle: string
  originalSummary: string
}

export function originalDraftFrom(original: OriginalText | undefined): OriginalTextDraft {
  return { originalLanguage: original?.language ?? '', originalTitle: original?.title ?? '', originalSummary: original?.summary ?? '' }
}

/** The original text as record input: absent when all three fields are empty. */
export function originalInputFrom(draft: OriginalTextDraft): Record<string, unknown> | undefined {
  const hasOriginal = [draft.originalLanguage, draft.originalTitle, draft.originalSummary].some((text) => text.trim() !== '')
  return hasOriginal
    ? { language: draft.originalLanguage.trim(), title: optionalText(draft.originalTitle), summary: optionalText(draft.originalSummary) }
    : undefined
}

/** The field showing a problem under `original` (a problem with the whole of it goes to the language). */
export function originalFieldOfPath(path: string): keyof OriginalTextDraft | undefined {
  if (!path.startsWith('original')) return undefined
  if (path.startsWith('original.title')) return 'originalTitle'
  if (path.startsWith('original.summary')) return 'originalSummary'
  return 'originalLanguage'
}
