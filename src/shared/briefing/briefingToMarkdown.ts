import type { BriefingBlock, BriefingDocument, BriefingInline } from './briefingDocument'
import { briefingLinkTarget, defuseScriptSchemes } from './briefingSafeLink'

/**
 * Plain text as Markdown that shows exactly that text: HTML is written as character references (so
 * no viewer with raw HTML enabled ever sees a tag), every character that could start emphasis, a
 * link, an image, code, a heading or a table cell is backslash-escaped, and "://" and "www." are
 * written as references so no viewer that links addresses in text finds one. Line breaks become spaces; callers break lines.
 */
export function escapeMarkdownText(text: string, { inLinkLabel = false } = {}): string {
  const escaped = text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~#]/g, '\\$&')
  // Inside a link's label no address can become a second link, so it is left readable there.
  const unlinkable = inLinkLabel ? escaped : escaped.replace(/:\/\//g, '&#58;&#47;&#47;').replace(/\bwww\./gi, (match) => `${match.slice(0, 3)}&#46;`)
  return defuseScriptSchemes(unlinkable)
}

/**
 * An address that may not be a link (an http: news page), shown whole and inert: as code, which
 * no Markdown viewer turns into a link, when it is a plain web address; else as escaped text.
 */
function inertAddress(address: string): string {
  return /^https?:\/\/[^\s`<>]+$/i.test(address) ? `\`${address}\`` : escapeMarkdownText(address)
}

// A line that starts with "+", "-", "=" or "12." would become a list or a rule ("#" is always escaped).
function escapeLineStart(line: string): string {
  return line
    .replace(/^\s+/, '')
    .replace(/^([+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
}

function inlineText(inline: BriefingInline): string {
  switch (inline.kind) {
    case 'text': {
      const text = escapeMarkdownText(inline.text)
      if (text.trim() === '') return text
      // Emphasis markers must touch the words, so surrounding spaces stay outside them.
      const [, before = '', core = '', after = ''] = /^(\s*)(.*?)(\s*)$/s.exec(text) ?? []
      if (inline.strong) return `${before}**${core}**${after}`
      if (inline.emphasis) return `${before}*${core}*${after}`
      return text
    }
    case 'link': {
      const target = briefingLinkTarget(inline.url)
      if (target !== null) return `[${escapeMarkdownText(inline.text, { inLinkLabel: true })}](<${target}>)`
      // An address that is not https: or mailto: stays visible but inert.
      return inline.text === inline.url ? inertAddress(inline.text) : `${escapeMarkdownText(inline.text)} (${inertAddress(inline.url)})`
    }
    case 'footnote-ref':
      return `[^${inline.number}]`
    case 'line-break':
      return '\n'
  }
}

/** The lines of a paragraph; each after the first is indented by `indent` so it stays in its list item. */
function inlineLines(content: readonly BriefingInline[], indent = ''): string {
  const lines = content.map(inlineText).join('').split('\n').map(escapeLineStart)
  return lines.map((line, index) => (index === 0 ? line : `${indent}${line}`)).join('\\\n')
}

function tableCell(content: readonly BriefingInline[]): string {
  return content
    .filter((inline) => inline.kind !== 'line-break')
    .map(inlineText)
    .join('')
}

function blockText(block: BriefingBlock, numberIndent: string): string | undefined {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${escapeMarkdownText(block.text)}`
    case 'paragraph':
      return block.style === 'continuation' ? `${numberIndent}${inlineLines(block.content, numberIndent)}` : inlineLines(block.content)
    case 'numbered-paragraph': {
      const marker = `${block.number}. `
      return `${marker}${inlineLines(block.content, ' '.repeat(marker.length))}`
    }
    case 'list':
      return block.items.map((item) => `- ${inlineLines(item, '  ')}`).join('\n')
    case 'table': {
      const header = `| ${block.columns.map((column) => escapeMarkdownText(column)).join(' | ')} |`
      const rule = `| ${block.columns.map(() => '---').join(' | ')} |`
      return [header, rule, ...block.rows.map((row) => `| ${row.map(tableCell).join(' | ')} |`)].join('\n')
    }
    case 'timeline-image':
      // A Markdown file carries no picture; the chronology below it says the same in words.
      return undefined
  }
}

function blocksText(blocks: readonly BriefingBlock[]): string[] {
  let numberIndent = ''
  return blocks.flatMap((block) => {
    if (block.kind === 'numbered-paragraph') numberIndent = ' '.repeat(`${block.number}. `.length)
    const text = blockText(block, numberIndent)
    return text === undefined ? [] : [text]
  })
}

/**
 * The briefing as Markdown (CommonMark with GitHub's tables and footnotes): title, subtitle and
 * "As of" line, the sections with numbered paragraphs, and notes as `[^n]`. All record and author
 * text is escaped so it cannot add HTML, links or structure; links appear only for https: and mailto:.
 */
export function briefingToMarkdown(doc: BriefingDocument): string {
  const parts: string[] = [`# ${escapeMarkdownText(doc.title)}`]
  if (doc.subtitle !== '') parts.push(`*${escapeMarkdownText(doc.subtitle)}*`)
  parts.push(`**${escapeMarkdownText(doc.asOfText)}**`, ...blocksText(doc.preamble))
  for (const section of doc.sections) parts.push(`## ${escapeMarkdownText(section.title)}`, ...blocksText(section.blocks))
  if (doc.footnotes.length > 0) {
    parts.push(...doc.footnotes.map((note) => `[^${note.number}]: ${inlineLines(note.content, '    ')}`))
  }
  return `${parts.join('\n\n')}\n`
}
