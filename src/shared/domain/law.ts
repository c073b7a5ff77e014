import { z } from '../lib/zod'
import { message, type Message } from '../locale/message'
import { bookkeepingShape } from './bookkeeping'
import { citationsSchema } from './citation'
import { jurisdictionIdSchema, lawIdSchema } from './ids'
import { partialDateSchema } from './partialDate'
import { languageTagSchema, requiredTextSchema, textSchema } from './text'

export const LAW_KINDS = ['statute', 'regulation', 'rules', 'standard', 'bill', 'guidance', 'treaty'] as const
export type LawKind = (typeof LAW_KINDS)[number]

export const LAW_KIND_LABELS: Record<LawKind, string> = {
  statute: 'Statute',
  regulation: 'Regulation',
  rules: 'Rules',
  standard: 'Standard',
  bill: 'Bill',
  guidance: 'Guidance',
  treaty: 'Treaty'
}

export const LAW_STATUSES = ['draft', 'adopted', 'in-force', 'amended', 'repealed'] as const
export type LawStatus = (typeof LAW_STATUSES)[number]

export const LAW_STATUS_LABELS: Record<LawStatus, string> = {
  draft: 'Draft',
  adopted: 'Adopted',
  'in-force': 'In force',
  amended: 'Amended',
  repealed: 'Repealed'
}

export const PROVISION_UNITS = ['article', 'section', 'rule', 'clause', 'paragraph', 'chapter', 'schedule'] as const
export type ProvisionUnit = (typeof PROVISION_UNITS)[number]

/**
 * A numbered part of a law. The number is stable: links name it, so renumbering is an amendment.
 * A provision added or repealed by an amendment carries its own dates; otherwise it follows the law's.
 */
export const provisionSchema = z.strictObject({
  unit: z.enum(PROVISION_UNITS, `Unit must be one of: ${PROVISION_UNITS.join(', ')}`),
  number: requiredTextSchema('Provision number', 40),
  heading: textSchema('Heading', 500).optional(),
  summary: textSchema('Summary', 20000).optional(),
  text: textSchema('Text', 100000).optional(),
  inForceOn: partialDateSchema.optional(),
  repealedOn: partialDateSchema.optional()
})
export type Provision = z.infer<typeof provisionSchema>

/** "Article 41", "Section 69A". */
export function provisionLabel(provision: Pick<Provision, 'unit' | 'number'>): string {
  return `${provision.unit.charAt(0).toUpperCase()}${provision.unit.slice(1)} ${provision.number}`
}

/** A provision by its unit and number as a message: "Article 41" / "第41条" (`provisionLabel` in words). */
export function provisionName(provision: Pick<Provision, 'unit' | 'number'>): Message {
  const { number } = provision
  switch (provision.unit) {
    case 'article':
      return message('laws.provision.article', { number })
    case 'section':
      return message('laws.provision.section', { number })
    case 'rule':
      return message('laws.provision.rule', { number })
    case 'clause':
      return message('laws.provision.clause', { number })
    case 'paragraph':
      return message('laws.provision.paragraph', { number })
    case 'chapter':
      return message('laws.provision.chapter', { number })
    case 'schedule':
      return message('laws.provision.schedule', { number })
  }
}

/** How this law relates to another, read "this law … the other": amends, replaces, implements. */
export const LAW_RELATIONS = ['amends', 'replaces', 'implements'] as const
export type LawRelation = (typeof LAW_RELATIONS)[number]

export const LAW_RELATION_LABELS: Record<LawRelation, { readonly forward: string; readonly inverse: string }> = {
  amends: { forward: 'Amends', inverse: 'Amended by' },
  replaces: { forward: 'Replaces', inverse: 'Replaced by' },
  implements: { forward: 'Implements', inverse: 'Implemented by' }
}

export const lawRelationSchema = z.strictObject({
  relation: z.enum(LAW_RELATIONS, `Relation must be one of: ${LAW_RELATIONS.join(', ')}`),
  lawId: lawIdSchema
})
export type LawLink = z.infer<typeof lawRelationSchema>

export const lawSchema = z
  .strictObject({
    id: lawIdSchema,
    title: requiredTextSchema('Title', 500),
    shortName: textSchema('Short name', 200).optional(),
    nativeTitle: textSchema('Native title', 500).optional(),
    nativeLanguage: languageTagSchema.optional(),
    /** An official reference such as "GB/T 35273-2017" or "Regulation (EU) 2016/679". */
    identifier: textSchema('Identifier', 200).optional(),
    jurisdictionId: jurisdictionIdSchema,
    kind: z.enum(LAW_KINDS, `Kind must be one of: ${LAW_KINDS.join(', ')}`),
    status: z.enum(LAW_STATUSES, `Status must be one of: ${LAW_STATUSES.join(', ')}`),
    /** When a draft was first published for comment. */
    draftOn: partialDateSchema.optional(),
    adoptedOn: partialDateSchema.optional(),
    inForceOn: partialDateSchema.optional(),
    appliesFromOn: partialDateSchema.optional(),
    amendedOn: z.array(partialDateSchema).max(100).default([]),
    repealedOn: partialDateSchema.optional(),
    summary: textSchema('Summary', 20000).optional(),
    provisions: z.array(provisionSchema).max(5000).default([]),
    relations: z.array(lawRelationSchema).max(200).default([]),
    citations: citationsSchema.default([]),
    ...bookkeepingShape
  })
  .superRefine((law, context) => {
    const seen = new Set<string>()
    law.provisions.forEach((provision, index) => {
      const key = `${provision.unit}:${provision.number}`
      if (seen.has(key)) {
        context.addIssue({
          code: 'custom',
          message: `${provisionLabel(provision)} appears twice`,
          params: { problem: message('problems.law.provisionTwice', { provision: provisionName(provision) }) },
          path: ['provisions', index, 'number']
        })
      }
      seen.add(key)
    })
    law.relations.forEach((link, index) => {
      if (link.lawId === law.id) {
        context.addIssue({
          code: 'custom',
          message: 'A law cannot amend, replace or implement itself',
          params: { problem: message('problems.law.relatedToItself') },
          path: ['relations', index, 'lawId']
        })
      }
    })
    if (law.status === 'repealed' && law.repealedOn === undefined) {
      context.addIssue({
        code: 'custom',
        message: 'A repealed law needs the date it was repealed',
        params: { problem: message('problems.law.repealedWithoutDate') },
        path: ['repealedOn']
      })
    }
  })
export type Law = z.infer<typeof lawSchema>

/** Finds a provision by its number, whatever its unit ("41" finds Article 41). */
export function findProvision(law: Pick<Law, 'provisions'>, number: string): Provision | undefined {
  return law.provisions.find((provision) => provision.number === number)
}
