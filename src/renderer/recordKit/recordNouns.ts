import { i18n } from '@renderer/i18n'
import { RECORD_TYPES, type RecordType } from '@shared/domain/recordTypes'

/**
 * A record type's noun as it reads inside a sentence, in the interface language: "incident",
 * "incidents" (count 2) / "事件". Read at render time, so it follows a change of language.
 */
export function recordNoun(type: RecordType, count = 1): string {
  return i18n.global.t(`records.nouns.${type}`, count)
}

/** `noun` in words when it names a record type ("incident"); otherwise as given (already in words). */
export function nounInWords(noun: string, count = 1): string {
  return (RECORD_TYPES as readonly string[]).includes(noun) ? recordNoun(noun as RecordType, count) : noun
}
