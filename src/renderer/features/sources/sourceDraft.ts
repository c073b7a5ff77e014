import { sourceSchema, type Source } from '@shared/domain/source'
import { emptyPlainDraft, field, headOfPath, plainDraftFrom, plainInputFrom, validateInput, type FieldTableOf, type PlainDraft } from '@renderer/recordKit'

/** A source's fields: every one is plain. */
export const SOURCE_FIELDS = {
  title: field.text('records.source.title'),
  publisher: field.optionalText('records.source.publisher'),
  author: field.optionalText('records.source.author'),
  publishedOn: field.partialDate('records.source.published'),
  url: field.optionalText('records.source.url'),
  accessedOn: field.partialDate('records.source.accessed'),
  language: field.optionalText('records.source.language'),
  quotedPassage: field.optionalText('records.source.quotedPassage')
} as const satisfies FieldTableOf<Source>

/** What the source form edits, as typed. */
export type SourceDraft = PlainDraft<typeof SOURCE_FIELDS>

export type SourceField = keyof SourceDraft

export function emptySourceDraft(): SourceDraft {
  return emptyPlainDraft(SOURCE_FIELDS)
}

export function draftFromSource(source: Source): SourceDraft {
  return plainDraftFrom(SOURCE_FIELDS, source)
}

/** The draft as record input; empty fields are left out. */
export function inputFromSourceDraft(draft: SourceDraft, base?: Source): Record<string, unknown> {
  return { ...(base === undefined ? {} : { id: base.id }), ...plainInputFrom(SOURCE_FIELDS, draft) }
}

export function sourceFieldOfPath(path: string): SourceField | undefined {
  const head = headOfPath(path)
  return head in SOURCE_FIELDS ? (head as SourceField) : undefined
}

export function validateSourceDraft(draft: SourceDraft): Partial<Record<SourceField, string>> {
  return validateInput(sourceSchema, inputFromSourceDraft(draft), sourceFieldOfPath)
}
