import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { setLocale } from '@renderer/i18n'
import { bundleRecordsInOrder, parseBundle } from '@shared/domain/bundle'
import { recordSetOf } from '@shared/interchange/recordSet'
import { EXPORT_FORMATS } from '../../../../src/renderer/features/exporting/exportFormats'

function readBundle(path: string, knownIds: ReadonlySet<string> = new Set()) {
  const parsed = parseBundle(JSON.parse(readFileSync(path, 'utf8')), knownIds)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return bundleRecordsInOrder(parsed.bundle.records)
}
const jurisdictions = readBundle('resources/jurisdictions.json')
const everything = [...jurisdictions, ...readBundle('resources/sample-knowledge-base.json', new Set(jurisdictions.map((typed) => typed.record.id)))]
const alipay = everything.filter((typed) => typed.record.id === 'inc-alipay-annual-bill-2018' || typed.record.id === 'resp-cac-summons-2018-01-06')
const set = recordSetOf(alipay, everything)
const context = { title: 'search results for alipay', now: new Date('2026-11-29T10:00:00.000Z'), recordType: 'incident' as const }

describe('export formats in the dialog', () => {
  it('offers every format the shared exporters write, in their order', () => {
    expect(EXPORT_FORMATS.map((format) => format.id)).toEqual(['bundle', 'csv', 'stix', 'csl', 'ics', 'timelinejs', 'md', 'html', 'docx'])
  })

  it.each(EXPORT_FORMATS.map((format) => [format.id, format] as const))('%s writes the Alipay incident', async (_id, format) => {
    const content = await format.build(set, context)

    if (format.id === 'docx') {
      // A ZIP container ("PK"), on a plain ArrayBuffer as the desktop client saves.
      expect(content).toBeInstanceOf(Uint8Array)
      expect(String.fromCharCode(...(content as Uint8Array).subarray(0, 2))).toBe('PK')
      return
    }
    expect(typeof content).toBe('string')
    // CSL-JSON lists only sources and laws: the Alipay records cite Xinhua.
    expect(content as string).toMatch(format.id === 'csl' ? /Ant Financial apologizes/ : /Alipay annual-bill consent default|Alipay annual-bill/)
  })

  it('gives the briefing formats a title that starts with a capital', async () => {
    const markdown = await EXPORT_FORMATS.find((format) => format.id === 'md')?.build(set, context)

    expect(markdown as string).toMatch(/^# Search results for alipay/m)
  })

  describe('in the interface language', () => {
    afterEach(() => setLocale('en'))

    it("writes a selection's briefing in Chinese when the interface is in Chinese, dates at their precision", async () => {
      setLocale('zh-CN')
      const markdown = (await EXPORT_FORMATS.find((format) => format.id === 'md')?.build(set, context)) as string

      expect(markdown).toContain('**截至2026年11月29日**')
      expect(markdown).toMatch(/^## 摘要$/m)
      expect(markdown).toMatch(/^## 大事记$/m)
      expect(markdown).toContain('| 2018年1月3日 | **事件发生：**')
      expect(markdown).not.toMatch(/^## (Summary|Chronology|Legal basis|Responses and outcomes|Sources)$/m)
    })
  })
})
