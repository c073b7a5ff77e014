import { describe, expect, it } from 'vitest'
import { parseBundle } from '@shared/domain/bundle'
import { RECORD_SCHEMAS } from '@shared/domain/recordSchemas'
import { fieldName, validationProblem } from '@shared/domain/validationProblem'
import type { RecordType } from '@shared/domain/recordTypes'
import { DESCRIBED_IN_ENGLISH, describedCharacter, type CharacterKind } from '@shared/domain/unsafeCharacters'
import { aBundleInput, aJurisdictionInput, aLawInput, anIncidentInput, anOrganisationInput, aResponseInput, aSourceInput } from '../../builders/sharedDomain'
import { inChinese, inEnglish } from '../../support/words'

/** A valid input with some fields set to what its schema refuses. */
const invalid = (base: object, overrides: Record<string, unknown>): Record<string, unknown> => ({ ...base, ...overrides })

const problemsOf = (result: { readonly error?: { readonly issues: readonly Parameters<typeof validationProblem>[0][] } }) =>
  (result.error?.issues ?? []).map((issue) => validationProblem(issue))

describe('validationProblem', () => {
  it('puts a required field left empty into words in Chinese and English, the field named from the path', () => {
    const [problem] = problemsOf(RECORD_SCHEMAS.incident.safeParse(anIncidentInput({ title: '   ' })))

    expect(problem).toEqual({ key: 'problems.required', values: { field: { key: 'problems.fields.title' } } })
    expect(inEnglish(problem!)).toBe('Title is required')
    expect(inChinese(problem!)).toBe('标题为必填项')
  })

  it('names a field inside a list by its own name, and says a length limit in either language', () => {
    const [problem] = problemsOf(RECORD_SCHEMAS.organisation.safeParse(anOrganisationInput({ aliases: [{ name: 'x'.repeat(201) }] })))

    expect(inEnglish(problem!)).toBe('Alias must be at most 200 characters')
    expect(inChinese(problem!)).toBe('别名最多 200 个字符')
  })

  it('words a partial date and a disguising character in Chinese from the same message', () => {
    const date = problemsOf(RECORD_SCHEMAS.incident.safeParse(anIncidentInput({ occurredOn: '2015-02-30' })))[0]!
    const hidden = problemsOf(RECORD_SCHEMAS.incident.safeParse(anIncidentInput({ title: 'Breach at \u202Egnp.exe' })))[0]!

    expect(inEnglish(date)).toBe('"2015-02-30": February 2015 has no day 30 (01 to 28)')
    expect(inChinese(date)).toBe('“2015-02-30”：2015年2月没有第 30 日（01 至 28）')
    expect(inChinese(hidden)).toBe('标题在“Breach at ”之后含有不可见的从右到左覆盖符（U+202E），请删除')
  })

  it('names the fields of a record inside a bundle by the end of their path, and the bundle’s own by theirs', () => {
    expect(inEnglish(fieldName(['records', 'laws', 1, 'provisions', 0, 'number'], 'bundle'))).toBe('Provision number')
    expect(inEnglish(fieldName(['title'], 'bundle'))).toBe('Bundle title')
    expect(inEnglish(fieldName(['title']))).toBe('Title')
    expect(fieldName(['workspace', 'briefings', 2, 'unknownField'])).toBe('workspace.briefings[2].unknownField')
  })

  // The schemas keep their own English messages for zod; people read validationProblem in their
  // language. The English catalogue must say exactly what the schemas say, for every kind of problem.
  it('says in English exactly what each schema says, for every record type and kind of problem', () => {
    const cases: readonly (readonly [RecordType, Record<string, unknown>])[] = [
      [
        'incident',
        invalid(anIncidentInput(), {
          title: '',
          summary: 'x'.repeat(20001),
          status: 'rumoured',
          categories: ['nonsense'],
          tags: Array.from({ length: 51 }, (_, index) => `t${index}`),
          dataCategories: ['a\nb'],
          affectedUsers: { count: -1.5, isEstimate: true },
          organisations: [{ organisationId: 'org-a', role: 'bystander' }],
          occurredOn: '2015-13'
        })
      ],
      [
        'incident',
        invalid(anIncidentInput(), { affectedUsers: { count: -2, isEstimate: false }, citations: Array.from({ length: 201 }, () => ({ sourceId: 'src-a' })) })
      ],
      [
        'organisation',
        invalid(anOrganisationInput(), {
          name: '',
          kind: 'club',
          aliases: [{ name: 'A\u202Eb', language: 'english' }],
          links: [{ relation: 'sibling', organisationId: 'org-x' }]
        })
      ],
      [
        'organisation',
        invalid(anOrganisationInput(), {
          id: 'org-self',
          links: [{ relation: 'parent', organisationId: 'org-self' }],
          aliases: Array.from({ length: 101 }, (_, index) => ({ name: `a${index}` }))
        })
      ],
      ['organisation', invalid(anOrganisationInput(), { id: 'org-self', links: [{ relation: 'parent', organisationId: 'org-self' }] })],
      ['jurisdiction', invalid(aJurisdictionInput(), { kind: 'subdivision', code: 'cn', alpha3: 'cn', numericCode: '4', parentId: undefined })],
      ['jurisdiction', invalid(aJurisdictionInput(), { kind: 'canton' })],
      ['jurisdiction', invalid(aJurisdictionInput(), { id: 'CN', parentId: 'CN' })],
      ['law', invalid(aLawInput(), { provisions: [{ unit: 'verse', number: '' }] })],
      [
        'law',
        invalid(aLawInput(), {
          id: 'law-self',
          status: 'repealed',
          provisions: [
            { unit: 'article', number: '1' },
            { unit: 'article', number: '1' }
          ],
          relations: [{ relation: 'amends', lawId: 'law-self' }]
        })
      ],
      [
        'response',
        invalid(aResponseInput(), { kind: 'shrug', stage: 'pondered', matterEffect: 'maybe', penalty: { amount: -5, currency: 'eur', description: '\u0000' } })
      ],
      ['source', invalid(aSourceInput(), { url: 'ftp://example.org/x', language: 'english!', citations: undefined, publishedOn: '2015/2014' })],
      ['source', invalid(aSourceInput(), { id: 'not an id', url: `https://example.org/${'a'.repeat(2000)}` })]
    ]
    const codes = new Set<string>()
    for (const [type, input] of cases) {
      const result = RECORD_SCHEMAS[type].safeParse({ ...input, createdAt: 'yesterday' })
      const issues = result.error?.issues ?? []
      expect(issues.length, type).toBeGreaterThan(0)
      for (const issue of issues) {
        codes.add(validationProblem(issue).key)
        // A date's reason is a message only (its words depend on the language), so zod's message is its codes.
        if (issue.message.startsWith('problems.date.')) continue
        expect(inEnglish(validationProblem(issue)), `${type} ${issue.path.join('.')}`).toBe(issue.message)
      }
    }
    // Every way the schemas word a problem is among those checked.
    expect([...codes].sort()).toEqual([
      'problems.date.noSuchMonth',
      'problems.date.rangeBackwards',
      'problems.format.alpha3',
      'problems.format.currency',
      'problems.format.id',
      'problems.format.jurisdictionCode',
      'problems.format.language',
      'problems.format.numericCode',
      'problems.format.timestamp',
      'problems.format.url',
      'problems.jurisdiction.needsParent',
      'problems.jurisdiction.ownParent',
      'problems.law.provisionTwice',
      'problems.law.relatedToItself',
      'problems.law.repealedWithoutDate',
      'problems.mustBe',
      'problems.negative',
      'problems.oneLine',
      'problems.oneOf',
      'problems.organisation.linkedToItself',
      'problems.penaltyNegative',
      'problems.required',
      'problems.tooLong',
      'problems.tooMany.aliases',
      'problems.tooMany.citations',
      'problems.tooMany.tags',
      'problems.unknownKeys',
      'problems.unsafeCharacter',
      'problems.unsafeCharacterAtStart',
      'problems.urlTooLong',
      'problems.wholeNumber'
    ])
  })

  it('says a bundle’s format, version and unknown keys as the schema does', () => {
    const result = parseBundle(aBundleInput({}, { format: 'other', version: 9, checksum: 'x' }))

    expect(result.ok ? [] : result.problems.map((problem) => inEnglish(problem.message))).toEqual([
      'format must be "precedent-bundle"',
      'version must be 1 or 2; this app reads bundle versions 1 and 2',
      'Unrecognized key: "checksum"'
    ])
  })

  it('describes every kind of refused character in English as zod’s message does', () => {
    for (const [kind, english] of Object.entries(DESCRIBED_IN_ENGLISH)) expect(inEnglish(describedCharacter(kind as CharacterKind)), kind).toBe(english)
  })
})
