import { i18n, translateMessage } from '@renderer/i18n'
import { validationProblem } from '@shared/domain/validationProblem'
import { provisionText } from '@renderer/recordKit'
import { LAW_KINDS, LAW_STATUSES, lawSchema, type Law, type LawRelation, type ProvisionUnit } from '@shared/domain/law'
import {
  citationDraftFrom,
  citationInputFrom,
  emptyPlainDraft,
  endLinksOf,
  field,
  headOfPath,
  optionalText,
  plainDraftFrom,
  plainInputFrom,
  storedLinksOf,
  validateInput,
  type CitationDraft,
  type EndLink,
  type FieldTableOf,
  type PlainDraft
} from '@renderer/recordKit'

/** A law's plain fields, in the form's order; provisions and relations have editors of their own. */
export const LAW_FIELDS = {
  title: field.text('laws.common.title'),
  shortName: field.optionalText('laws.common.shortName'),
  identifier: field.optionalText('laws.common.identifier'),
  nativeTitle: field.optionalText('laws.common.nativeTitle'),
  nativeLanguage: field.optionalText('laws.form.nativeLanguage'),
  jurisdictionId: field.text('laws.form.jurisdictionRequired'),
  kind: field.choice('laws.common.kind', LAW_KINDS, 'lawKind', 'statute'),
  status: field.choice('laws.common.status', LAW_STATUSES, 'lawStatus', 'in-force'),
  draftOn: field.partialDate('laws.common.draftPublished'),
  adoptedOn: field.partialDate('laws.common.adopted'),
  inForceOn: field.partialDate('laws.form.inForceFrom'),
  appliesFromOn: field.partialDate('laws.common.appliesFrom'),
  repealedOn: field.partialDate('laws.common.repealed'),
  /** Dates separated by commas: "2021-06, 2023-01-15". */
  amendedOn: field.list('laws.form.amendedOn'),
  summary: field.optionalText('laws.form.summary')
} as const satisfies FieldTableOf<Law>

/** A provision as typed; `text` (the full wording, not edited here) is carried through unchanged. */
export interface ProvisionDraft {
  unit: ProvisionUnit
  number: string
  heading: string
  summary: string
  inForceOn: string
  repealedOn: string
  text?: string
}

/** What the law form edits, as typed. */
export interface LawDraft extends PlainDraft<typeof LAW_FIELDS> {
  provisions: ProvisionDraft[]
  /** Stored on this law: "this law amends …". */
  relations: EndLink<LawRelation>[]
  /** Stored on the other law: "this law is amended by …". */
  inverseRelations: EndLink<LawRelation>[]
  citations: CitationDraft[]
}

export type LawField = Exclude<keyof LawDraft, 'inverseRelations'>

export function emptyLawDraft(): LawDraft {
  return { ...emptyPlainDraft(LAW_FIELDS), provisions: [], relations: [], inverseRelations: [], citations: [] }
}

export function emptyProvisionDraft(unit: ProvisionUnit = 'article'): ProvisionDraft {
  return { unit, number: '', heading: '', summary: '', inForceOn: '', repealedOn: '' }
}

/** The draft of a stored law; its inverse relations are read separately (they live on other laws). */
export function draftFromLaw(law: Law): LawDraft {
  return {
    ...plainDraftFrom(LAW_FIELDS, law),
    provisions: law.provisions.map((provision) => ({
      unit: provision.unit,
      number: provision.number,
      heading: provision.heading ?? '',
      summary: provision.summary ?? '',
      inForceOn: provision.inForceOn ?? '',
      repealedOn: provision.repealedOn ?? '',
      ...(provision.text === undefined ? {} : { text: provision.text })
    })),
    relations: endLinksOf('law', law),
    inverseRelations: [],
    citations: law.citations.map(citationDraftFrom)
  }
}

/** The draft as record input (unvalidated); with `base`, the law's id is kept. */
export function inputFromLawDraft(draft: LawDraft, base?: Law): Record<string, unknown> {
  return {
    ...(base === undefined ? {} : { id: base.id }),
    ...plainInputFrom(LAW_FIELDS, draft),
    provisions: draft.provisions.map((provision) => ({
      unit: provision.unit,
      number: provision.number,
      heading: optionalText(provision.heading),
      summary: optionalText(provision.summary),
      text: provision.text,
      inForceOn: optionalText(provision.inForceOn),
      repealedOn: optionalText(provision.repealedOn)
    })),
    relations: storedLinksOf('law', draft.relations),
    citations: draft.citations.map(citationInputFrom)
  }
}

const PLACEHOLDER_TIME = '2000-01-01T00:00:00.000Z'
export function lawFieldOfPath(path: string): LawField | undefined {
  const head = headOfPath(path)
  if (head === 'inverseRelations') return undefined
  return head in emptyLawDraft() ? (head as LawField) : undefined
}

/** One message per field; a problem inside a provision row is shown by `provisionRowErrors`, and counted here under `provisions`. */
export function validateLawDraft(draft: LawDraft): Partial<Record<LawField, string>> {
  const errors = validateInput(lawSchema, inputFromLawDraft(draft), lawFieldOfPath)
  if (draft.jurisdictionId === '') errors.jurisdictionId = i18n.global.t('laws.form.chooseJurisdiction')
  return errors
}

/**
 * The problem with each provision row, by row index: a missing number, a number used twice for
 * the same unit (links name provisions by number, so each must be unique), or a date that is not a date.
 */
export function provisionRowErrors(draft: LawDraft): Map<number, string> {
  const errors = new Map<number, string>()
  const result = lawSchema.safeParse({ ...inputFromLawDraft(draft), id: 'draft', createdAt: PLACEHOLDER_TIME, updatedAt: PLACEHOLDER_TIME, revision: 1 })
  if (!result.success) {
    for (const issue of result.error.issues) {
      const [head, index] = issue.path
      if (head === 'provisions' && typeof index === 'number' && !errors.has(index)) errors.set(index, translateMessage(validationProblem(issue)))
    }
  }
  // Duplicates are flagged on every row that shares the number, not only the later one.
  const rowsByKey = new Map<string, number[]>()
  draft.provisions.forEach((provision, index) => {
    if (provision.number.trim() === '') return
    const key = `${provision.unit}:${provision.number.trim()}`
    rowsByKey.set(key, [...(rowsByKey.get(key) ?? []), index])
  })
  for (const rows of rowsByKey.values()) {
    if (rows.length < 2) continue
    const first = draft.provisions[rows[0]!]!
    for (const row of rows)
      errors.set(
        row,
        i18n.global.t('laws.form.duplicateNumber', { provision: provisionText({ unit: first.unit, number: first.number.trim() }), count: rows.length })
      )
  }
  return errors
}
