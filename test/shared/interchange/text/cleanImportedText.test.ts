import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { dropLayoutHints, unsafeCharactersIn } from '@shared/domain/unsafeCharacters'
import { cleanImportedText } from '@shared/interchange/text/cleanImportedText'
import { sharedData } from '../../../support/sharedData'
import { inEnglishThroughout } from '../../../support/words'

const vcdbFile = sharedData('vcdb-2013/incidents.json')

describe('cleanImportedText: HTML', () => {
  it('decodes entities and drops tags when the value is HTML', () => {
    expect(inEnglishThroughout(cleanImportedText('Fines &amp; penalties &ndash; <b>Ø&#246;</b> &#x4E2D;', { html: true }))).toEqual({
      text: 'Fines & penalties – Øö 中',
      changes: ['html-removed']
    })
  })

  it('turns <br>, paragraphs and list items into line breaks', () => {
    const { text } = cleanImportedText('<p>First  paragraph<br/>second line</p><p>Next</p><ul><li>one</li><li>two</li></ul>', { html: true })
    expect(text).toBe('First paragraph\nsecond line\n\nNext\n\none\ntwo')
  })

  it('replaces an image by its alt text, or by nothing', () => {
    expect(inEnglishThroughout(cleanImportedText("<img src='./flags/flag_austria.png' alt='AUSTRIA'><br />AUSTRIA", { html: true }).text)).toBe(
      'AUSTRIA\nAUSTRIA'
    )
    expect(inEnglishThroughout(cleanImportedText('Before<img src="x.png">after', { html: true }).text)).toBe('Beforeafter')
  })

  it('drops scripts and styles with their content and never keeps attributes', () => {
    const { text } = cleanImportedText('<style>p{color:red}</style><script>alert(1)</script><a href="javascript:alert(2)" onclick="x()">link</a>', {
      html: true
    })
    expect(text).toBe('link')
  })

  it('leaves markup alone unless the value is declared HTML', () => {
    expect(inEnglishThroughout(cleanImportedText('a <b>bold</b> &amp; claim'))).toEqual({ text: 'a <b>bold</b> &amp; claim', changes: [] })
  })

  it('reports no change for plain text declared HTML', () => {
    expect(inEnglishThroughout(cleanImportedText('1 < 2 and 3 > 2', { html: true }))).toEqual({ text: '1 < 2 and 3 > 2', changes: [] })
  })
})

describe('cleanImportedText: mojibake', () => {
  it.each([
    ['Wheelsâ€™ data-collection systems', 'Wheels’ data-collection systems'],
    ['who â€œwere providing services,â€\u009d according', 'who “were providing services,” according'],
    ['Caf\u00C3\u00A9 de la Gare', 'Café de la Gare'],
    ['Ð¿Ñ€Ð¸Ð²ÐµÑ‚', 'привет'],
    ['Î•Î»Î»Î¬Î´Î±', 'Ελλάδα'],
    ['ä¸­æ–‡', '中文'],
    ['Ã¢â‚¬â„¢', '’']
  ])('repairs %s', (garbled, repaired) => {
    expect(inEnglishThroughout(cleanImportedText(garbled))).toEqual({ text: repaired, changes: ['mojibake-repaired'] })
  })

  it('restores punctuation whose lead byte was lost (U+0080 before a continuation)', () => {
    expect(inEnglishThroughout(cleanImportedText('known as \u0080\u009cD33Ds Company,\u0080\u009d which'))).toEqual({
      text: 'known as “D33Ds Company,” which',
      changes: ['mojibake-repaired']
    })
  })

  it('flags what it cannot repair with confidence, and removes stray C1 controls', () => {
    const cleaned = cleanImportedText('price Ã\u0081 and \u0090 more')
    expect(cleaned.changes).toContain('mojibake-suspected')
    expect(cleaned.changes).toContain('control-removed')
    expect(cleaned.text).not.toMatch(/[\u0080-\u009F]/)
  })

  it('flags the replacement character a decoder leaves for bytes it could not read', () => {
    expect(inEnglishThroughout(cleanImportedText('Caf\uFFFD de la Gare'))).toEqual({ text: 'Caf\uFFFD de la Gare', changes: ['mojibake-suspected'] })
  })

  it.each([['“CAFÉ”'], ['café…» suite'], ['Ærøskøbing'], ['naïve façade — “quoted” ‘single’ €10 ™'], ['São Paulo, Zürich, Łódź'], ['Straße ½ ¼ ©2019 ®']])(
    'leaves genuine accented text alone: %s',
    (genuine) => {
      expect(inEnglishThroughout(cleanImportedText(genuine))).toEqual({ text: genuine, changes: [] })
    }
  )
})

