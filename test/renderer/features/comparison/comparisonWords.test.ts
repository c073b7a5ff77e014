import { afterEach, describe, expect, it } from 'vitest'
import { setLocale } from '@renderer/i18n'
import { applicationsText, applyingProvisionsText, penaltyText } from '@shared/analytics/comparisonText'
import type { ApplyingLaw } from '@shared/analytics/jurisdictionComparison'
import { lawSchema } from '@shared/domain/law'
import { applicationsWords, applyingProvisionsWords, penaltyWords } from '../../../../src/renderer/features/comparison/comparisonWords'
import { aLawInput } from '../../../builders/sharedDomain'

const law = lawSchema.parse(aLawInput({ provisions: [{ unit: 'article', number: '41' }, { unit: 'section', number: '69A' }] }))
const entries: ApplyingLaw[] = [
  { law, provisionNumbers: ['41', '69A', '99'], isCitedAsWhole: true, applications: ['implicated-by-incident', 'cited-as-legal-basis'] },
  { law, provisionNumbers: [], isCitedAsWhole: true, applications: ['cited-as-legal-basis'] }
]
const penalties = [{ amount: 1_000_000, currency: 'CNY' }, { description: 'Licence suspended' }, { amount: 2500.5, description: 'Per day' }]

afterEach(() => setLocale('en'))

describe('the comparison table’s cells', () => {
  it('read in English as the comparison’s English words', () => {
    for (const entry of entries) {
      expect(applyingProvisionsWords(entry)).toBe(applyingProvisionsText(entry))
      expect(applicationsWords(entry)).toBe(applicationsText(entry))
    }
    for (const penalty of penalties) expect(penaltyWords(penalty)).toBe(penaltyText(penalty))
    expect(applyingProvisionsWords(entries[0]!)).toBe('Article 41, Section 69A, provision 99, the law as a whole')
  })

  it('name provisions, why a law applies and penalties in Chinese', () => {
    setLocale('zh-CN')

    expect(applyingProvisionsWords(entries[0]!)).toBe('第41条、第69A节、条款99、整部法律')
    expect(applyingProvisionsWords(entries[1]!)).toBe('')
    expect(applicationsWords(entries[0]!)).toBe('事件涉及；被引为法律依据')
    expect(penalties.map(penaltyWords)).toEqual(['罚款：CNY 1,000,000', '罚款：金额不详：Licence suspended', '罚款：2,500.5：Per day'])
  })
})
