import { domainLabel, i18n, type DomainLabelTable } from '@renderer/i18n'
import { optionalText, splitList } from './formDraft'

/**
 * The plain fields of a record form, one descriptor each: how the typed text becomes the record's
 * value and back, and the message key of the field's label. A form's draft, its converters and its
 * labels are read from its table (`INCIDENT_FIELDS`…), so each rule is written once; fields with an
 * editor of their own (provisions, relations, citations, original text) are not in it.
 * - `text`: the record always holds it (a title); kept exactly as typed.
 * - `optionalText`: empty (or only spaces) is absent, anything else is trimmed.
 * - `partialDate`: as optional text (`2015`, `2015-05`, `~2015-05-21`, kept at the precision typed).
 * - `list`: typed as comma-separated text ("IMEI, location data"); empty entries are dropped.
 * - `choice`: one code of a table, chosen from a select (an optional choice has '' for none).
 */
export type PlainField = { readonly kind: 'text' | 'optionalText' | 'partialDate' | 'list'; readonly label: string } | ChoiceField
export type FieldKind = PlainField['kind']

/** A choice's options are read in the interface language from `words`: a table of the domain catalogue, or a message key per code. */
export interface ChoiceField<Code extends string = string, Optional extends boolean = boolean> {
  readonly kind: 'choice'
  readonly label: string
  readonly codes: readonly Code[]
  readonly words: DomainLabelTable | Readonly<Record<Code, string>>
  readonly optional: Optional
  /** What a new draft holds. */
  readonly initial: Optional extends true ? '' : Code
}
type Words<Code extends string> = ChoiceField<Code>['words']

const plain =
  <Kind extends Exclude<FieldKind, 'choice'>>(kind: Kind) =>
  (label: string) => ({ kind, label })
export const field = {
  text: plain('text'),
  optionalText: plain('optionalText'),
  partialDate: plain('partialDate'),
  list: plain('list'),
  choice: <const Code extends string>(label: string, codes: readonly Code[], words: Words<Code>, initial: Code): ChoiceField<Code, false> => ({
    kind: 'choice',
    label,
    codes,
    words,
    optional: false,
    initial
  }),
  optionalChoice: <const Code extends string>(label: string, codes: readonly Code[], words: Words<Code>): ChoiceField<Code, true> => ({
    kind: 'choice',
    label,
    codes,
    words,
    optional: true,
    initial: ''
  })
}

/** A table of plain fields, keyed by the record's own field names. */
export type FieldTable = Readonly<Record<string, PlainField>>

/** The kinds a record's value can take: a list for a list, a choice of its own codes… */
type FieldFor<Value> = [Value] extends [readonly string[]]
  ? { kind: 'list' }
  : [Value] extends [string]
    ? { kind: 'text' } | ChoiceField<Value, false>
    : [Value] extends [string | undefined]
      ? { kind: 'optionalText' | 'partialDate' } | ChoiceField<Exclude<Value, undefined>, true>
      : never

/** `satisfies FieldTableOf<Incident>` refuses a field the record lacks, or a kind that cannot hold its value. */
export type FieldTableOf<Stored> = { readonly [Key in keyof Stored]?: FieldFor<Stored[Key]> & PlainField }

/** The draft of a table's fields: text as typed, or the chosen code. */
export type PlainDraft<Table extends FieldTable> = {
  -readonly [Key in keyof Table]: Table[Key] extends ChoiceField<infer Code, infer Optional> ? (Optional extends true ? Code | '' : Code) : string
}

/** The names of a table's fields of one kind. */
export type FieldsOfKind<Table extends FieldTable, Kind extends FieldKind> = {
  [Key in keyof Table]: Table[Key]['kind'] extends Kind ? Key : never
}[keyof Table] &
  string

const mapFields = <Table extends FieldTable>(table: Table, value: (name: string, descriptor: PlainField) => unknown) =>
  Object.fromEntries(Object.entries(table).map(([name, descriptor]) => [name, value(name, descriptor)]))

export function emptyPlainDraft<Table extends FieldTable>(table: Table): PlainDraft<Table> {
  return mapFields(table, (_name, descriptor) => (descriptor.kind === 'choice' ? descriptor.initial : '')) as PlainDraft<Table>
}

/** The draft of a stored record's plain fields. */
export function plainDraftFrom<Table extends FieldTable>(table: Table, record: object): PlainDraft<Table> {
  const values = record as Readonly<Record<string, unknown>>
  return mapFields(table, (name, descriptor) =>
    descriptor.kind === 'list' ? ((values[name] as readonly string[] | undefined) ?? []).join(', ') : ((values[name] as string | undefined) ?? '')
  ) as PlainDraft<Table>
}

/**
 * The plain fields of a draft as record input (unvalidated). An absent optional field is left out,
 * not set to undefined: a record keeps no key it does not have (IndexedDB would store the key, and
 * a backup read back would differ from what was stored).
 */
export function plainInputFrom<Table extends FieldTable>(table: Table, draft: PlainDraft<Table>): Record<string, unknown> {
  const input = mapFields(table, (name, descriptor) => {
    const text = (draft as Readonly<Record<string, string>>)[name] ?? ''
    if (descriptor.kind === 'text') return text
    if (descriptor.kind === 'list') return splitList(text)
    if (descriptor.kind === 'choice') return descriptor.optional && text === '' ? undefined : text
    return optionalText(text)
  }) as Record<string, unknown>
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined))
}

/** The names of a table's fields of one kind, in the table's order (a form's row of dates). */
export function fieldsOfKind<Table extends FieldTable, Kind extends FieldKind>(table: Table, kind: Kind): FieldsOfKind<Table, Kind>[] {
  return Object.keys(table).filter((name) => table[name]!.kind === kind) as FieldsOfKind<Table, Kind>[]
}

/** A field's label in the interface language: `const label = labelsOf(LAW_FIELDS)`, then `label('title')`. */
export function labelsOf<Table extends FieldTable>(table: Table): (name: keyof Table & string) => string {
  return (name) => i18n.global.t(table[name]!.label)
}

/** A choice's options in the interface language, in the order of its codes. */
export function choiceOptions<Code extends string>({ codes, words }: ChoiceField<Code>): { value: Code; label: string }[] {
  return codes.map((code) => ({ value: code, label: typeof words === 'string' ? domainLabel(words, code) : i18n.global.t(words[code]) }))
}
