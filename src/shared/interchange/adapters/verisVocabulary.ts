import type { IncidentCategory, IncidentStatus } from '../../domain/incident'
import type { OrganisationKind } from '../../domain/organisation'

/** The VERIS action categories (the keys of `action`), in the order VERIS lists them. */
export const VERIS_ACTIONS = ['malware', 'hacking', 'social', 'misuse', 'physical', 'error', 'environmental'] as const
export type VerisAction = (typeof VERIS_ACTIONS)[number]

/** How a title names an action whose variety is unknown, and whether a known variety needs the category before it. */
export const VERIS_ACTION_WORDING: Record<VerisAction, { readonly label: string; readonly prefixVariety: boolean }> = {
  malware: { label: 'Malware', prefixVariety: true },
  hacking: { label: 'Hacking', prefixVariety: true },
  social: { label: 'Social engineering', prefixVariety: true },
  misuse: { label: 'Misuse by an insider', prefixVariety: false },
  physical: { label: 'Physical attack', prefixVariety: false },
  error: { label: 'Error', prefixVariety: false },
  environmental: { label: 'Environmental event', prefixVariety: false }
}

/** Varieties that say nothing: left out of titles and tags. */
export const UNINFORMATIVE_VARIETIES: ReadonlySet<string> = new Set(['Unknown', 'Other', 'NA'])

/**
 * Which Precedent categories a VERIS action variety falls under, keyed `action.variety`. Varieties
 * not listed add nothing beyond their action's default below. Chosen by reading the VERIS labels
 * (verisc-labels.json): exploiting a weakness is a vulnerability; data sent, published or used
 * where it should not be is unauthorised sharing; capturing data in transit or on a device is
 * surveillance.
 */
export const VERIS_VARIETY_CATEGORIES: Readonly<Record<string, readonly IncidentCategory[]>> = {
  'hacking.SQLi': ['security-vulnerability'],
  'hacking.XSS': ['security-vulnerability'],
  'hacking.Exploit vuln': ['security-vulnerability'],
  'hacking.Exploit misconfig': ['security-vulnerability'],
  'hacking.Forced browsing': ['security-vulnerability'],
  'hacking.Path traversal': ['security-vulnerability'],
  'hacking.RFI': ['security-vulnerability'],
  'hacking.SSI injection': ['security-vulnerability'],
  'hacking.Buffer overflow': ['security-vulnerability'],
  'hacking.Abuse of functionality': ['security-vulnerability'],
  'hacking.OS commanding': ['security-vulnerability'],
  'hacking.Session fixation': ['security-vulnerability'],
  'hacking.Session prediction': ['security-vulnerability'],
  'hacking.URL redirector abuse': ['security-vulnerability'],
  'hacking.XML external entities': ['security-vulnerability'],
  'hacking.Insecure deserialization': ['security-vulnerability'],
  'malware.Spyware/Keylogger': ['surveillance'],
  'malware.Packet sniffer': ['surveillance'],
  'malware.Capture app data': ['surveillance'],
  'malware.Capture stored data': ['surveillance'],
  'malware.Export data': ['undisclosed-transmission'],
  'malware.RAM scraper': ['surveillance'],
  'physical.Surveillance': ['surveillance'],
  'physical.Wiretapping': ['surveillance'],
  'physical.Snooping': ['surveillance'],
  'misuse.Privilege abuse': ['unauthorised-sharing'],
  'misuse.Knowledge abuse': ['unauthorised-sharing'],
  'misuse.Data mishandling': ['unauthorised-sharing'],
  'misuse.Email misuse': ['unauthorised-sharing'],
  'error.Misdelivery': ['unauthorised-sharing'],
  'error.Publishing error': ['unauthorised-sharing'],
  'error.Disposal error': ['unauthorised-sharing'],
  'error.Gaffe': ['unauthorised-sharing'],
  'error.Misconfiguration': ['security-vulnerability'],
  'error.Programming error': ['security-vulnerability']
}

const CATEGORIES_BY_FOLDED_KEY = new Map(Object.entries(VERIS_VARIETY_CATEGORIES).map(([key, categories]) => [key.toLowerCase(), categories]))

/**
 * The categories of one action variety. Case is ignored: VERIS changed the case of some names
 * between versions ("Ram scraper" in 1.2, "RAM scraper" in 1.4).
 */
export function categoriesOfVariety(action: VerisAction, variety: string): readonly IncidentCategory[] {
  return CATEGORIES_BY_FOLDED_KEY.get(`${action}.${variety}`.toLowerCase()) ?? []
}

/** VERIS `security_incident` values; anything else (or nothing) reads as alleged, with a notice. */
export const VERIS_STATUSES: Readonly<Record<string, IncidentStatus>> = {
  Confirmed: 'confirmed',
  Suspected: 'alleged',
  'Near miss': 'confirmed',
  'False positive': 'disputed'
}

/** `data_disclosure` values that make an incident a breach (VERIS: "Yes" is a breach; "Potentially" is at risk). */
export const DISCLOSING_VALUES: ReadonlySet<string> = new Set(['Yes', 'Potentially'])

/** What a NAICS industry code says about the kind of organisation (sector = first two digits). */
export function organisationKindForNaics(naics: string): OrganisationKind {
  const sector = naics.slice(0, 2)
  if (sector === '92') return 'government-body'
  if (naics.startsWith('5417')) return 'research-group'
  if (naics.startsWith('8133') || naics.startsWith('8134') || naics.startsWith('8139')) return 'civil-society'
  if (sector === '61') return 'other'
  return 'company'
}

/** A NAICS code that carries information ("0000", "0" and blanks mean unknown). */
export function isKnownNaics(naics: string): boolean {
  return /^\d{2,10}$/.test(naics) && !/^0+$/.test(naics)
}
