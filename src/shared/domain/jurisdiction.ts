import { z } from '../lib/zod'
import { message } from '../locale/message'
import { bookkeepingShape } from './bookkeeping'
import { citationsSchema } from './citation'
import { jurisdictionIdSchema } from './ids'
import { requiredTextSchema, textSchema } from './text'
import type { AppLocale } from '../locale/interfaceLocales'

export const JURISDICTION_KINDS = ['country', 'subdivision', 'supranational'] as const
export type JurisdictionKind = (typeof JURISDICTION_KINDS)[number]

/**
 * A country (ISO 3166-1), a subdivision (ISO 3166-2, with its country as parent) or a supranational
 * body such as the EU. The id is the code itself (`CN`, `IN`, `CN-ZJ`, `EU`), so links read plainly.
 */
export const jurisdictionSchema = z
  .strictObject({
    id: jurisdictionIdSchema,
    kind: z.enum(JURISDICTION_KINDS, 'Kind must be country, subdivision or supranational'),
    code: z.string().regex(/^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/, 'A code is ISO 3166: CN, or CN-ZJ for a subdivision'),
    name: requiredTextSchema('Name', 200),
    nameZh: textSchema('Chinese name', 200).optional(),
    alpha3: z
      .string()
      .regex(/^[A-Z]{3}$/, 'An alpha-3 code has three capital letters')
      .optional(),
    /** Kept as text: "004" must not become 4. */
    numericCode: z
      .string()
      .regex(/^\d{3}$/, 'A numeric code has three digits, e.g. 004')
      .optional(),
    parentId: jurisdictionIdSchema.optional(),
    region: textSchema('Region', 100).optional(),
    notes: textSchema('Notes', 20000).optional(),
    citations: citationsSchema.default([]),
    ...bookkeepingShape
  })
  .refine((j) => j.kind !== 'subdivision' || j.parentId !== undefined, {
    message: 'A subdivision needs its country as parent',
    params: { problem: message('problems.jurisdiction.needsParent') },
    path: ['parentId']
  })
  .refine((j) => j.parentId !== j.id, {
    message: 'A jurisdiction cannot be its own parent',
    params: { problem: message('problems.jurisdiction.ownParent') },
    path: ['parentId']
  })
export type Jurisdiction = z.infer<typeof jurisdictionSchema>

/**
 * A jurisdiction's name for a reader of `locale`: its recorded Chinese name (`nameZh`) for a
 * reader of Chinese, when it has one; otherwise its name. Record names are data, not words of the
 * interface: a jurisdiction without a Chinese name keeps its name in every language.
 */
export function jurisdictionNameIn(jurisdiction: Pick<Jurisdiction, 'name' | 'nameZh'>, locale: AppLocale): string {
  return locale === 'zh-CN' && jurisdiction.nameZh !== undefined && jurisdiction.nameZh !== '' ? jurisdiction.nameZh : jurisdiction.name
}
