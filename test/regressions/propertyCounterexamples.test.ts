import { describe, expect, it } from 'vitest'
import { parseForeignDate } from '@shared/interchange/csv/foreignCsvDate'
import { cleanImportedText } from '@shared/interchange/text/cleanImportedText'
import { inEnglish } from '../support/words'

describe('counterexamples found by property tests', () => {
  // CI seed 773520672 (commit 99c37e4): the cleanImportedText property generated the word "Âœa" as
  // genuine text. It is not: "Âœ" is how the UTF-8 lead byte C2 of U+009C reads in Windows-1252, so
  // cleaning repairs it and drops the C1 control it decodes to. The generator now leaves such words out.
  it('"Âœa" is mojibake of a C1 control before "a": repaired and the control removed, with both said', () => {
    const cleaned = cleanImportedText('Âœa')

    expect(cleaned.text).toBe('a')
    expect(cleaned.changes).toEqual(expect.arrayContaining(['mojibake-repaired', 'control-removed']))
    expect((cleaned.removed ?? []).map(inEnglish)).toEqual(['C1 control character (U+009C)'])
  })

  // Seed 1840972662 (7 December 2026, merging dates in words): "reads back every partial date as the
  // app writes it for people" generated the year range 1000/1001, which the app writes "1000–1001"
  // (an en dash, no spaces); a foreign date cell refused it as "not a date". Ranges of EDTF points
  // joined by an en or em dash are now read, spaced or not.
  it('"1000–1001", a year range as the app writes it, reads back as 1000/1001', () => {
    expect(parseForeignDate('1000–1001', 'unknown')).toEqual({ ok: true, date: { value: '1000/1001', notes: [] } })
    expect(parseForeignDate('2015-05 — 2015-07', 'unknown')).toEqual({ ok: true, date: { value: '2015-05/2015-07', notes: [] } })
  })
})
