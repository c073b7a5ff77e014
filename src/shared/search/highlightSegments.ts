import { foldForMatching } from '../domain/textFolding'
import { analyseText, characterClass } from './textAnalysis'

/** A stretch of text, marked when it is part of a matched word. */
export interface HighlightSegment {
  readonly text: string
  readonly isMatch: boolean
}

interface Character {
  readonly start: number
  readonly end: number
  readonly folded: string
}

/** [start, end) offsets into the original text. */
type Range = readonly [number, number]

function rangesOfRun(run: readonly Character[], isCjk: boolean, terms: ReadonlySet<string>): Range[] {
  const first = run[0]
  const last = run.at(-1)
  if (first === undefined || last === undefined) return []
  if (!isCjk) return terms.has(run.map((character) => character.folded).join('')) ? [[first.start, last.end]] : []
  if (run.length === 1) return terms.has(first.folded) ? [[first.start, first.end]] : []
  const ranges: Range[] = []
  for (let index = 0; index + 1 < run.length; index += 1) {
    const left = run[index]
    const right = run[index + 1]
    if (left !== undefined && right !== undefined && terms.has(left.folded + right.folded)) ranges.push([left.start, right.end])
  }
  return ranges
}

/** The matched ranges of `text`, found the way the index analyses it (whole folded words, CJK pairs). */
function matchedRanges(text: string, terms: ReadonlySet<string>): Range[] {
  const ranges: Range[] = []
  let run: Character[] = []
  let isCjkRun = false
  const flush = (): void => {
    ranges.push(...rangesOfRun(run, isCjkRun, terms))
    run = []
  }
  let offset = 0
  for (const character of text) {
    const start = offset
    offset += character.length
    const folded = foldForMatching(character)
    // A combining accent folds to nothing: it belongs to the word it sits on.
    if (folded === '') {
      if (run.length > 0) run.push({ start, end: offset, folded })
      continue
    }
    const kind = characterClass(folded[0] ?? '')
    if (kind === 'separator') {
      flush()
      continue
    }
    if (run.length > 0 && (kind === 'cjk') !== isCjkRun) flush()
    isCjkRun = kind === 'cjk'
    run.push({ start, end: offset, folded })
  }
  flush()
  return ranges
}

/**
 * Splits `text` into plain and matched segments for highlighting, matching `terms` the way the
 * search index does: words by their folded form ("Société" matches "societe"), Chinese, Japanese
 * and Korean by character pairs ("支付" marks those two characters inside "支付宝"). The segments
 * join back into `text` exactly. Meant to be rendered as text nodes (`<mark>` around matches),
 * never as HTML, so stored text can never become markup.
 */
export function highlightSegments(text: string, terms: readonly string[]): HighlightSegment[] {
  const wanted = new Set(terms.flatMap((term) => analyseText(term)))
  const ranges = wanted.size === 0 ? [] : matchedRanges(text, wanted).sort((a, b) => a[0] - b[0])
  const segments: HighlightSegment[] = []
  let position = 0
  let index = 0
  while (index < ranges.length) {
    const range = ranges[index]
    if (range === undefined) break
    const start = range[0]
    let end = range[1]
    index += 1
    // Overlapping CJK pairs ("支付" and "付宝") become one marked stretch.
    while (index < ranges.length && (ranges[index]?.[0] ?? Infinity) <= end) {
      end = Math.max(end, ranges[index]?.[1] ?? end)
      index += 1
    }
    if (start > position) segments.push({ text: text.slice(position, start), isMatch: false })
    segments.push({ text: text.slice(start, end), isMatch: true })
    position = end
  }
  if (position < text.length) segments.push({ text: text.slice(position), isMatch: false })
  return segments
}
