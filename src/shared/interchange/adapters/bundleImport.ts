import { BUNDLE_COLLECTION, BUNDLE_FORMAT, BUNDLE_VERSIONS_READ, bundleSchema, formatIssuePath } from '../../domain/bundle'
import { RECORD_SCHEMAS } from '../../domain/recordSchemas'
import { validationProblem } from '../../domain/validationProblem'
import { message, messageList, type Message } from '../../locale/message'
import { RECORD_TYPES, typedRecord } from '../../domain/recordTypes'
import { ImportInputError, type ImportProblem } from '../importProblem'
import type { ImportCandidate, ImportContext, ImportReading } from '../importReading'
import { parseJsonSafely } from '../parseJsonSafely'

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Reads our own bundle (the format backups and exports write). A bundle that passes the schema
 * whole gives its records as they are, bookkeeping included; otherwise each record is checked on
 * its own, so one bad record is reported by its path (`records.incidents[3].occurredOn`) and the
 * others can still be imported. Links are not checked here: whether a link's target exists depends
 * on what is stored, which `planImport` knows.
 *
 * @throws ImportInputError when the text is not JSON, carries a hostile key, or is not a Precedent bundle
 */
export function readBundleImport(text: string, context: Pick<ImportContext, 'file'>): ImportReading {
  const { file } = context
  const json = parseJsonSafely(text, file)
  if (!isObject(json) || json.format !== BUNDLE_FORMAT) {
    throw new ImportInputError({ file, field: 'format', message: message('importProblems.bundle.notABundle', { format: BUNDLE_FORMAT }) })
  }
  if (!(BUNDLE_VERSIONS_READ as readonly unknown[]).includes(json.version)) {
    throw new ImportInputError({
      file,
      field: 'version',
      message: message('importProblems.bundle.version', {
        versions: messageList(BUNDLE_VERSIONS_READ, 'and'),
        found: JSON.stringify(json.version) ?? 'undefined'
      })
    })
  }
  const whole = bundleSchema.safeParse(json)
  if (whole.success) {
    const candidates: ImportCandidate[] = []
    for (const type of RECORD_TYPES) {
      const collection = BUNDLE_COLLECTION[type]
      whole.data.records[collection].forEach((record, index) => {
        candidates.push({ typed: typedRecord(type, record), origin: { file, field: `records.${collection}[${index}]` } })
      })
    }
    return { format: 'bundle', candidates, rejected: [], notices: [] }
  }

  const records = json.records
  if (!isObject(records)) throw new ImportInputError({ file, field: 'records', message: message('importProblems.bundle.noRecords') })
  const rejected: ImportProblem[] = []
  const candidates: ImportCandidate[] = []
  const known = new Set<string>(Object.values(BUNDLE_COLLECTION))
  for (const key of Object.keys(records)) {
    if (!known.has(key)) rejected.push({ file, field: `records.${key}`, message: message('importProblems.bundle.unknownCollection', { key }) })
  }
  for (const type of RECORD_TYPES) {
    const collection = BUNDLE_COLLECTION[type]
    const list = records[collection]
    if (list === undefined) continue
    if (!Array.isArray(list)) {
      rejected.push({ file, field: `records.${collection}`, message: message('importProblems.bundle.notAList') })
      continue
    }
    list.forEach((input: unknown, index) => {
      const path = `records.${collection}[${index}]`
      const parsed = RECORD_SCHEMAS[type].safeParse(input)
      if (parsed.success) {
        candidates.push({ typed: typedRecord(type, parsed.data), origin: { file, field: path } })
        return
      }
      // One problem per record, so counts are of records; every issue is still named.
      const [first] = parsed.error.issues
      const inner = first === undefined ? '' : formatIssuePath(first.path)
      const others = parsed.error.issues
        .slice(1)
        .map((issue) => message('importProblems.bundle.atPath', { path: formatIssuePath(issue.path), reason: validationProblem(issue) }))
      rejected.push({
        file,
        field: inner === '' ? path : `${path}.${inner}`,
        message: messageList(
          [first === undefined ? message('importProblems.bundle.invalidRecord') : validationProblem(first), ...others],
          'semicolon'
        ) as Message
      })
    })
  }
  return { format: 'bundle', candidates, rejected, notices: [] }
}
