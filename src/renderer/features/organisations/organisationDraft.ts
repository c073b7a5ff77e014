import { ORGANISATION_KINDS, organisationSchema, type Organisation, type OrganisationRelation } from '@shared/domain/organisation'
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

/** An organisation's plain fields; the others have editors of their own. */
export const ORGANISATION_FIELDS = {
  name: field.text('organisations.common.name'),
  kind: field.choice('organisations.common.kind', ORGANISATION_KINDS, 'organisationKind', 'company'),
  headquartersJurisdictionId: field.optionalText('organisations.form.headquarters'),
  headquartersCity: field.optionalText('organisations.form.city'),
  description: field.optionalText('organisations.form.description')
} as const satisfies FieldTableOf<Organisation>

/** What the organisation form edits, as typed. */
export interface OrganisationDraft extends PlainDraft<typeof ORGANISATION_FIELDS> {
  aliases: { name: string; language: string }[]
  /** Stored on this organisation: "Parent: Ant Financial", "Operated by: UCWeb". */
  links: EndLink<OrganisationRelation>[]
  /** Stored on the other organisation: "Subsidiary or unit: UCWeb", "Operates: Alipay". */
  inverseLinks: EndLink<OrganisationRelation>[]
  citations: CitationDraft[]
}

export type OrganisationField = Exclude<keyof OrganisationDraft, 'inverseLinks'>

export function emptyOrganisationDraft(): OrganisationDraft {
  return { ...emptyPlainDraft(ORGANISATION_FIELDS), aliases: [], links: [], inverseLinks: [], citations: [] }
}

/** The draft of a stored organisation; its inverse links are read separately (they live on other organisations). */
export function draftFromOrganisation(organisation: Organisation): OrganisationDraft {
  return {
    ...plainDraftFrom(ORGANISATION_FIELDS, organisation),
    aliases: organisation.aliases.map((alias) => ({ name: alias.name, language: alias.language ?? '' })),
    links: endLinksOf('organisation', organisation),
    inverseLinks: [],
    citations: organisation.citations.map(citationDraftFrom)
  }
}

/** The draft as record input (unvalidated); alias rows left empty are dropped. */
export function inputFromOrganisationDraft(draft: OrganisationDraft, base?: Organisation): Record<string, unknown> {
  return {
    ...(base === undefined ? {} : { id: base.id }),
    ...plainInputFrom(ORGANISATION_FIELDS, draft),
    aliases: draft.aliases.filter((alias) => alias.name.trim() !== '').map((alias) => ({ name: alias.name, language: optionalText(alias.language) })),
    links: storedLinksOf('organisation', draft.links),
    citations: draft.citations.map(citationInputFrom)
  }
}

export function organisationFieldOfPath(path: string): OrganisationField | undefined {
  const head = headOfPath(path)
  if (head === 'inverseLinks') return undefined
  return head in emptyOrganisationDraft() ? (head as OrganisationField) : undefined
}

export function validateOrganisationDraft(draft: OrganisationDraft): Partial<Record<OrganisationField, string>> {
  return validateInput(organisationSchema, inputFromOrganisationDraft(draft), organisationFieldOfPath)
}
