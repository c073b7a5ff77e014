import { domainLabel, i18n, type DomainLabelTable } from '@renderer/i18n'
import { optionalText, splitList } from './formDraft'

/**
 * The plain fields of a record form, one descriptor each: how the typed text becomes the record's
 * value and back, and the message key of the field's label. A form's draft, its converters and its
 * labels are read from its table (`INCIDENT_FIELDS`…), so each rule is written once; fields with
 * an editor of their own (provisions, relations, citations, original text) are not in it.
 */
export type PlainField = TextField | OptionalTextField | PartialDateField | ListField | ChoiceField

/** Text the record always holds (a title): kept exactly as typed. */
export interface TextField {
  readonly kind: 'text'
  readonly label: string
}

/** Text the record may leave out: empty (or only spaces) is absent, anything else is trimmed. */
export interface OptionalTextField {
  readonly kind: 'optionalText'
  readonly label: string
}

/** A partial date (`2015`, `2015-05`, `~2015-05-21`), optional, kept at the precision typed. */
export interface PartialDateField {
  readonly kind: 'partialDate'
  readonly label: string
}

/** A list typed as comma-separated text ("IMEI, location data"); empty entries are dropped. */
export interface ListField {
  readonly kind: 'list'
  readonly label: string
}

/**
 * One code of a table, chosen from a select. Its options are read in the interface language from
 * `words`: a table of the domain catalogue, or a message key for each code. An optional choice
 * has '' for "none" (the record leaves the field out).
 */
export interface ChoiceField<Code extends string = string, Optional extends boolean = boolean> {
  readonly kind: 'choice'
  readonly label: string
  readonly codes: readonly Code[]
  readonly words: DomainLabelTable | Readonly<Record<Code, string>>
  readonly optional: Optional
  /** What a new draft holds. */
  readonly initial: Optional extends true ? '' : Code
}

export type FieldKind = PlainField['kind']

export const field = {
  text: (label: string): TextField => ({ kind: 'text', label }),
  optionalText: (label: string): OptionalTextField => ({ kind: 'optionalText', label }),
  partialDate: (label: string): PartialDateField => ({ kind: 'partialDate', label }),
  list: (label: string): ListField => ({ kind: 'list', label }),
  choice: <Code extends string>(label: string, codes: readonly Code[], words: ChoiceField<Code>['words'], initial: Code): ChoiceField<Code, false> => ({
    kind: 'choice',
    label,
    codes,
    words,
    optional: false,
    initial
  }),
  optionalChoice: <Code extends string>(label: string, codes: readonly Code[], words: ChoiceField<Code>['words']): ChoiceField<Code, true> => ({
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

/** The descriptors a record's value can take (a list for a list, a choice of its own codes…). */
type FieldFor<Value> = [Value] extends [readonly string[]]
  ? ListField
  : [Value] extends [string]
    ? TextField | ChoiceField<Value, false>
    : [Value] extends [string | undefined]
      ? OptionalTextField | PartialDateField | ChoiceField<Exclude<Value, undefined>, true>
      : never

/** What a record's table may hold: `satisfies FieldTableOf<Incident>` refuses a field the record lacks or a kind that cannot hold its value. */
export type FieldTableOf<Stored> = { readonly [Key in keyof Stored]?: FieldFor<Stored[Key]> }

type DraftValue<Field> = Field extends ChoiceField<infer Code, infer Optional> ? (Optional extends true ? Code | '' : Code) : string

/** The draft of a table's fields: text as typed, or the chosen code. */
export type PlainDraft<Table extends FieldTable> = { -readonly [Key in keyof Table]: DraftValue<Table[Key]> }

/** The names of a table's fields of one kind, in the table's order (the law's dates). */
export type FieldsOfKind<Table extends FieldTable, Kind extends FieldKind> = {
  [Key in keyof Table]: Table[Key]['kind'] extends Kind ? Key : never
}[keyof Table] &
  string

function entriesOf(table: FieldTable): [string, PlainField][] {
  return Object.entries(table)
}

export function emptyPlainDraft<Table extends FieldTable>(table: Table): PlainDraft<Table> {
  return Object.fromEntries(entriesOf(table).map(([name, descriptor]) => [name, descriptor.kind === 'choice' ? descriptor.initial : ''])) as PlainDraft<Table>
}

/** The draft of a stored record's plain fields. */
export function plainDraftFrom<Table extends FieldTable>(table: Table, record: object): PlainDraft<Table> {
  const values = record as Readonly<Record<string, unknown>>
  return Object.fromEntries(
    entriesOf(table).map(([name, descriptor]) => {
      const value = values[name]
      return [name, descriptor.kind === 'list' ? ((value as readonly string[] | undefined) ?? []).join(', ') : ((value as string | undefined) ?? '')]
    })
  ) as PlainDraft<Table>
}

/** The plain fields of a draft as record input (unvalidated): absent optional fields are undefined. */
export function plainInputFrom<Table extends FieldTable>(table: Table, draft: PlainDraft<Table>): Record<string, unknown> {
  const typed = draft as Readonly<Record<string, string>>
  return Object.fromEntries(
    entriesOf(table).map(([name, descriptor]) => {
      const text = typed[name] ?? ''
      switch (descriptor.kind) {
        case 'text':
          return [name, text]
        case 'optionalText':
        case 'partialDate':
          return [name, optionalText(text)]
        case 'list':
          return [name, splitList(text)]
        case 'choice':
          return [name, descriptor.optional && text === '' ? undefined : text]
      }
    })
  )
}

/** The names of a table's fields of one kind, in the table's order. */
export function fieldsOfKind<Table extends FieldTable, Kind extends FieldKind>(table: Table, kind: Kind): FieldsOfKind<Table, Kind>[] {
  return entriesOf(table)
    .filter(([, descriptor]) => descriptor.kind === kind)
    .map(([name]) => name as FieldsOfKind<Table, Kind>)
}

/** A field's label in the interface language: `const label = labelsOf(LAW_FIELDS)`, then `label('title')`. */
export function labelsOf<Table extends FieldTable>(table: Table): (name: keyof Table & string) => string {
  return (name) => i18n.global.t(table[name]!.label)
}

/** A choice's options in the interface language, in the order of its codes. */
export function choiceOptions<Code extends string>(choice: ChoiceField<Code>): { value: Code; label: string }[] {
  const { words } = choice
  return choice.codes.map((code) => ({ value: code, label: typeof words === 'string' ? domainLabel(words, code) : i18n.global.t(words[code]) }))
}
