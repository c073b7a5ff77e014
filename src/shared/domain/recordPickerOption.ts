import { assertNever } from '../lib/assertNever'
import { LAW_KIND_LABELS } from './law'
import { ORGANISATION_KIND_LABELS } from './organisation'
import { RESPONSE_KIND_LABELS } from './incidentResponse'
import { formatPartialDate, type PartialDate } from './partialDate'
import { RECORD_TYPE_LABELS, recordKeyDate, recordTitle, type TypedRecord } from './recordTypes'
import type { MatchCandidate } from './recordMatching'

/** A record offered by a picker; `detail` is a second line such as "Organisation · China". */
export interface PickerOption extends MatchCandidate {
  readonly detail?: string
}

const present = (...texts: (string | undefined)[]): string[] => texts.filter((text): text is string => text !== undefined && text !== '')
const dateText = (date: PartialDate | undefined): string | undefined => (date === undefined ? undefined : formatPartialDate(date))

/**
 * A record as a picker offers it: its name, every other name it can be found by (aliases, short
 * names, native titles, codes) and a detail line that tells look-alikes apart. With `showType`,
 * the detail starts with the record type, for pickers over every kind of record. Shared, so the
 * views worker builds the same options the page would.
 */
export function pickerOptionOf(typed: TypedRecord, jurisdictionNames: ReadonlyMap<string, string>, showType = false): PickerOption {
  const base = { id: typed.record.id as string, type: typed.type, label: recordTitle(typed) }
  const withType = (details: string[]): string | undefined =>
    [...(showType ? [RECORD_TYPE_LABELS[typed.type].singular] : []), ...details].join(' · ') || undefined
  switch (typed.type) {
    case 'organisation': {
      const r = typed.record
      const place = r.headquartersJurisdictionId === undefined ? undefined : jurisdictionNames.get(r.headquartersJurisdictionId)
      return { ...base, alternativeLabels: r.aliases.map((alias) => alias.name), detail: withType(present(ORGANISATION_KIND_LABELS[r.kind], place)) }
    }
    case 'law': {
      const r = typed.record
      return {
        ...base,
        alternativeLabels: present(r.shortName, r.nativeTitle, r.identifier),
        detail: withType(present(jurisdictionNames.get(r.jurisdictionId) ?? r.jurisdictionId, LAW_KIND_LABELS[r.kind]))
      }
    }
    case 'jurisdiction': {
      const r = typed.record
      return { ...base, alternativeLabels: present(r.nameZh, r.code, r.alpha3), detail: withType([r.code]) }
    }
    case 'incident':
      return { ...base, alternativeLabels: present(typed.record.original?.title), detail: withType(present(dateText(recordKeyDate(typed)))) }
    case 'response':
      return {
        ...base,
        alternativeLabels: present(typed.record.original?.title),
        detail: withType(present(RESPONSE_KIND_LABELS[typed.record.kind], dateText(typed.record.datedOn)))
      }
    case 'source':
      return {
        ...base,
        alternativeLabels: present(typed.record.publisher),
        detail: withType(present(typed.record.publisher, dateText(typed.record.publishedOn)))
      }
    default:
      return assertNever(typed)
  }
}