describe('cleanImportedText: characters', () => {
  it('normalises decomposed accents to NFC', () => {
    expect(inEnglishThroughout(cleanImportedText('Agencia Espan\u0303ola'))).toEqual({ text: 'Agencia Española', changes: ['normalised'] })
  })

  it('removes control characters other than tab and newline, and a BOM inside text, naming them', () => {
    expect(inEnglishThroughout(cleanImportedText('Health\u0019 Plan\tInc.\nThe\uFEFF Office'))).toEqual({
      text: 'Health Plan\tInc.\nThe Office',
      changes: ['control-removed'],
      removed: ['control character (U+0019)', 'byte-order mark (U+FEFF)']
    })
  })

  it('removes bidi overrides and isolates, C1 controls, tag letters and layout hints, naming each kind once', () => {
    const tagged = '\u{E0068}\u{E0069}'
    expect(inEnglishThroughout(cleanImportedText(`invoice_\u202Efdp.exe \u2067x\u2069 a\u0085b${tagged} Da\u00ADten\u200Bschutz \u202E`))).toEqual({
      text: 'invoice_fdp.exe x ab Datenschutz ',
      // A C1 control is also how misread bytes look, hence the warning to check the text.
      changes: ['mojibake-suspected', 'control-removed'],
      removed: [
        'right-to-left override (U+202E)',
        'right-to-left isolate (U+2067)',
        'pop directional isolate (U+2069)',
        'C1 control character (U+0085)',
        'tag character (U+E0068)',
        'tag character (U+E0069)',
        'soft hyphen (U+00AD)',
        'zero width space (U+200B)'
      ]
    })
  })

  it('keeps the ZWNJ and ZWJ scripts and emoji need, and the directional marks, reporting nothing', () => {
    const genuine = 'می\u200Cخواهم \u{1F469}\u200D\u{1F4BB} क्\u200Dष חוק\u200F, 1981 \u{1F3F4}\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}'
    expect(inEnglishThroughout(cleanImportedText(genuine))).toEqual({ text: genuine, changes: [] })
  })

  it('removes a joiner left with nothing to join', () => {
    expect(inEnglishThroughout(cleanImportedText('Pay\u200C Pal \u200D').text)).toBe('Pay Pal ')
  })

  it('makes line ends \\n', () => {
    expect(inEnglishThroughout(cleanImportedText('a\r\nb\rc'))).toEqual({ text: 'a\nb\nc', changes: ['normalised'] })
  })

  it('spells out ligatures, including private-use ones', () => {
    expect(inEnglishThroughout(cleanImportedText('ﬁnancial ﬂow \uF001le e\uF002ux'))).toEqual({
      text: 'financial flow file eflux',
      changes: ['ligature-replaced']
    })
    expect(inEnglishThroughout(cleanImportedText('other \uE000nancial related information'))).toEqual({
      text: 'other financial related information',
      changes: ['ligature-replaced']
    })
    expect(inEnglishThroughout(cleanImportedText('icon \uE000 alone').changes)).toEqual([])
  })

  it('reports each kind of change once, in the order applied', () => {
    const cleaned = cleanImportedText('<p>Wheelsâ€™ ﬁle\u0019 Espan\u0303a</p>', { html: true })
    expect(inEnglishThroughout(cleaned)).toEqual({
      text: 'Wheels’ file España',
      changes: ['html-removed', 'mojibake-repaired', 'ligature-replaced', 'control-removed', 'normalised'],
      removed: ['control character (U+0019)']
    })
  })
})

