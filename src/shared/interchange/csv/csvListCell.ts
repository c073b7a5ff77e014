/**
 * A list in one CSV cell, as the export writes it: items joined by `; `, with `\` escaping a `;` or
 * a `\` inside an item (`a\;b` is the one item "a;b"). Splitting is the exact inverse of joining
 * for any list of non-empty items; an empty cell is the empty list.
 */
export const LIST_SEPARATOR = '; '

export function joinListCell(items: readonly string[]): string {
  return items.map((item) => item.replace(/[\\;]/g, (character) => `\\${character}`)).join(LIST_SEPARATOR)
}

export function splitListCell(cell: string): string[] {
  if (cell === '') return []
  const items: string[] = []
  let current = ''
  for (let index = 0; index < cell.length; index += 1) {
    const character = cell[index]!
    if (character === '\\' && index + 1 < cell.length) {
      current += cell[index + 1]!
      index += 1
    } else if (character === ';') {
      items.push(current)
      current = ''
      if (cell[index + 1] === ' ') index += 1
    } else {
      current += character
    }
  }
  items.push(current)
  return items
}
