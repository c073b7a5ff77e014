import { INCIDENT_STATUS_LABELS, incidentKeyDate } from '@shared/domain/incident'
import { RESPONSE_KIND_LABELS } from '@shared/domain/incidentResponse'
import { LAW_KIND_LABELS, LAW_STATUS_LABELS } from '@shared/domain/law'
import { ORGANISATION_KIND_LABELS } from '@shared/domain/organisation'
import { earliestDay, latestDay, precisionOf, type PartialDate } from '@shared/domain/partialDate'
import type { RecordType, TypedRecord } from '@shared/domain/recordTypes'
import { nameOrderKey } from '@shared/domain/nameOrder'
import { foldForMatching } from '@shared/domain/textFolding'

/**
 * The derived fields a list sorts by. Each is stored on the row (written by `toRow`, stripped by
 * `fromRow`) and indexed together with the id (`[orderTitle+id]`), so the index's key order is the
 * column's order with ties broken by id, and a page can start right after the last row shown
 * (keyset paging). Absent values are stored as '' (or the undated key) because IndexedDB leaves a
 * row out of an index whose key is missing.
 */
export const LIST_ORDER_FIELDS = [
  'orderTitle',
  'orderDate',
  'orderKind',
  'orderStatus',
  'orderCode',
  'orderRegion',
  'orderPublisher',
  'orderHeadquarters',
  'orderProvisions'
] as const
export type ListOrderField = (typeof LIST_ORDER_FIELDS)[number]

/** The list order fields each record type stores (and indexes). */
export const LIST_ORDER_FIELDS_OF: Readonly<Record<RecordType, readonly ListOrderField[]>> = {
  incident: ['orderTitle', 'orderDate', 'orderStatus'],
  organisation: ['orderTitle', 'orderKind', 'orderHeadquarters'],
  jurisdiction: ['orderTitle', 'orderCode', 'orderKind', 'orderRegion'],
  law: ['orderTitle', 'orderKind', 'orderStatus', 'orderDate', 'orderProvisions'],
  response: ['orderDate', 'orderKind', 'orderTitle'],
  source: ['orderTitle', 'orderPublisher', 'orderDate']
}

export type ListOrderValues = Partial<Record<ListOrderField, string | number>>

/** The index over one order field, with the id as tie-breaker: `[orderTitle+id]`. */
export function listOrderIndex(field: ListOrderField): string {
  return `[${field}+id]`
}

/** Sorts after every dated key (`~` follows the digits), so undated records come last, as `compareOptionalPartialDates` puts them. */
const UNDATED_KEY = '~'
const PRECISION_RANK = { year: 0, month: 1, day: 2 } as const

/**
 * A partial date as a key whose string order is the domain's order (`comparePartialDates`): earliest
 * day, then precision (a less precise date before a more precise one starting the same day), then
 * latest day (a shorter range first).
 */
export function partialDateOrderKey(value: PartialDate | undefined): string {
  if (value === undefined) return UNDATED_KEY
  return `${earliestDay(value)}|${PRECISION_RANK[precisionOf(value)]}|${latestDay(value)}`
}

/**
 * Text as sorted in lists: folded for case, accents and width, so "Émile" sits among the e's, and
 * Chinese by pinyin, so 阿里巴巴 sits among the a's (`nameOrderKey`).
 */
export function textOrderKey(text: string | undefined): string {
  return text === undefined ? '' : nameOrderKey(foldForMatching(text.trim()))
}

/** The order fields of a record, as its row stores them. */
export function listOrderValuesOf(typed: TypedRecord): ListOrderValues {
  switch (typed.type) {
    case 'incident': {
      const incident = typed.record
      return {
        orderTitle: textOrderKey(incident.title),
        orderDate: partialDateOrderKey(incidentKeyDate(incident)),
        orderStatus: textOrderKey(INCIDENT_STATUS_LABELS[incident.status])
      }
    }
    case 'organisation': {
      const organisation = typed.record
      return {
        orderTitle: textOrderKey(organisation.name),
        orderKind: textOrderKey(ORGANISATION_KIND_LABELS[organisation.kind]),
        // The city, then the jurisdiction's code: the jurisdiction's name lives in another record.
        orderHeadquarters: `${textOrderKey(organisation.headquartersCity)}|${textOrderKey(organisation.headquartersJurisdictionId)}`
      }
    }
    case 'jurisdiction': {
      const jurisdiction = typed.record
      return {
        orderTitle: textOrderKey(jurisdiction.name),
        orderCode: textOrderKey(jurisdiction.code),
        orderKind: textOrderKey(jurisdiction.kind),
        orderRegion: textOrderKey(jurisdiction.region)
      }
    }
    case 'law': {
      const law = typed.record
      return {
        orderTitle: textOrderKey(law.title),
        orderKind: textOrderKey(LAW_KIND_LABELS[law.kind]),
        orderStatus: textOrderKey(LAW_STATUS_LABELS[law.status]),
        orderDate: partialDateOrderKey(law.adoptedOn),
        orderProvisions: law.provisions.length
      }
    }
    case 'response': {
      const response = typed.record
      return {
        orderDate: partialDateOrderKey(response.datedOn),
        orderKind: textOrderKey(RESPONSE_KIND_LABELS[response.kind]),
        orderTitle: textOrderKey(response.title)
      }
    }
    case 'source': {
      const source = typed.record
      return {
        orderTitle: textOrderKey(source.title),
        orderPublisher: textOrderKey(source.publisher),
        orderDate: partialDateOrderKey(source.publishedOn)
      }
    }
  }
}
