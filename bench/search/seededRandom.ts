/** A small seeded generator (mulberry32): the same seed gives the same knowledge base on every run. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number
  /** A whole number in [0, max). */
  int(max: number): number
  pick<T>(values: readonly T[]): T
  /** A value skewed towards the start of the list, as word frequencies are (roughly Zipf). */
  pickSkewed<T>(values: readonly T[]): T
  chance(probability: number): boolean
}

export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (max: number): number => Math.floor(next() * max)
  return {
    next,
    int,
    pick: (values) => values[int(values.length)] as (typeof values)[number],
    pickSkewed: (values) => values[Math.floor(values.length * next() ** 3)] as (typeof values)[number],
    chance: (probability) => next() < probability
  }
}
