import type { z } from '../lib/zod'
import { isMessage, message, messageList, type Message, type MessageValue } from '../locale/message'
import { JURISDICTION_KINDS } from './jurisdiction'
import { ORGANISATION_RELATIONS } from './organisation'

/**
 * A record schema's problem as a message, from the zod issue's code, numbers and path, never from
 * zod's English `message`: the page and the command line put it into the reader's language
 * (`src/locales/<language>/problems.json`). The field is named from its path (`title`,
 * `aliases[2].name`, `records.laws[0].provisions[1].number`) by `FIELD_NAMES`; a refinement whose
 * problem cannot be told from its code carries it as `params.problem` (a `Message`).
 *
 * The schemas keep their own English messages for zod (and for code that logs them); a test keeps
 * those and the English catalogue saying the same.
 */
export function validationProblem(issue: z.core.$ZodIssue, scope: ValidationScope = 'record'): Message {
  const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol')
  const field = fieldName(path, scope)
  const last = String(path.findLast((part) => typeof part === 'string') ?? '')
  switch (issue.code) {
    case 'custom': {
      const problem: unknown = issue.params?.problem
      return isMessage(problem) ? message(problem.key, { field, ...problem.values }) : message('problems.invalid', { field })
    }
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return message('problems.required', { field })
      if (issue.origin === 'number' && Number(issue.minimum) === 0) {
        return last === 'amount' ? message('problems.penaltyNegative') : message('problems.negative', { field })
      }
      return message('problems.tooSmall', { field, min: Number(issue.minimum) })
    case 'too_big':
      if (issue.origin === 'string')
        return last === 'url'
          ? message('problems.urlTooLong', { max: Number(issue.maximum) })
          : message('problems.tooLong', { field, max: Number(issue.maximum) })
      if (issue.origin === 'array') return tooManyProblem(last, Number(issue.maximum), field)
      return message('problems.tooBig', { field, max: Number(issue.maximum) })
    case 'invalid_type':
      if (issue.expected === 'int') return message('problems.wholeNumber', { field })
      return message('problems.wrongType', { field, expected: issue.expected })
    case 'invalid_value':
      return oneOfProblem(issue.values.map(String), field, path, scope)
    case 'invalid_format':
      return formatProblem(issue.format, last, field)
    case 'unrecognized_keys':
      return message('problems.unknownKeys', { count: issue.keys.length, keys: issue.keys.map((key) => `"${key}"`).join(', ') })
    default:
      return message('problems.invalid', { field })
  }
}

/** What the issue's path is relative to: a record (forms, imports, writes) or a whole bundle (`records.…`, plus the bundle's own fields). */
export type ValidationScope = 'record' | 'bundle'

/**
 * The name of each field a problem can be about, by the end of its path with list positions left out
 * (`aliases[].name`); the longest ending that is listed wins. Named after the schemas' own labels.
 */
const FIELD_NAMES: Readonly<Record<string, Message>> = {
  title: message('problems.fields.title'),
  summary: message('problems.fields.summary'),
  'dataCategories[]': message('problems.fields.dataCategory'),
  'tags[]': message('problems.fields.tag'),
  'aliases[].name': message('problems.fields.alias'),
  name: message('problems.fields.name'),
  headquartersCity: message('problems.fields.city'),
  description: message('problems.fields.description'),
  'provisions[].number': message('problems.fields.provisionNumber'),
  provisionNumber: message('problems.fields.provisionNumber'),
  heading: message('problems.fields.heading'),
  text: message('problems.fields.text'),
  shortName: message('problems.fields.shortName'),
  nativeTitle: message('problems.fields.nativeTitle'),
  identifier: message('problems.fields.identifier'),
  'penalty.description': message('problems.fields.penaltyDescription'),
  outcome: message('problems.fields.outcome'),
  publisher: message('problems.fields.publisher'),
  author: message('problems.fields.author'),
  quotedPassage: message('problems.fields.quotedPassage'),
  passage: message('problems.fields.quotedPassage'),
  locator: message('problems.fields.locator'),
  nameZh: message('problems.fields.chineseName'),
  region: message('problems.fields.region'),
  notes: message('problems.fields.notes'),
  authorName: message('problems.fields.authorName'),
  'original.title': message('problems.fields.originalTitle'),
  'original.summary': message('problems.fields.originalSummary'),
  'affectedUsers.count': message('problems.fields.affectedUsers'),
  status: message('problems.fields.status'),
  kind: message('problems.fields.kind'),
  'categories[]': message('problems.fields.category'),
  role: message('problems.fields.role'),
  relation: message('problems.fields.relation'),
  unit: message('problems.fields.unit'),
  stage: message('problems.fields.stage'),
  matterEffect: message('problems.fields.effect')
}

