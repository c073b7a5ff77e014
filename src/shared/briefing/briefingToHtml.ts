import type { BriefingBlock, BriefingDocument, BriefingFurniture, BriefingInline } from './briefingDocument'
import { briefingLinkTarget, defuseScriptSchemes } from './briefingSafeLink'
import { sanitiseBriefingSvg } from './sanitiseBriefingSvg'
import { escapeHtml } from '../lib/escapeHtml'

/**
 * The policy the page states for itself: nothing may run or load; only its own <style> and
 * pictures written into the page as data: (or inline SVG) show. It holds even when the file is
 * opened from disk in an ordinary browser.
 */
export const BRIEFING_HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

/** Escaped text with script schemes defused, so even a viewer that links bare addresses links nothing harmful. */
function escapeBriefingText(text: string): string {
  return defuseScriptSchemes(escapeHtml(text))
}

const STYLE = `
:root { color: #1d2330; background: #ffffff; font-family: "Segoe UI", "Noto Sans", "Noto Sans CJK SC", system-ui, sans-serif; line-height: 1.5; }
body { max-width: 46rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.75rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.75rem; border-bottom: 1px solid #c9ced8; padding-bottom: 0.2rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 1.25rem 0 0.5rem; }
.subtitle { margin: 0; font-size: 1.05rem; }
.as-of { margin: 0.25rem 0 1.5rem; font-weight: 600; }
.numbered { display: grid; grid-template-columns: 2.5rem 1fr; margin: 0 0 0.75rem; }
.numbered .paragraph-number { font-weight: 600; }
.numbered p { margin: 0; }
.continuation { margin-left: 2.5rem; }
.note { color: #4a5160; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1rem; }
th, td { border: 1px solid #c9ced8; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
td:first-child { white-space: nowrap; }
th { background: #eef0f4; }
sup.footnote-ref { font-size: 0.75em; line-height: 0; }
a { color: #1a4fa0; }
figure.timeline { margin: 0 0 1rem; }
figure.timeline svg { max-width: 100%; height: auto; }
figcaption { font-size: 0.9rem; color: #4a5160; }
.footnotes { font-size: 0.9rem; }
@media print {
  @page { size: A4; margin: 18mm 16mm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  h2, h3, h4 { break-after: avoid; }
  tr, .numbered, figure { break-inside: avoid; }
  a { color: inherit; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; word-break: break-all; }
}
`

/** What the renderer needs beside a block: the picture, the words around it, and how each note is read out. */
interface HtmlContext {
  readonly timelineSvg: string | undefined
  readonly furniture: BriefingFurniture
  readonly noteLabels: ReadonlyMap<number, string>
}

function inlineHtml(inline: BriefingInline, context: HtmlContext): string {
  switch (inline.kind) {
    case 'text': {
      const text = escapeBriefingText(inline.text)
      if (inline.strong) return `<strong>${text}</strong>`
      if (inline.emphasis) return `<em>${text}</em>`
      return text
    }
    case 'link': {
      const target = briefingLinkTarget(inline.url)
      const label = escapeBriefingText(inline.text)
      return target === null ? `<span class="address">${label}</span>` : `<a href="${escapeBriefingText(target)}" rel="noopener noreferrer">${label}</a>`
    }
    case 'footnote-ref':
      return `<sup class="footnote-ref"><a href="#fn-${inline.number}" aria-label="${escapeBriefingText(context.noteLabels.get(inline.number) ?? String(inline.number))}">${inline.number}</a></sup>`
    case 'line-break':
      return '<br>'
  }
}

function inlinesHtml(content: readonly BriefingInline[], context: HtmlContext): string {
  // Adjacent note references are separated ("1,2,3"), or they would read as one number.
  return content
    .map((inline, index) =>
      inline.kind === 'footnote-ref' && content[index - 1]?.kind === 'footnote-ref' ? `<sup>,</sup>${inlineHtml(inline, context)}` : inlineHtml(inline, context)
    )
    .join('')
}

