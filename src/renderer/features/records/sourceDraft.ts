import { sourceSchema, type Source } from '@shared/domain/source'
import { headOfPath, optionalText, validateInput } from './formDraft'

/** What the source form edits, as typed. */
export interface SourceDraft {
  title: string
  publisher: string
  author: string
  publishedOn: string
  url: string
  accessedOn: string
  language: string
  quotedPassage: string
}

export type SourceField = keyof SourceDraft

export function emptySourceDraft(): SourceDraft {
  return { title: '', publisher: '', author: '', publishedOn: '', url: '', accessedOn: '', language: '', quotedPassage: '' }
}

export function draftFromSource(source: Source): SourceDraft {
  return {
    title: source.title,
    publisher: source.publisher ?? '',
    author: source.author ?? '',
    publishedOn: source.publishedOn ?? '',
    url: source.url ?? '',
    accessedOn: source.accessedOn ?? '',
    language: source.language ?? '',
    quotedPassage: source.quotedPassage ?? ''
  }
}

/** The draft as record input; empty fields are left out. */
export function inputFromSourceDraft(draft: SourceDraft, base?: Source): Record<string, unknown> {
  return {
    ...(base === undefined ? {} : { id: base.id }),
    title: draft.title,
    publisher: optionalText(draft.publisher),
    author: optionalText(draft.author),
    publishedOn: optionalText(draft.publishedOn),
    url: optionalText(draft.url),
    accessedOn: optionalText(draft.accessedOn),
    language: optionalText(draft.language),
    quotedPassage: optionalText(draft.quotedPassage)
  }
}

export function sourceFieldOfPath(path: string): SourceField | undefined {
  const head = headOfPath(path)
  return head in emptySourceDraft() ? (head as SourceField) : undefined
}


export function validateSourceDraft(draft: SourceDraft): Partial<Record<SourceField, string>> {
  return validateInput(sourceSchema, inputFromSourceDraft(draft), sourceFieldOfPath)
}
