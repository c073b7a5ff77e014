import { foldForMatching } from '../domain/textFolding'

// Han (Chinese characters, Japanese kanji), Hiragana, Katakana and Hangul are written without
// spaces between words, so they are indexed as overlapping character pairs: any run of two or more
// characters in the text is then found by the pairs it contains ("芝麻" in "芝麻信用").
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u

/** How one character takes part in analysis: in a CJK run, in a word, or between words. */
export type CharacterClass = 'cjk' | 'word' | 'separator'

/** The class of one (folded or unfolded) character, as {@link analyseText} uses it. */
export function characterClass(character: string): CharacterClass {
  if (CJK.test(character)) return 'cjk'
  return WORD_CHARACTER.test(character) ? 'word' : 'separator'
}

/**
 * Splits text into the terms the search index stores and queries look up: folded (case, accents,
 * width) words of letters and digits, and character bigrams for CJK runs (a lone CJK character
 * stays a single term). Apostrophes and hyphens split words, so "Alibaba's" gives "alibaba" and "s".
 */
export function analyseText(text: string): string[] {
  const folded = foldForMatching(text)
  const terms: string[] = []
  let word = ''
  let cjkRun = ''
  const flushWord = (): void => {
    if (word !== '') terms.push(word)
    word = ''
  }
  const flushCjk = (): void => {
    if (cjkRun.length === 1) terms.push(cjkRun)
    const characters = [...cjkRun]
    for (let index = 0; index + 1 < characters.length; index += 1) terms.push(`${characters[index]}${characters[index + 1]}`)
    cjkRun = ''
  }
  for (const character of folded) {
    if (CJK.test(character)) {
      flushWord()
      cjkRun += character
    } else if (WORD_CHARACTER.test(character)) {
      flushCjk()
      word += character
    } else {
      flushWord()
      flushCjk()
    }
  }
  flushWord()
  flushCjk()
  return terms
}

/** Whether a term is a CJK bigram or character (such terms are matched exactly, never fuzzily). */
export function isCjkTerm(term: string): boolean {
  return CJK.test(term)
}
