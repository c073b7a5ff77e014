import type { Provision, ProvisionUnit } from '@shared/domain/law'
import { i18n } from '@renderer/i18n'

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
