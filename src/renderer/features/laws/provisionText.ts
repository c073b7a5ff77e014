import type { Provision, ProvisionUnit } from '@shared/domain/law'
import type { LawStatusPeriod } from '@shared/domain/lawStatus'
import { domainLabel, i18n } from '@renderer/i18n'

const UNIT_KEYS: Readonly<Record<ProvisionUnit, string>> = {
  article: 'laws.provision.article',
  section: 'laws.provision.section',
  rule: 'laws.provision.rule',
  clause: 'laws.provision.clause',
  paragraph: 'laws.provision.paragraph',
  chapter: 'laws.provision.chapter',
  schedule: 'laws.provision.schedule'
}

/** A provision by its unit and number in the interface language: "Article 41" / "第41条" (provisionLabel in words). */
export function provisionText(provision: Pick<Provision, 'unit' | 'number'>): string {
  return i18n.global.t(UNIT_KEYS[provision.unit], { number: provision.number })
}

/** A provision (or a bare number the law does not list) of a law: "Cybersecurity Law, Article 41". */
export function lawProvisionText(lawName: string, provision: string): string {
  return i18n.global.t('laws.provision.ofLaw', { law: lawName, provision })
}

/** What a period of a law's status timeline records, in the interface language ("Adopted", "Applies from"). */
export function lawStatusPeriodText(period: Pick<LawStatusPeriod, 'recorded'>): string {
  // lawStatusTimeline records two dates apart from the statuses; the rest are the status's own label.
  if (period.recorded === 'draft-published') return i18n.global.t('laws.common.draftPublished')
  if (period.recorded === 'applies-from') return i18n.global.t('laws.common.appliesFrom')
  return domainLabel('lawStatus', period.recorded)
}
