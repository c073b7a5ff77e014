import { message } from '../../locale/message'
import type { ImportProblem } from '../importProblem'
import type { CsvTable } from '../parseCsvTable'

/** How a duplicate incident number leads to the incident AIID kept: `[342, 88, 1057]`. */
export type DuplicateChain = readonly number[]

export interface AiidDuplicates {
  /** The chain from each duplicate number to its final true incident, for every duplicate listed. */
  readonly chains: ReadonlyMap<number, DuplicateChain>
  readonly rejected: readonly ImportProblem[]
}

const DUPLICATE = 'duplicate_incident_number'
const TRUE = 'true_incident_number'

/** A positive whole number written in digits, as AIID writes incident numbers. */
export function incidentNumberOf(cell: string | undefined): number | undefined {
  const text = (cell ?? '').trim()
  if (!/^\d{1,9}$/.test(text)) return undefined
  const number = Number(text)
  return number > 0 ? number : undefined
}

/**
 * Reads AIID's `duplicates.csv` (duplicate_incident_number → true_incident_number) and follows
 * each entry to the end, because a true incident may itself have been marked a duplicate later
 * (342 → 88 → 1057). A row that cannot be read, that contradicts an earlier row, or that belongs
 * to a loop (5 → 6 → 5, where no incident is the true one) is refused, naming its row.
 */
export function readAiidDuplicates(table: CsvTable | undefined): AiidDuplicates {
  if (table === undefined) return { chains: new Map(), rejected: [] }
  const rejected: ImportProblem[] = [...table.problems]
  for (const column of [DUPLICATE, TRUE]) {
    if (!table.headers.includes(column)) {
      return { chains: new Map(), rejected: [{ file: table.file, row: 1, field: column, message: message('importProblems.aiid.missingColumn', { column }) }] }
    }
  }
  const next = new Map<number, { readonly to: number; readonly row: number }>()
  for (const { row, cells } of table.rows) {
    const duplicate = incidentNumberOf(cells[DUPLICATE])
    const kept = incidentNumberOf(cells[TRUE])
    if (duplicate === undefined || kept === undefined) {
      const field = duplicate === undefined ? DUPLICATE : TRUE
      rejected.push({ file: table.file, row, field, message: message('importProblems.aiid.notAnIncidentNumber', { cell: cells[field] ?? '' }) })
      continue
    }
    const earlier = next.get(duplicate)
    if (duplicate === kept) {
      rejected.push({ file: table.file, row, field: TRUE, message: message('importProblems.aiid.selfDuplicate', { number: duplicate }) })
    } else if (earlier !== undefined && earlier.to !== kept) {
      rejected.push({
        file: table.file,
        row,
        field: TRUE,
        message: message('importProblems.aiid.alreadyDuplicate', { number: duplicate, of: earlier.to, row: earlier.row })
      })
    } else if (earlier === undefined) {
      next.set(duplicate, { to: kept, row })
    }
  }

  const chains = new Map<number, DuplicateChain>()
  const looped = new Set<number>()
  for (const start of next.keys()) {
    const chain = [start]
    let current = next.get(start)
    while (current !== undefined && !chain.includes(current.to)) {
      chain.push(current.to)
      current = next.get(current.to)
    }
    if (current === undefined) chains.set(start, chain)
    else looped.add(start)
  }
  for (const number of looped) {
    const entry = next.get(number)!
    rejected.push({
      file: table.file,
      row: entry.row,
      field: DUPLICATE,
      message: message('importProblems.aiid.duplicateLoop', { number })
    })
  }
  return { chains, rejected: rejected.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) }
}