function timelineFigure(context: HtmlContext): string {
  if (context.timelineSvg === undefined) return ''
  const sanitised = sanitiseBriefingSvg(context.timelineSvg)
  if (!sanitised.ok) return `<p class="note"><em>${escapeBriefingText(context.furniture.pictureLeftOut(sanitised.reason))}</em></p>`
  return `<figure class="timeline">${sanitised.svg}<figcaption>${escapeBriefingText(context.furniture.timelineCaption)}</figcaption></figure>`
}

function blockHtml(block: BriefingBlock, context: HtmlContext): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${escapeBriefingText(block.text)}</h${block.level}>`
    case 'paragraph':
      return block.style === undefined
        ? `<p>${inlinesHtml(block.content, context)}</p>`
        : `<p class="${block.style}">${inlinesHtml(block.content, context)}</p>`
    case 'numbered-paragraph':
      return `<div class="numbered"><span class="paragraph-number">${block.number}.</span><p>${inlinesHtml(block.content, context)}</p></div>`
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${inlinesHtml(item, context)}</li>`).join('')}</ul>`
    case 'table': {
      const head = `<thead><tr>${block.columns.map((column) => `<th scope="col">${escapeBriefingText(column)}</th>`).join('')}</tr></thead>`
      const body = block.rows.map((row) => `<tr>${row.map((cell) => `<td>${inlinesHtml(cell, context)}</td>`).join('')}</tr>`).join('\n')
      return `<table>${head}<tbody>\n${body}\n</tbody></table>`
    }
    case 'timeline-image':
      return timelineFigure(context)
  }
}

function blocksHtml(blocks: readonly BriefingBlock[], context: HtmlContext): string {
  return blocks
    .map((block) => blockHtml(block, context))
    .filter((html) => html !== '')
    .join('\n')
}

export interface BriefingHtmlOptions {
  /** The timeline picture as the app exports it; it is sanitised, and left out with a note if it is not one of ours. */
  readonly timelineSvg?: string
}

/**
 * The briefing as one standalone HTML page: inline CSS (with a print stylesheet: this page is also
 * what is printed to PDF), a Content Security Policy that lets nothing run or load, every piece of
 * record and author text escaped, links only for https: and mailto:, and notes at the end.
 */
export function briefingToHtml(doc: BriefingDocument, options: BriefingHtmlOptions = {}): string {
  const context: HtmlContext = {
    timelineSvg: options.timelineSvg,
    furniture: doc.furniture,
    noteLabels: new Map(doc.footnotes.map((note) => [note.number, note.label]))
  }
  const sections = doc.sections
    .map(
      (section, index) =>
        `<section aria-labelledby="section-${index + 1}">\n<h2 id="section-${index + 1}">${escapeBriefingText(section.title)}</h2>\n${blocksHtml(section.blocks, context)}\n</section>`
    )
    .join('\n')
  const notes =
    doc.footnotes.length === 0
      ? ''
      : `<section class="footnotes" aria-labelledby="notes-heading">\n<h2 id="notes-heading">${escapeBriefingText(doc.furniture.notesHeading)}</h2>\n<ol>\n${doc.footnotes
          .map((note) => `<li id="fn-${note.number}" value="${note.number}">${inlinesHtml(note.content, context)}</li>`)
          .join('\n')}\n</ol>\n</section>`
  const preamble = blocksHtml(doc.preamble, context)
  return `<!DOCTYPE html>
<html lang="${escapeBriefingText(doc.furniture.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${BRIEFING_HTML_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeBriefingText(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeBriefingText(doc.title)}</h1>
${doc.subtitle === '' ? '' : `<p class="subtitle">${escapeBriefingText(doc.subtitle)}</p>\n`}<p class="as-of">${escapeBriefingText(doc.asOfText)}</p>
</header>
<main>
${preamble === '' ? '' : `${preamble}\n`}${sections}
${notes}
</main>
</body>
</html>
`
}
