import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { h, type Component } from 'vue'
import BaseSortableTableComponent from '../../../src/renderer/ui/BaseSortableTable.vue'

// A generic SFC's row type is `unknown` to mount(); the props below are typed by the Row interface instead.
const BaseSortableTable = BaseSortableTableComponent as Component

interface Row {
  readonly name: string
  readonly year: number
}

const rows: Row[] = [
  { name: 'Beta', year: 2017 },
  { name: 'Alpha', year: 2020 },
  { name: 'Gamma', year: 2015 }
]

function mountTable() {
  return mount(BaseSortableTable, {
    props: {
      caption: 'Things',
      rows,
      rowKey: (row: Row) => row.name,
      columns: [
        { key: 'name', label: 'Name', compare: (a: Row, b: Row) => a.name.localeCompare(b.name) },
        { key: 'year', label: 'Year', compare: (a: Row, b: Row) => a.year - b.year },
        { key: 'note', label: 'Note' }
      ],
      initialSortKey: 'name'
    },
    slots: {
      name: ({ row }: { row: Row }) => h('span', row.name),
      year: ({ row }: { row: Row }) => h('span', String(row.year))
    }
  })
}

const firstColumn = (wrapper: ReturnType<typeof mountTable>) =>
  wrapper.findAll('tbody tr').map((row) => row.findAll('td')[0]?.text())

describe('BaseSortableTable', () => {
  it('shows rows sorted by the initial column', () => {
    const wrapper = mountTable()

    expect(firstColumn(wrapper)).toEqual(['Alpha', 'Beta', 'Gamma'])
  })

  it('sorts by another column when its header button is pressed, and reverses on a second press', async () => {
    const wrapper = mountTable()
    const yearButton = wrapper.get('button[aria-label="Sort by Year"]')

    await yearButton.trigger('click')
    const ascending = firstColumn(wrapper)
    await yearButton.trigger('click')

    expect(ascending).toEqual(['Gamma', 'Beta', 'Alpha'])
    expect(firstColumn(wrapper)).toEqual(['Alpha', 'Beta', 'Gamma'])
  })

  it('announces the sort order on the sorted column header only', async () => {
    const wrapper = mountTable()

    await wrapper.get('button[aria-label="Sort by Year"]').trigger('click')

    const headers = wrapper.findAll('th')
    expect(headers.map((header) => header.attributes('aria-sort'))).toEqual(['none', 'ascending', undefined])
  })

  it('offers no sort button for a column without an order', () => {
    const wrapper = mountTable()

    expect(wrapper.findAll('th')[2]?.find('button').exists()).toBe(false)
  })
})
