import { parsePartialDate, type PartialDate } from '../../domain/partialDate'
import { message, messageInCodes } from '../../locale/message'
import type { ImportLocation, ImportProblem } from '../importProblem'

/** A plain object from parsed JSON (arrays and null excluded). */
export type JsonObject = Readonly<Record<string, unknown>>

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The value under `key`, also found when the file wrote the key with stray spaces
 * (VCDB has `" confidentiality"`); the notice names the key as written.
 */
export function member(object: JsonObject | undefined, key: string, location: ImportLocation, notices: ImportProblem[]): unknown {
  if (object === undefined) return undefined
  if (Object.hasOwn(object, key)) return object[key]
  const spelled = Object.keys(object).find((candidate) => candidate.trim() === key)
  if (spelled === undefined) return undefined
  notices.push({ ...location, message: message('importProblems.veris.keyRespelled', { spelled, key }) })
  return object[spelled]
}

export function objectMember(object: JsonObject | undefined, key: string, location: ImportLocation, notices: ImportProblem[]): JsonObject | undefined {
  const value = member(object, key, location, notices)
  return isJsonObject(value) ? value : undefined
}

export function stringMember(object: JsonObject | undefined, key: string): string | undefined {
  const value = object?.[key]
  return typeof value === 'string' ? value : undefined
}

/** Strings of an array member, or a single string as a list of one (VERIS versions differ). */
export function stringList(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (!Array.isArray(value)) return []
  return value.filter((item): item is string => typeof item === 'string')
}

/** A whole number written as a number or as digits ("2013"). */
export function wholeNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value
  if (typeof value === 'string' && /^\s*\d{1,9}\s*$/.test(value)) return Number(value)
  return undefined
}

const pad = (value: number) => String(value).padStart(2, '0')

/**
 * A VERIS date object `{year, month?, day?}` as a partial date with exactly the precision it has.
 * What cannot be kept is dropped to the precision that can, with a notice: a day without a month
 * keeps the year only (the day cannot be placed), a day the month does not have keeps the month,
 * a month outside 1–12 keeps the year. Never adds precision.
 */
export function verisPartialDate(value: unknown, location: ImportLocation, notices: ImportProblem[]): PartialDate | undefined {
  if (!isJsonObject(value)) return undefined
  const year = wholeNumber(value.year)
  if (year === undefined || year < 1000 || year > 9999) {
    if (value.year !== undefined) notices.push({ ...location, message: message('importProblems.veris.notAYear', { year: JSON.stringify(value.year) }) })
    return undefined
  }
  const month = wholeNumber(value.month)
  const day = wholeNumber(value.day)
  if (month === undefined) {
    if (day !== undefined) notices.push({ ...location, message: message('importProblems.veris.dayWithoutMonth', { day, year }) })
    return parsePartialDateOrThrow(String(year))
  }
  if (month < 1 || month > 12) {
    notices.push({ ...location, message: message('importProblems.veris.noSuchMonth', { month, year }) })
    return parsePartialDateOrThrow(String(year))
  }
  const monthText = `${year}-${pad(month)}`
  if (day === undefined) return parsePartialDateOrThrow(monthText)
  const withDay = parsePartialDate(`${monthText}-${pad(day)}`)
  if (withDay.ok) return withDay.value
  notices.push({ ...location, message: message('importProblems.veris.keptMonth', { reason: withDay.reason, month: monthText }) })
  return parsePartialDateOrThrow(monthText)
}

function parsePartialDateOrThrow(text: string): PartialDate {
  const result = parsePartialDate(text)
  if (!result.ok) throw new Error(messageInCodes(result.reason))
  return result.value
}
