import { afterEach, describe, expect, it } from 'vitest'
import { i18n, setLocale } from '@renderer/i18n'
import type { Source } from '@shared/domain/source'
import {
  choiceOptions,
  emptyPlainDraft,
  field,
  fieldsOfKind,
  labelsOf,
  plainDraftFrom,
  plainInputFrom,
  type FieldTableOf,
  type PlainDraft
} from '../../../src/renderer/recordKit/fieldTable'
import { SOURCE_FIELDS } from '../../../src/renderer/features/sources/sourceDraft'
import { INCIDENT_FIELDS } from '../../../src/renderer/features/incidents/incidentDraft'
import { LAW_FIELDS } from '../../../src/renderer/features/laws/lawDraft'
import { ORGANISATION_FIELDS } from '../../../src/renderer/features/organisations/organisationDraft'
import { RESPONSE_FIELDS } from '../../../src/renderer/features/responses/responseDraft'

/** One field of every kind, as a record type's table would hold them. */
const TABLE = {
  title: field.text('incidents.common.title'),
  shortName: field.optionalText('laws.common.shortName'),
  occurredOn: field.partialDate('incidents.common.occurred'),
  tags: field.list('incidents.common.tags'),
  status: field.choice('incidents.common.status', ['alleged', 'confirmed'], 'incidentStatus', 'alleged'),
  stage: field.choice('responses.common.stage', ['enacted', 'proposed'], { enacted: 'responses.form.enacted', proposed: 'responses.form.proposed' }, 'enacted'),
  matterEffect: field.optionalChoice('responses.form.effect', ['opens', 'concludes'], {
    opens: 'responses.form.effects.opens',
    concludes: 'responses.form.effects.concludes'
  })
}
type Draft = PlainDraft<typeof TABLE>

const filled: Draft = {
  title: 'Alipay annual bill',
  shortName: 'PIPL',
  occurredOn: '2015',
  tags: 'consent, 芝麻信用',
  status: 'confirmed',
  stage: 'proposed',
  matterEffect: 'concludes'
}

afterEach(() => setLocale('en'))

describe('a table of plain fields', () => {
  it('makes a record of a filled draft, each kind in its own form, and the same draft back from that record', () => {
    const record = plainInputFrom(TABLE, filled)

    expect(record).toEqual({
      title: 'Alipay annual bill',
      shortName: 'PIPL',
      occurredOn: '2015',
      tags: ['consent', '芝麻信用'],
      status: 'confirmed',
      stage: 'proposed',
      matterEffect: 'concludes'
    })
    expect(plainDraftFrom(TABLE, record)).toEqual(filled)
  })

  it('leaves out an empty optional text, date and optional choice, makes an empty list of an empty one, and reads them all back as empty', () => {
    const draft: Draft = { ...filled, shortName: '', occurredOn: '', tags: '', matterEffect: '' }

    const record = plainInputFrom(TABLE, draft)

    expect(record).toMatchObject({ tags: [] })
    // Left out, not set to undefined: a stored record holds no key it does not have.
    for (const absent of ['shortName', 'occurredOn', 'matterEffect']) expect(Object.keys(record)).not.toContain(absent)
    expect(plainDraftFrom(TABLE, record)).toEqual(draft)
  })

  it('takes text of only spaces as absent, trims optional text and dates, drops empty list entries, and keeps required text as typed', () => {
    const record = plainInputFrom(TABLE, { ...filled, title: ' Title ', shortName: '   ', occurredOn: ' ~2015-05 ', tags: ' a, , b ,' })

    expect(record).toMatchObject({ title: ' Title ', occurredOn: '~2015-05', tags: ['a', 'b'] })
    expect(Object.keys(record)).not.toContain('shortName')
  })

  it('round-trips a year-precision date of a real record type through its schema without making it more precise', () => {
    const draft = { ...emptyPlainDraft(SOURCE_FIELDS), title: 'Report', publishedOn: '2018', accessedOn: '2026-11-30' }

    const record = plainInputFrom(SOURCE_FIELDS, draft) as Partial<Source>

    expect(record.publishedOn).toBe('2018')
    expect(plainDraftFrom(SOURCE_FIELDS, record)).toEqual(draft)
  })

  it('starts a new draft with empty text and each choice at its first value, an optional choice at none', () => {
    expect(emptyPlainDraft(TABLE)).toEqual({ title: '', shortName: '', occurredOn: '', tags: '', status: 'alleged', stage: 'enacted', matterEffect: '' })
  })

  it('names the fields of one kind in the table’s order', () => {
    expect(fieldsOfKind(LAW_FIELDS, 'partialDate')).toEqual(['draftOn', 'adoptedOn', 'inForceOn', 'appliesFromOn', 'repealedOn'])
  })

  it('gives labels and choices in the interface language, from a domain table or a key per code', () => {
    const label = labelsOf(TABLE)
    expect([label('title'), label('status')]).toEqual(['Title', 'Status'])
    expect(choiceOptions(TABLE.status)).toEqual([
      { value: 'alleged', label: 'Alleged' },
      { value: 'confirmed', label: 'Confirmed' }
    ])
    expect(choiceOptions(TABLE.stage).map((option) => option.label)).toEqual(['Enacted (taken)', 'Proposed or threatened'])

    setLocale('zh-CN')
    expect(label('title')).toBe('标题')
    expect(choiceOptions(TABLE.status)).toEqual([
      { value: 'alleged', label: '据称' },
      { value: 'confirmed', label: '已证实' }
    ])
    expect(choiceOptions(TABLE.stage).map((option) => option.label)).toEqual(['已采取', '拟议或威胁采取'])
  })

  it('names every label and choice of every record type’s table with a key both languages hold', () => {
    const tables = { INCIDENT_FIELDS, LAW_FIELDS, ORGANISATION_FIELDS, RESPONSE_FIELDS, SOURCE_FIELDS }
    const missing: string[] = []
    for (const [name, table] of Object.entries(tables)) {
      for (const [fieldName, descriptor] of Object.entries(table)) {
        const keys = [descriptor.label]
        if (descriptor.kind === 'choice') {
          const { words } = descriptor
          keys.push(
            ...descriptor.codes.map((code: string) => (typeof words === 'string' ? `domain.${words}.${code}` : (words as Record<string, string>)[code]!))
          )
        }
        for (const key of keys)
          for (const locale of ['en', 'zh-CN'] as const) if (!i18n.global.te(key, locale)) missing.push(`${name}.${fieldName}: ${key} (${locale})`)
      }
    }
    expect(missing).toEqual([])
  })

  it('refuses, when compiled, a field the record lacks and a kind that cannot hold the record’s value', () => {
    const checked = {
      title: field.text('records.source.title'),
      // @ts-expect-error A source's publisher is one text, not a list.
      publisher: field.list('records.source.publisher')
    } satisfies FieldTableOf<Source>
    // @ts-expect-error A source has no `status`.
    const unknown = { status: field.text('incidents.common.status') } satisfies FieldTableOf<Source>

    expect(Object.keys({ ...checked, ...unknown })).toEqual(['title', 'publisher', 'status'])
  })
})
