import { describe, expect, it } from 'vitest'
import { cleanImportedText } from '@shared/interchange/text/cleanImportedText'

describe('counterexamples found by property tests', () => {
  // CI seed 773520672 (commit 99c37e4): the cleanImportedText property generated the word "Âœa" as
  // genuine text. It is not: "Âœ" is how the UTF-8 lead byte C2 of U+009C reads in Windows-1252, so
  // cleaning repairs it and drops the C1 control it decodes to. The generator now leaves such words out.
  it('"Âœa" is mojibake of a C1 control before "a": repaired and the control removed, with both said', () => {
    const cleaned = cleanImportedText('Âœa')

    expect(cleaned.text).toBe('a')
    expect(cleaned.changes).toEqual(expect.arrayContaining(['mojibake-repaired', 'control-removed']))
    expect(cleaned.removed).toEqual(['C1 control character (U+009C)'])
  })
})
