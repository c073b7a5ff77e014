/**
 * Days as numbers: the count of days since 1970-01-01 (UTC), so that layout can do arithmetic on
 * dates without parsing strings in its inner loops. A day number names a whole calendar day; a
 * fractional day number is a moment within it (used only for the view's pan position).
 */
export type DayNumber = number

const MS_PER_DAY = 86_400_000
const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/

/** The day number of a `YYYY-MM-DD` day key (as returned by `earliestDay`/`latestDay`). */
export function dayNumberOf(dayKey: string): DayNumber {
  const match = DAY_KEY.exec(dayKey)
  if (match === null) throw new Error(`"${dayKey}" is not a day (YYYY-MM-DD)`)
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY
}

/** The `YYYY-MM-DD` key of the day a day number falls in (fractions are dropped). */
export function dayKeyOf(day: DayNumber): string {
  return new Date(Math.floor(day) * MS_PER_DAY).toISOString().slice(0, 10)
}

/** The calendar parts of the day a day number falls in. */
export function calendarOf(day: DayNumber): { readonly year: number; readonly month: number; readonly day: number } {
  const date = new Date(Math.floor(day) * MS_PER_DAY)
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }
}

/** The day number of the first day of a month (`month` 1–12; 13 is January of the next year). */
export function monthStartDay(year: number, month: number): DayNumber {
  return Date.UTC(year, month - 1, 1) / MS_PER_DAY
}
