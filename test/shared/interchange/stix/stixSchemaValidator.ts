import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'

/** The OASIS STIX 2.1 JSON schemas, vendored unchanged with their BSD-3-Clause licence (see SOURCE.txt there). */
const SCHEMA_ROOT = path.resolve(__dirname, '../../../fixtures/stix2.1-json-schemas')
const BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas'

function loadAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false }) // the OASIS patterns use escapes (\-) that Unicode mode refuses
  addFormats(ajv)
  // ajv-formats has no idn-hostname; only the domain-name observable uses it, and Precedent writes none.
  ajv.addFormat('idn-hostname', true)
  for (const folder of ['common', 'sdos', 'sros', 'observables']) {
    for (const name of readdirSync(path.join(SCHEMA_ROOT, folder))) {
      if (!name.endsWith('.json')) continue
      ajv.addSchema(JSON.parse(readFileSync(path.join(SCHEMA_ROOT, folder, name), 'utf8')) as object)
    }
  }
  return ajv
}

const ajv = loadAjv()

/** Errors of a value against bundle.json as it stands. */
export function bundleSchemaErrors(bundle: unknown): string[] {
  const validateBundle = ajv.getSchema(`${BASE}/common/bundle.json`)!
  return validateBundle(bundle) ? [] : (validateBundle.errors ?? []).map((error) => `bundle${error.instancePath}: ${error.message}`)
}

/**
 * The object types bundle.json validates by their own schema. Any other type (incident, location,
 * note, grouping, opinion, custom types) falls to its custom-object branch, which asks for exactly
 * one of core.json and cyber-observable-core.json; every valid SDO satisfies both (the second needs
 * only type and id), so that branch refuses all of them — a defect of the schema, shown in
 * exportStixBundle.test.ts. Those objects are checked against their own schema (or core.json) instead.
 */
const TYPES_LISTED_IN_BUNDLE_SCHEMA = new Set(
  (
    JSON.parse(readFileSync(path.join(SCHEMA_ROOT, 'common/bundle.json'), 'utf8')) as {
      properties: { objects: { items: { anyOf: [{ oneOf: { $ref: string }[] }] } } }
    }
  ).properties.objects.items.anyOf[0].oneOf.map((entry) => path.basename(entry.$ref, '.json'))
)

/**
 * Every schema error of a bundle: its envelope and listed-type objects against bundle.json, then
 * each object against its own type's schema.
 */
export function stixSchemaErrors(bundle: unknown): string[] {
  const objects = (bundle as { objects?: { type: string }[] }).objects ?? []
  const listed = objects.filter((object) => TYPES_LISTED_IN_BUNDLE_SCHEMA.has(object.type))
  const { objects: _all, ...envelope } = bundle as { objects?: unknown }
  const errors = bundleSchemaErrors(listed.length > 0 ? { ...envelope, objects: listed } : envelope)
  objects.forEach((object, index) => {
    const validate =
      ajv.getSchema(`${BASE}/sdos/${object.type}.json`) ?? ajv.getSchema(`${BASE}/sros/${object.type}.json`) ?? ajv.getSchema(`${BASE}/common/core.json`)!
    if (!validate(object)) {
      errors.push(
        ...(validate.errors ?? []).map((error) => `objects[${index}] (${object.type})${error.instancePath}: ${error.message} ${JSON.stringify(error.params)}`)
      )
    }
  })
  return errors
}
