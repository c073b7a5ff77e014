import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { defineComponent, h, ref, type Component } from 'vue'
import BaseVirtualTableComponent, { type TableSort } from '../../../src/renderer/ui/BaseVirtualTable.vue'

// A generic SFC's row type is `unknown` to mount(); the props below are typed by the Row interface instead.
const BaseVirtualTable = BaseVirtualTableComponent as Component

interface Row {
  readonly name: string
  readonly year: number
}

const rows: Row[] = [
  { name: 'Beta', year: 2017 },
  { name: 'Alpha', year: 2020 },
  { name: 'Gamma', year: 2015 }
]

/** A page that owns the sort, as list views do: the table only says which order was asked for. */
function mountTable(options: { readonly rowCount?: number; readonly unread?: number } = {}) {
  const ranges: [number, number][] = []
  const sort = ref<TableSort>({ key: 'name', direction: 'ascending' })
  const Page = defineComponent(() => () => {
    const key = sort.value.key as keyof Row
    const sign = sort.value.direction === 'ascending' ? 1 : -1
    const sorted = [...rows].sort((a, b) => sign * (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0))
    return h(
      BaseVirtualTable,
      {
        caption: 'Things',
        columns: [
          { key: 'name', label: 'Name', sortable: true },
          { key: 'year', label: 'Year', sortable: true },
          { key: 'note', label: 'Note' }
        ],
        rowCount: options.rowCount ?? rows.length,
        rowAt: (index: number) => (index === options.unread ? undefined : sorted[index]),
        rowKey: (row: Row) => row.name,
        sort: sort.value,
        'onUpdate:sort': (next: TableSort) => (sort.value = next),
        onRange: (start: number, end: number) => ranges.push([start, end])
      },
      {
        name: ({ row }: { row: Row }) => h('span', row.name),
        year: ({ row }: { row: Row }) => h('span', String(row.year))
      }
    )
  })
  return { wrapper: mount(Page), sort, ranges }
}

const firstColumn = (wrapper: ReturnType<typeof mountTable>['wrapper']) => wrapper.findAll('tbody tr').map((row) => row.findAll('td')[0]?.text())

describe('BaseVirtualTable', () => {
  // happy-dom lays nothing out: give every element a screenful of height, as a browser window would.
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(800)
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000)
  })
  afterEach(() => vi.restoreAllMocks())

  it('shows the rows in the order the page gives them', () => {
    const { wrapper } = mountTable()

    expect(firstColumn(wrapper)).toEqual(['Alpha', 'Beta', 'Gamma'])
  })

  it('asks for another column when its header button is pressed, and the reverse order on a second press', async () => {
    const { wrapper, sort } = mountTable()
    const yearButton = wrapper.get('button[aria-label="Sort by Year"]')

    await yearButton.trigger('click')
    const ascending = firstColumn(wrapper)
    const askedFirst = sort.value
    await yearButton.trigger('click')

    expect(askedFirst).toEqual({ key: 'year', direction: 'ascending' })
    expect(ascending).toEqual(['Gamma', 'Beta', 'Alpha'])
    expect(sort.value).toEqual({ key: 'year', direction: 'descending' })
    expect(firstColumn(wrapper)).toEqual(['Alpha', 'Beta', 'Gamma'])
  })

  it('announces the sort order on the sorted column header only', async () => {
    const { wrapper } = mountTable()

    await wrapper.get('button[aria-label="Sort by Year"]').trigger('click')

    const headers = wrapper.findAll('th')
    expect(headers.map((header) => header.attributes('aria-sort'))).toEqual(['none', 'ascending', undefined])
  })

  it('offers no sort button for a column without an order', () => {
    const { wrapper } = mountTable()

    expect(wrapper.findAll('th')[2]?.find('button').exists()).toBe(false)
  })

  it('counts every row of the list, header included, and numbers the rendered rows from 2', () => {
    const { wrapper } = mountTable()

    expect(wrapper.get('table').attributes('aria-rowcount')).toBe('4')
    expect(wrapper.get('thead tr').attributes('aria-rowindex')).toBe('1')
    expect(wrapper.findAll('tbody tr').map((row) => row.attributes('aria-rowindex'))).toEqual(['2', '3', '4'])
  })

  it('renders only a window of a long list and asks for those rows', () => {
    const { wrapper, ranges } = mountTable({ rowCount: 100_000 })

    const rendered = wrapper.findAll('tbody tr').length
    expect(wrapper.get('table').attributes('aria-rowcount')).toBe('100001')
    expect(rendered).toBeGreaterThan(0)
    expect(rendered).toBeLessThan(100)
    expect(ranges.at(-1)).toEqual([0, rendered])
  })

  it('shows a row still being read as busy, with a placeholder', () => {
    const { wrapper } = mountTable({ unread: 1 })

    const second = wrapper.findAll('tbody tr')[1]
    expect(second?.attributes('aria-busy')).toBe('true')
    expect(second?.text()).toBe('Loading…')
  })
})
