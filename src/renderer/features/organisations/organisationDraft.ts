import { organisationSchema, type Organisation, type OrganisationKind, type OrganisationRelation } from '@shared/domain/organisation'
import { citationDraftFrom, citationInputFrom, headOfPath, optionalText, validateInput, type CitationDraft } from '../records'
import type { EndLink } from '../records/twoEndedLinks'

/** What the organisation form edits, as typed. */
export interface OrganisationDraft {
  name: string
  aliases: { name: string; language: string }[]
  kind: OrganisationKind
  headquartersJurisdictionId: string
  headquartersCity: string
  description: string
  /** Stored on this organisation: "Parent: Ant Financial", "Operated by: UCWeb". */
  links: EndLink<OrganisationRelation>[]
  /** Stored on the other organisation: "Subsidiary or unit: UCWeb", "Operates: Alipay". */
  inverseLinks: EndLink<OrganisationRelation>[]
  citations: CitationDraft[]
}

export type OrganisationField = Exclude<keyof OrganisationDraft, 'inverseLinks'>

export function emptyOrganisationDraft(): OrganisationDraft {
  return {
    name: '',
    aliases: [],
    kind: 'company',
    headquartersJurisdictionId: '',
    headquartersCity: '',
    description: '',
    links: [],
    inverseLinks: [],
    citations: []
  }
}

/** The draft of a stored organisation; its inverse links are read separately (they live on other organisations). */
export function draftFromOrganisation(organisation: Organisation): OrganisationDraft {
  return {
    name: organisation.name,
    aliases: organisation.aliases.map((alias) => ({ name: alias.name, language: alias.language ?? '' })),
    kind: organisation.kind,
    headquartersJurisdictionId: organisation.headquartersJurisdictionId ?? '',
    headquartersCity: organisation.headquartersCity ?? '',
    description: organisation.description ?? '',
    links: organisation.links.map((link) => ({ relation: link.relation, otherId: link.organisationId })),
    inverseLinks: [],
    citations: organisation.citations.map(citationDraftFrom)
  }
}

/** The draft as record input (unvalidated); alias rows left empty are dropped. */
export function inputFromOrganisationDraft(draft: OrganisationDraft, base?: Organisation): Record<string, unknown> {
  return {
    ...(base === undefined ? {} : { id: base.id }),
    name: draft.name,
    aliases: draft.aliases
      .filter((alias) => alias.name.trim() !== '')
      .map((alias) => ({ name: alias.name, language: optionalText(alias.language) })),
    kind: draft.kind,
    headquartersJurisdictionId: optionalText(draft.headquartersJurisdictionId),
    headquartersCity: optionalText(draft.headquartersCity),
    description: optionalText(draft.description),
    links: draft.links.map((link) => ({ relation: link.relation, organisationId: link.otherId })),
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