/**
 * Alphabets of real languages; a word is capitalised at most on its first letter, as in prose.
 * (A random mix of every accented letter would make "Ãœ", which no language writes and which is
 * exactly what "Ü" looks like once misread.)
 */
const LANGUAGES: Readonly<Record<string, { lower: string; upper?: string }>> = {
  english: { lower: 'abcdefghijklmnopqrstuvwxyz', upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' },
  french: { lower: 'abcdefghijklmnopqrstuvwxyzàâæçéèêëîïôœùûüÿ', upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÂÆÇÉÈÊËÎÏÔŒÙÛÜŸ' },
  german: { lower: 'abcdefghijklmnopqrstuvwxyzäöüß', upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ' },
  spanish: { lower: 'abcdefghijklmnopqrstuvwxyzáéíóúüñ', upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZÁÉÍÓÚÜÑ' },
  portuguese: { lower: 'abcdefghijklmnopqrstuvwxyzãõáâàçéêíóôú', upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZÃÕÁÂÀÇÉÊÍÓÔÚ' },
  czech: { lower: 'abcdefghijklmnopqrstuvwxyzáčďéěíňóřšťúůýž', upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ' },
  polish: { lower: 'abcdefghijklmnopqrstuvwxyząćęłńóśźż', upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZĄĆĘŁŃÓŚŹŻ' },
  nordic: { lower: 'abcdefghijklmnopqrstuvwxyzæøåáéíóúýþðö', upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅÁÉÍÓÚÝÞÐÖ' },
  greek: { lower: 'αβγδεζηθικλμνξοπρστυφχψωάέήίόύώ', upper: 'ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ' },
  cyrillic: { lower: 'абвгдежзийклмнопрстуфхцчшщъыьэюяёії', upper: 'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ' },
  chinese: { lower: '中文数据个人信息保护法网络安全支付宝芝麻信用监管罚款' },
  japanese: { lower: 'あいうえおかきくけこアイウエオ個人情報' },
  korean: { lower: '개인정보보호법위반과징금' },
  arabic: { lower: 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي' },
  hebrew: { lower: 'אבגדהוזחטיכלמנסעפצקרשת' },
  devanagari: { lower: 'अआइईउऊकखगघचछजझटठडढतथदधनपफबभमयरलवशषसह' }
}
const SEPARATORS = [
  ' ',
  ', ',
  '. ',
  '; ',
  ': ',
  ' – ',
  ' — ',
  '… ',
  '! ',
  '? ',
  '\n',
  '\t',
  ' « ',
  ' » ',
  '…» ',
  '?” ',
  ' “',
  '” ',
  ' ‘',
  '’ ',
  ' (',
  ') ',
  ' €',
  ' £',
  ' ©',
  ' 10½ ',
  '。',
  '、'
]

const word = fc.constantFrom(...Object.values(LANGUAGES)).chain(({ lower, upper }) =>
  fc
    .tuple(
      upper === undefined ? fc.constant('') : fc.oneof(fc.constant(''), fc.constantFrom(...upper)),
      fc.array(fc.constantFrom(...lower), { minLength: 1, maxLength: 10 }).map((letters) => letters.join(''))
    )
    .map(([first, rest]) => first + rest)
    // "Â" or "Ã" before a Windows-1252 punctuation letter ("Âœ", "Ã©" in capitals) is how a misread
    // UTF-8 lead byte looks, and no language writes it: such a word is not "genuine text".
    .filter((candidate) => !/[ÂÃ][\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013-\u2026\u2030\u2039\u203A\u20AC\u2122]/u.test(candidate))
)
const cleanText = fc.array(fc.tuple(word, fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 30 }).map((parts) =>
  parts
    .map(([w, s]) => w + s)
    .join('')
    .normalize('NFC')
)

describe('cleanImportedText: genuine text in any script', () => {
  it('passes clean text through unchanged, reporting no change', () => {
    fc.assert(
      fc.property(cleanText, (text) => {
        expect(inEnglishThroughout(cleanImportedText(text))).toEqual({ text, changes: [] })
      }),
      { numRuns: 2000 }
    )
  })

  it('is idempotent on anything', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const once = cleanImportedText(text).text
        return cleanImportedText(once).text === once
      }),
      { numRuns: 2000 }
    )
    // fast-check builds its table of all code points on the first 'binary' string (about 4 s).
  }, 20_000)

  it('never leaves a control character other than tab and newline', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        // eslint-disable-next-line no-control-regex
        expect(inEnglishThroughout(cleanImportedText(text).text)).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFEFF]/)
      }),
      { numRuns: 1000 }
    )
  })

  // Strings biased towards the characters at stake (controls, format characters, joiners, letters
  // they join, emoji and tag letters), mixed with arbitrary code points and lone surrogates.
  const tricky = fc.constantFrom(
    ...'\u0000\u0019\u0085\u009F\u00AD\u061C\u0600\u200B\u200C\u200D\u200E\u200F\u202A\u202E\u2060\u2066\u2069\u206A\uFEFF\uFFF9\uFFFC\uD83D\uDC69 aبמक्\t\n\r',
    '\u{1F469}',
    '\u{1F3F4}',
    '\u{E0067}',
    '\u{E007F}',
    '\u{E0001}',
    '\u{1F4BB}'
  )
  const textWithInvisibles = fc.array(fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 40 }).map((parts) => parts.join(''))

  it('leaves nothing the text schema refuses or drops, and cleans once for all', () => {
    fc.assert(
      fc.property(textWithInvisibles, (text) => {
        const once = cleanImportedText(text).text
        expect(unsafeCharactersIn(once)).toEqual([])
        expect(dropLayoutHints(once)).toBe(once)
        expect(inEnglishThroughout(cleanImportedText(once).text)).toBe(once)
      }),
      { numRuns: 3000 }
    )
  })
})

