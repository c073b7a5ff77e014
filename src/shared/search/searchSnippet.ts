import { highlightSegments } from './highlightSegments'

/** How much context a snippet keeps before the first match, in characters. */
const LEAD = 60

/**
 * A short excerpt for a search result: the first line of `texts` (fields in order of preference,
 * lines joined by newlines) that contains a matched term, cut to about `maxLength` characters
 * around the first match at word boundaries, with "…" where text was cut. When no line matches
 * (the match was in the title), the start of the first non-empty line.
 */
export function searchSnippet(texts: readonly string[], terms: readonly string[], maxLength = 200): string {
  const lines = texts
    .flatMap((text) => text.split('\n'))
    .map((line) => line.trim())
    .filter((line) => line !== '')
  for (const line of lines) {
    const segments = highlightSegments(line, terms)
    const firstMatch = segments.findIndex((segment) => segment.isMatch)
    if (firstMatch === -1) continue
    const matchStart = segments.slice(0, firstMatch).reduce((length, segment) => length + segment.text.length, 0)
    return excerpt(line, Math.max(0, matchStart - LEAD), maxLength)
  }
  return lines[0] === undefined ? '' : excerpt(lines[0], 0, maxLength)
}

function excerpt(line: string, from: number, maxLength: number): string {
  let start = from
  if (start > 0) {
    const space = line.indexOf(' ', start)
    // Start at the next word unless that skips far (Chinese text has no spaces).
    start = space !== -1 && space - start < 20 ? space + 1 : start
  }
  let end = Math.min(line.length, start + maxLength)
  if (end < line.length) {
    const space = line.lastIndexOf(' ', end)
    end = space > start + maxLength / 2 ? space : end
  }
  return `${start > 0 ? '…' : ''}${line.slice(start, end).trim()}${end < line.length ? '…' : ''}`
}
