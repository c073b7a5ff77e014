import { i18n, translateMessage } from '@renderer/i18n'
import { validationProblem } from '@shared/domain/validationProblem'
import { provisionText } from './provisionText'
import {
  lawSchema,
  type Law,
  type LawKind,
  type LawRelation,
  type LawStatus,
  type ProvisionUnit
} from '@shared/domain/law'
import {
  citationDraftFrom,
  citationInputFrom,
  headOfPath,
  optionalText,
  splitList,
  validateInput,
  type CitationDraft
} from '../records'
import type { EndLink } from '../records/twoEndedLinks'

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
export interface LawDraft {
  title: string
  shortName: string
  nativeTitle: string
  nativeLanguage: string
  identifier: string
  jurisdictionId: string
  kind: LawKind
  status: LawStatus
  draftOn: string
  adoptedOn: string
  inForceOn: string
  appliesFromOn: string
  /** Dates separated by commas: "2021-06, 2023-01-15". */
  amendedOn: string
  repealedOn: string
  summary: string
  provisions: ProvisionDraft[]
  /** Stored on this law: "this law amends …". */
  relations: EndLink<LawRelation>[]
  /** Stored on the other law: "this law is amended by …". */
  inverseRelations: EndLink<LawRelation>[]
  citations: CitationDraft[]
}

export type LawField = Exclude<keyof LawDraft, 'inverseRelations'>

export function emptyLawDraft(): LawDraft {
  return {
    title: '',
    shortName: '',
    nativeTitle: '',
    nativeLanguage: '',
    identifier: '',
    jurisdictionId: '',
    kind: 'statute',
    status: 'in-force',
    draftOn: '',
    adoptedOn: '',
    inForceOn: '',
    appliesFromOn: '',
    amendedOn: '',
    repealedOn: '',
    summary: '',
    provisions: [],
    relations: [],
    inverseRelations: [],
    citations: []
  }
}

export function emptyProvisionDraft(unit: ProvisionUnit = 'article'): ProvisionDraft {
  return { unit, number: '', heading: '', summary: '', inForceOn: '', repealedOn: '' }
}

/** The draft of a stored law; its inverse relations are read separately (they live on other laws). */
export function draftFromLaw(law: Law): LawDraft {
  return {
    title: law.title,
    shortName: law.shortName ?? '',
    nativeTitle: law.nativeTitle ?? '',
    nativeLanguage: law.nativeLanguage ?? '',
    identifier: law.identifier ?? '',
    jurisdictionId: law.jurisdictionId,
    kind: law.kind,
    status: law.status,
    draftOn: law.draftOn ?? '',
    adoptedOn: law.adoptedOn ?? '',
    inForceOn: law.inForceOn ?? '',
    appliesFromOn: law.appliesFromOn ?? '',
    amendedOn: law.amendedOn.join(', '),
    repealedOn: law.repealedOn ?? '',
    summary: law.summary ?? '',
    provisions: law.provisions.map((provision) => ({
      unit: provision.unit,
      number: provision.number,
      heading: provision.heading ?? '',
      summary: provision.summary ?? '',
      inForceOn: provision.inForceOn ?? '',
      repealedOn: provision.repealedOn ?? '',
      ...(provision.text === undefined ? {} : { text: provision.text })
    })),
    relations: law.relations.map((link) => ({ relation: link.relation, otherId: link.lawId })),
    inverseRelations: [],
    citations: law.citations.map(citationDraftFrom)
  }
}

/** The draft as record input (unvalidated); with `base`, the law's id is kept. */
export function inputFromLawDraft(draft: LawDraft, base?: Law): Record<string, unknown> {
  return {
    ...(base === undefined ? {} : { id: base.id }),
    title: draft.title,
    shortName: optionalText(draft.shortName),
    nativeTitle: optionalText(draft.nativeTitle),
    nativeLanguage: optionalText(draft.nativeLanguage),
    identifier: optionalText(draft.identifier),
    jurisdictionId: draft.jurisdictionId,
    kind: draft.kind,
    status: draft.status,
    draftOn: optionalText(draft.draftOn),
    adoptedOn: optionalText(draft.adoptedOn),
    inForceOn: optionalText(draft.inForceOn),
    appliesFromOn: optionalText(draft.appliesFromOn),
    amendedOn: splitList(draft.amendedOn),
    repealedOn: optionalText(draft.repealedOn),
    summary: optionalText(draft.summary),
    provisions: draft.provisions.map((provision) => ({
      unit: provision.unit,
      number: provision.number,
      heading: optionalText(provision.heading),
      summary: optionalText(provision.summary),
      text: provision.text,
      inForceOn: optionalText(provision.inForceOn),
      repealedOn: optionalText(provision.repealedOn)
    })),
    relations: draft.relations.map((link) => ({ relation: link.relation, lawId: link.otherId })),
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
    for (const row of rows) errors.set(row, i18n.global.t('laws.form.duplicateNumber', { provision: provisionText({ unit: first.unit, number: first.number.trim() }), count: rows.length }))
  }
  return errors
}
