import { afterEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { guessColumnMapping, type ColumnMapping } from '@shared/interchange/csv/columnMapping'
import { recordCsvHeaders } from '@shared/interchange/csv/recordCsvColumns'
import CsvColumnMappingStep from '../../../../src/renderer/features/importing/CsvColumnMappingStep.vue'

const headers = ['Name_of_Covered_Entity', 'Date_of_Breach', 'Notes', 'rownames']
const sampleRows = [
  ['Brooke Army Medical Center', '10/16/2009', '', '1'],
  ['=HYPERLINK("http://x")', '09/20/2011 - 10/28/2011', '', '2']
]

let wrapper: VueWrapper | undefined

function mountStep(mapping: ColumnMapping = guessColumnMapping(headers, 'incident'), columns = headers) {
  wrapper = mount(CsvColumnMappingStep, { props: { file: 'breaches.csv', headers: columns, sampleRows, modelValue: mapping }, attachTo: document.body })
  return wrapper
}

const emitted = (step: VueWrapper) => step.emitted<[ColumnMapping]>('update:modelValue')?.map(([mapping]) => mapping) ?? []
const selectFor = (step: VueWrapper, header: string) => step.get(`select[aria-label="Column ${header} maps to"]`)

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

describe('CsvColumnMappingStep', () => {
  it('shows each column with a sample value as text and a select named for the column', () => {
    const step = mountStep()
    const rows = step.findAll('tbody tr').map((row) => [row.get('th').text(), row.findAll('td')[0]!.text()])
    expect(rows).toEqual([
      ['Name_of_Covered_Entity', 'Brooke Army Medical Center'],
      ['Date_of_Breach', '10/16/2009'],
      ['Notes', 'Empty in the first rows'],
      ['rownames', '1']
    ])
    expect((selectFor(step, 'Name_of_Covered_Entity').element as HTMLSelectElement).value).toBe('organisations')
    expect((selectFor(step, 'Date_of_Breach').element as HTMLSelectElement).value).toBe('occurredOn')
    expect((selectFor(step, 'rownames').element as HTMLSelectElement).value).toBe('')
    const options = selectFor(step, 'Notes')
      .findAll('option')
      .map((option) => option.text())
    expect(options[0]).toBe('Ignore')
    expect(options).toContain('Title (required)')
    expect(step.get('legend').text()).toBe('Columns of breaches.csv')
  })

  it('emits the mapping with the chosen field, and null for Ignore', async () => {
    const step = mountStep()
    await selectFor(step, 'Notes').setValue('summary')
    await selectFor(step, 'Date_of_Breach').setValue('')
    const [first, second] = emitted(step)
    expect(first).toEqual({ ...guessColumnMapping(headers, 'incident'), columns: { ...guessColumnMapping(headers, 'incident').columns, Notes: 'summary' } })
    expect(second!.columns.Date_of_Breach).toBeNull()
  })

  it('says which required fields have no column, and when none is missing', async () => {
    const step = mountStep(guessColumnMapping(headers, 'law'))
    expect(step.get('[role="status"]').text()).toContain('Still needed: Title, Jurisdiction (code), Kind, Status.')
    await step.setProps({ modelValue: guessColumnMapping(headers, 'incident') })
    expect(step.get('[role="status"]').text()).toBe('Every required field has a column.')
  })

  it('says when two columns give a field that takes one', () => {
    const step = mountStep({
      layout: 'columns',
      recordType: 'incident',
      columns: { Name_of_Covered_Entity: 'title', Date_of_Breach: 'title', Notes: null, rownames: null }
    })
    expect(step.get('[role="status"]').text()).toContain(
      'Title can come from one column only, but "Name_of_Covered_Entity" and "Date_of_Breach" both map to it'
    )
  })

  it('changes the record type through a labelled select, starting from a guess for the new type', async () => {
    const step = mountStep()
    const typeSelect = step.get('select:not([aria-label])')
    expect(step.get(`label[for="${typeSelect.attributes('id')}"]`).text()).toBe('Each row is')
    await typeSelect.setValue('organisation')
    expect(emitted(step)).toEqual([guessColumnMapping(headers, 'organisation')])
  })

  it('offers nothing to choose for our own export and says why', () => {
    const ownHeaders = recordCsvHeaders('source')
    const step = mountStep(guessColumnMapping(ownHeaders, 'incident'), ownHeaders)
    expect(step.find('select').exists()).toBe(false)
    expect(step.text()).toContain('This is a Precedent export of sources')
  })
})

describe('CsvColumnMappingStep: a value for every row', () => {
  it('sets a field no column gives to one value for every row, keeps it when a column changes, and removes it', async () => {
    const step = mountStep(guessColumnMapping(headers, 'response'))
    expect(step.get('[role="status"]').text()).toContain('or give it a value for every row')
    const field = step.get('select[id$="-constant-field"]')
    expect(step.get(`label[for="${field.attributes('id')}"]`).text()).toBe('Field')
    await field.setValue('kind')
    await step.get('input[id$="-constant-value"]').setValue('fine')
    await step
      .findAll('button')
      .find((button) => button.text() === 'Set for every row')!
      .trigger('click')
    const withKind = emitted(step).at(-1)!
    expect(withKind).toMatchObject({ layout: 'columns', recordType: 'response', constants: { kind: 'fine' } })

    await step.setProps({ modelValue: withKind })
    expect(step.get('ul[aria-label="Values for every row"]').text()).toContain('Kind: fine')
    await selectFor(step, 'Notes').setValue('title')
    expect(emitted(step).at(-1)).toMatchObject({ columns: { Notes: 'title' }, constants: { kind: 'fine' } })

    await step
      .findAll('button')
      .find((button) => button.text() === 'Remove Kind')!
      .trigger('click')
    expect(emitted(step).at(-1)).not.toHaveProperty('constants')
  })
})
