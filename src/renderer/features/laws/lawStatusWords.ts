import type { LawStatusPeriod } from '@shared/domain/lawStatus'
import { domainLabel, i18n } from '@renderer/i18n'

/** What a period of a law's status timeline records, in the interface language ("Adopted", "Applies from"). */
export function lawStatusPeriodText(period: Pick<LawStatusPeriod, 'recorded'>): string {
  // lawStatusTimeline records two dates apart from the statuses; the rest are the status's own label.
  if (period.recorded === 'draft-published') return i18n.global.t('laws.common.draftPublished')
  if (period.recorded === 'applies-from') return i18n.global.t('laws.common.appliesFrom')
  return domainLabel('lawStatus', period.recorded)
}
