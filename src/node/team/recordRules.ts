import { z } from '../../shared/lib/zod'
import { briefingSchema } from '../../shared/briefing/briefing'
import { RECORD_SCHEMAS } from '../../shared/domain/recordSchemas'

/** A JSON Schema as z.toJSONSchema gives it. */
export type JsonSchema = { readonly [keyword: string]: unknown }

// The keywords precedent.rule_violation() (PL/pgSQL, migration 1) interprets, and the ones that only
// annotate. Anything else in a derived schema would be a rule the server silently skipped, so
// deriving the rules fails instead (a new zod feature in a record schema needs the checker taught).
const CHECKED_KEYWORDS = new Set([
  'type',
  'const',
  'enum',
  'oneOf',
  'required',
  'properties',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum'
])
const ANNOTATIONS = new Set(['$schema', 'default', 'description', 'title', 'format'])

function assertCheckable(schema: unknown, where: string): void {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) throw new Error(`record rules at ${where}: not a schema`)
  const keywords = Object.keys(schema)
  for (const keyword of keywords) {
    if (!CHECKED_KEYWORDS.has(keyword) && !ANNOTATIONS.has(keyword)) {
      throw new Error(`record rules at ${where}: the server's checker does not know the JSON Schema keyword '${keyword}'`)
    }
  }
  // A format the checker would skip must come with the pattern that checks it.
  if (keywords.includes('format') && !keywords.includes('pattern')) throw new Error(`record rules at ${where}: format without a pattern`)
  const record = schema as Record<string, unknown>
  for (const [name, child] of Object.entries((record['properties'] as Record<string, unknown> | undefined) ?? {})) assertCheckable(child, `${where}.${name}`)
  if (record['items'] !== undefined) assertCheckable(record['items'], `${where}[]`)
  if (typeof record['additionalProperties'] === 'object') assertCheckable(record['additionalProperties'], `${where}.*`)
  for (const [index, choice] of ((record['oneOf'] as unknown[] | undefined) ?? []).entries()) assertCheckable(choice, `${where}|${index}`)
}

function rulesOf(schema: z.ZodType, name: string): JsonSchema {
  // Input rules: what a client may send (fields with defaults may be absent, as zod parses them).
  const rules = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw' }) as JsonSchema
  assertCheckable(rules, name)
  return rules
}

/**
 * The record rules the server checks every pushed record against, one JSON Schema per record type
 * (and `briefing` for saved briefings), derived now from the app's own zod schemas: one place for
 * the rules. Refinements zod cannot express in JSON Schema (custom checks) stay client-side.
 */
export function recordRules(): Record<string, JsonSchema> {
  const rules: Record<string, JsonSchema> = {}
  for (const [recordType, schema] of Object.entries(RECORD_SCHEMAS)) rules[recordType] = rulesOf(schema as z.ZodType, recordType)
  rules['briefing'] = rulesOf(briefingSchema, 'briefing')
  return rules
}
