import { foldForMatching } from './textFolding'

/**
 * How names are ordered where the order must be a stored key (an IndexedDB index orders strings by
 * code unit, and `Intl.Collator` gives no sort keys): Chinese names by pinyin, as Chinese software
 * files a mixed list (阿里巴巴 under A after "Apple", 支付宝 under Z), and as libraries file Chinese
 * titles among Latin ones.
 *
 * Each Han character becomes its pinyin initial followed by its rank in the order of
 * `Intl.Collator('zh-CN')` (pinyin, then tone and stroke), so the key sorts Han characters exactly as
 * the platform's Chinese collation does, placed among Latin letters by their initial. The ranks are
 * worked out once per thread, on the first Han character met (about 60 ms), from the collator itself:
 * no pinyin dictionary to ship, and the order is the one `Intl` gives Chinese readers elsewhere.
 * Other characters are kept as they are (callers fold case and accents first).
 */
export function nameOrderKey(text: string): string {
  if (!HAN.test(text)) return text
  const ranks = hanRanks()
  let key = ''
  for (const character of text) {
    const rank = ranks.get(character)
    key += rank === undefined ? character : `${rank.initial}${String.fromCharCode(RANK_BASE + rank.rank)}`
  }
  return key
}

// The two blocks of common Han characters (CJK Unified Ideographs and Extension A): 27,584 characters.
const HAN_BLOCKS: readonly (readonly [number, number])[] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff]
]
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/
// A rank is written as one character from here on: any code unit works (only the order counts) as
// long as it is above the Latin letters and below the surrogates (27,584 ranks end at U+B5C0).
const RANK_BASE = 0x4e00
// The first character of each pinyin initial in Chinese collation (there are no syllables in i, u, v).
const INITIAL_BOUNDARIES: readonly (readonly [string, string])[] = [
  ['a', '阿'],
  ['b', '八'],
  ['c', '嚓'],
  ['d', '哒'],
  ['e', '妸'],
  ['f', '发'],
  ['g', '旮'],
  ['h', '哈'],
  ['j', '讥'],
  ['k', '咔'],
  ['l', '垃'],
  ['m', '妈'],
  ['n', '拏'],
  ['o', '噢'],
  ['p', '妑'],
  ['q', '七'],
  ['r', '呥'],
  ['s', '仨'],
  ['t', '它'],
  ['w', '穵'],
  ['x', '夕'],
  ['y', '丫'],
  ['z', '帀']
]

interface HanRank {
  readonly initial: string
  readonly rank: number
}

let ranked: ReadonlyMap<string, HanRank> | undefined

function hanRanks(): ReadonlyMap<string, HanRank> {
  if (ranked !== undefined) return ranked
  const collator = new Intl.Collator('zh-CN')
  const characters: string[] = []
  for (const [first, last] of HAN_BLOCKS) for (let code = first; code <= last; code += 1) characters.push(String.fromCharCode(code))
  characters.sort(collator.compare)
  const ranks = new Map<string, HanRank>()
  let boundary = 0
  characters.forEach((character, rank) => {
    // Characters before the first boundary (吖 before 阿) are still a's.
    while (boundary + 1 < INITIAL_BOUNDARIES.length && collator.compare(character, INITIAL_BOUNDARIES[boundary + 1]![1]) >= 0) boundary += 1
    ranks.set(character, { initial: INITIAL_BOUNDARIES[boundary]![0], rank })
  })
  ranked = ranks
  return ranks
}

const tieBreaker = new Intl.Collator('en', { sensitivity: 'variant' })

/**
 * Two names in the order every view lists names in, whatever the interface language: folded for
 * case, accents and width, Chinese by pinyin among Latin names (`nameOrderKey`), so a lane, a facet,
 * a picker and a list sorted from its index agree.
 */
export function compareNames(a: string, b: string): number {
  const [keyA, keyB] = [nameOrderKey(foldForMatching(a.trim())), nameOrderKey(foldForMatching(b.trim()))]
  if (keyA !== keyB) return keyA < keyB ? -1 : 1
  return tieBreaker.compare(a, b)
}
