import type { OrganisationKind } from '../../domain/organisation'

/**
 * The CMS Enforcement Tracker's download: positional rows without field names. Column order as
 * documented with the download (a blank first cell, then these); the position is the contract.
 */
export const CMS_COLUMNS = {
  etid: 1,
  country: 2,
  authority: 3,
  date: 4,
  fine: 5,
  controller: 6,
  sector: 7,
  articles: 8,
  type: 9,
  summary: 10,
  source: 11,
  trackerUrl: 12
} as const
export type CmsColumn = keyof typeof CMS_COLUMNS

/** Field names used in messages, as the download's README names the columns. */
export const CMS_FIELD_NAMES: Record<CmsColumn, string> = {
  etid: 'eTid',
  country: 'countryHTML',
  authority: 'authority',
  date: 'dateOfDecision',
  fine: 'fineEUR',
  controller: 'controllerProcessor',
  sector: 'sector',
  articles: 'quotedArticles',
  type: 'type',
  summary: 'summary',
  source: 'sourceHTML',
  trackerUrl: 'directURLHTML'
}

export const CMS_CELL_COUNT = 13

/** The tracker's country names (upper case, as in its flag cells) and their ISO 3166 codes. */
export const CMS_COUNTRY_CODES: Readonly<Record<string, string>> = {
  AUSTRIA: 'AT',
  BELGIUM: 'BE',
  BULGARIA: 'BG',
  CROATIA: 'HR',
  CYPRUS: 'CY',
  'CZECH REPUBLIC': 'CZ',
  CZECHIA: 'CZ',
  DENMARK: 'DK',
  ESTONIA: 'EE',
  FINLAND: 'FI',
  FRANCE: 'FR',
  GERMANY: 'DE',
  GREECE: 'GR',
  HUNGARY: 'HU',
  ICELAND: 'IS',
  IRELAND: 'IE',
  'ISLE OF MAN': 'IM',
  ITALY: 'IT',
  LATVIA: 'LV',
  LIECHTENSTEIN: 'LI',
  LITHUANIA: 'LT',
  LUXEMBOURG: 'LU',
  MALTA: 'MT',
  NETHERLANDS: 'NL',
  'THE NETHERLANDS': 'NL',
  NORWAY: 'NO',
  POLAND: 'PL',
  PORTUGAL: 'PT',
  ROMANIA: 'RO',
  SLOVAKIA: 'SK',
  SLOVENIA: 'SI',
  SPAIN: 'ES',
  SWEDEN: 'SE',
  'UNITED KINGDOM': 'GB',
  'EUROPEAN UNION': 'EU'
}

/** The kind of organisation a CMS sector suggests for a fined controller. */
export function organisationKindForSector(sector: string): OrganisationKind {
  if (sector === 'Public Sector and Education') return 'government-body'
  if (sector === 'Individuals and Private Associations') return 'other'
  return 'company'
}

/** Sectors that say nothing about the controller. */
export const UNINFORMATIVE_SECTORS: ReadonlySet<string> = new Set(['', 'Not assigned', 'Unknown'])

/** The GDPR as the tracker writes it, misspellings included ("GPDR", "GDRP"; "DSGVO" is its German name). */
export const GDPR_NAMES = /\b(?:GDPR|GPDR|GDRP|DSGVO|RGPD|AVG)\s*[.,;]?\s*$/

/** The id of the GDPR in the built-in law library (resources/laws/eu-gdpr.json). */
export const GDPR_LAW_ID = 'law-eu-gdpr'