// The same quirks are checked on made-up text above; this finds them where they occur in VCDB.
describe.skipIf(!vcdbFile.present)('cleanImportedText on the VCDB quirks', () => {
  let incidents: Array<{ summary?: string; attribute?: { confidentiality?: { notes?: string } } }>
  beforeAll(() => {
    incidents = JSON.parse(vcdbFile.text()) as typeof incidents
  })

  it('repairs the mojibake, the lost-lead quotes, the stray BOM and the private-use "fi" found in the file', () => {
    const summaries = incidents.map((incident) => incident.summary ?? '')
    expect(inEnglishThroughout(cleanImportedText(summaries[945]!).text)).toContain('“were providing or considering')
    expect(inEnglishThroughout(cleanImportedText(summaries[1674]!).text)).toContain('Wheels’ data-collection')
    expect(inEnglishThroughout(cleanImportedText(summaries[1349]!).text)).toContain('“D33Ds Company,”')
    expect(inEnglishThroughout(cleanImportedText(summaries[833]!).text)).toContain('The Office of the Aust')
    expect(inEnglishThroughout(cleanImportedText(incidents[975]!.attribute!.confidentiality!.notes!).text)).toContain('other financial related')
  })

  it('removes the stray soft hyphen before a name, saying so', () => {
    const cleaned = cleanImportedText(incidents[362]!.summary!)
    expect(cleaned.text).toContain('specify where Ighalo and Effiong')
    expect(inEnglishThroughout(cleaned.removed)).toEqual(['soft hyphen (U+00AD)'])
  })

  it('changes no other summary, and keeps the Chinese one as it is', () => {
    const changed = incidents
      .map((incident, index) => ({ index, cleaned: cleanImportedText(incident.summary ?? '') }))
      .filter(({ cleaned }) => cleaned.changes.length > 0)
      .map(({ index }) => index + 1)
    // 363 has a soft hyphen before a name (removed since the text schema drops layout hints).
    expect(changed).toEqual([363, 834, 946, 1350, 1675])
    const chinese = incidents[985]!.summary!
    expect(inEnglishThroughout(cleanImportedText(chinese))).toEqual({ text: chinese, changes: [] })
  })
})