/** A bundle's own fields, by their whole path. */
const BUNDLE_FIELD_NAMES: Readonly<Record<string, Message>> = {
  id: message('problems.fields.bundleId'),
  title: message('problems.fields.bundleTitle'),
  attribution: message('problems.fields.attribution')
}

/** The field a path names, in words; a path no table knows is given as it is. */
export function fieldName(path: readonly (string | number)[], scope: ValidationScope = 'record'): MessageValue {
  const parts = path.map((part) => (typeof part === 'number' ? '[]' : part))
  const written = parts.join('.').replace(/\.\[\]/g, '[]')
  if (scope === 'bundle' && BUNDLE_FIELD_NAMES[written] !== undefined) return BUNDLE_FIELD_NAMES[written]
  const segments = written.split('.')
  for (let start = 0; start < segments.length; start += 1) {
    const name = FIELD_NAMES[segments.slice(start).join('.')]
    if (name !== undefined) return name
  }
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('')
}

function tooManyProblem(last: string, max: number, field: MessageValue): Message {
  switch (last) {
    case 'tags':
      return message('problems.tooMany.tags', { max })
    case 'dataCategories':
      return message('problems.tooMany.dataCategories', { max })
    case 'aliases':
      return message('problems.tooMany.aliases', { max })
    case 'citations':
      return message('problems.tooMany.citations', { max })
    default:
      return message('problems.tooMany.items', { field, max })
  }
}

const sameValues = (values: readonly string[], table: readonly string[]) =>
  values.length === table.length && values.every((value, index) => value === table[index])

/** "Status must be one of: alleged, …"; the short lists the schemas word themselves ("parent, affiliate or operator"); a bundle's format and version. */
function oneOfProblem(values: readonly string[], field: MessageValue, path: readonly (string | number)[], scope: ValidationScope): Message {
  if (scope === 'bundle' && path.length === 1 && path[0] === 'format') return message('problems.bundleFormat', { format: values[0] ?? '' })
  if (scope === 'bundle' && path.length === 1 && path[0] === 'version')
    return message('problems.bundleVersion', { either: messageList(values, 'or'), both: messageList(values, 'and') })
  if (sameValues(values, ORGANISATION_RELATIONS) || sameValues(values, JURISDICTION_KINDS) || sameValues(values, ['proposed', 'enacted'])) {
    return message('problems.mustBe', { field, values: messageList(values, 'or') })
  }
  return message('problems.oneOf', { field, values: values.join(', ') })
}

function formatProblem(format: string, last: string, field: MessageValue): Message {
  if (format === 'url') return message('problems.format.url')
  if (format === 'datetime') return message('problems.format.timestamp')
  switch (last) {
    case 'currency':
      return message('problems.format.currency')
    case 'language':
    case 'nativeLanguage':
      return message('problems.format.language')
    case 'code':
      return message('problems.format.jurisdictionCode')
    case 'alpha3':
      return message('problems.format.alpha3')
    case 'numericCode':
      return message('problems.format.numericCode')
    default:
      // Every other pattern in the schemas is an id's (a record's own or a link's).
      return format === 'regex' ? message('problems.format.id') : message('problems.invalid', { field })
  }
}
