import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { referenceRecords } from '../../src/cli/referenceRecords'
import { runCli } from '../../src/cli/runCli'
import { memoryCliIo } from './memoryCliIo'

const SAMPLE = 'resources/sample-knowledge-base.json'
const reference = referenceRecords()
const noTeam = () => {
  throw new Error('an export asked for the team server')
}
const run = (argv: string[], fs = memoryCliIo()) => runCli(argv, fs.io, () => reference, noTeam).then((status) => ({ status, ...fs }))
const ENGLISH_HEADINGS = /Summary|Chronology|Legal basis|Responses and outcomes|Sources|As of /

describe('precedent export --lang', () => {
  it('writes a DOCX briefing in Chinese: headings, the "as of" line and dates at their precision', async () => {
    const { status, written } = await run([
      'export',
      SAMPLE,
      '--format',
      'docx',
      '--query',
      'alipay',
      '--lang',
      'zh-CN',
      '--title',
      'Alipay',
      '-o',
      'alipay.docx'
    ])

    expect(status).toBe(0)
    const files = unzipSync(written.get('alipay.docx') as Uint8Array)
    const body = strFromU8(files['word/document.xml']!)
    for (const heading of ['摘要', '大事记', '法律依据', '应对与结果', '来源']) expect(body).toContain(`<w:t xml:space="preserve">${heading}</w:t>`)
    expect(body).toMatch(/截至\d{4}年\d{1,2}月\d{1,2}日/)
    expect(body).toContain('2018年1月3日')
    expect(body).not.toMatch(ENGLISH_HEADINGS)
    expect(strFromU8(files['word/styles.xml']!)).toContain('w:eastAsia="Noto Sans CJK SC"')
  })

  it('writes Markdown and HTML briefings in Chinese, and in English without --lang', async () => {
    const chinese = await run(['export', SAMPLE, '--format', 'md', '--query', 'uc browser', '--lang', 'zh-CN', '-o', 'uc.md'])
    const html = await run(['export', SAMPLE, '--format', 'html', '--query', 'alipay', '--lang', 'zh-CN', '-o', 'alipay.html'])
    const english = await run(['export', SAMPLE, '--format', 'md', '--query', 'uc browser', '-o', 'uc.md'])

    expect(chinese.text('uc.md')).toMatch(/^## 大事记$/m)
    // Known only to the month: written so, never as a day.
    expect(chinese.text('uc.md')).toContain('| 2015年5月 |')
    expect(chinese.text('uc.md')).not.toContain('2015年5月1日')
    expect(html.text('alipay.html')).toContain('<html lang="zh-CN">')
    expect(html.text('alipay.html')).toContain('<h2 id="notes-heading">注释</h2>')
    expect(english.text('uc.md')).toMatch(/^## Chronology$/m)
    expect(english.text('uc.md')).toContain('| May 2015 |')
  })
})
