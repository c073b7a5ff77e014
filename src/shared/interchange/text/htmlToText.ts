import { Parser } from 'htmlparser2'

/** Elements whose content is never text a reader saw. */
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'template', 'head', 'title', 'noscript', 'iframe', 'object', 'svg', 'math'])

/** Elements that start and end a paragraph: a blank line around them. */
const PARAGRAPH_ELEMENTS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'ul', 'ol', 'dl'])

/** Elements that start and end a line. */
const LINE_ELEMENTS = new Set(['li', 'div', 'tr', 'dt', 'dd', 'hr', 'section', 'article', 'header', 'footer', 'figure', 'figcaption', 'address'])

/** Something that looks like markup: a tag, a comment or an entity. Plain text skips the parser. */
const MARKUP = /<\/?[a-z][^<>]*>|<!--|&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i

export function looksLikeHtml(value: string): boolean {
  return MARKUP.test(value)
}

// Block boundaries are marked first and resolved at the end, so that "</li><li>" or "</p><p>"
// make one break, not two; a <br> is a real line break and counts on its own.
const LINE_BREAK = '\u0001'
const PARAGRAPH_BREAK = '\u0002'
// eslint-disable-next-line no-control-regex -- the markers above are control characters on purpose: HTML text cannot hold them
const BREAKS = /[ \n\u0001\u0002]*[\n\u0001\u0002][ \n\u0001\u0002]*/g

function resolveBreaks(run: string): string {
  const literal = run.split('\n').length - 1
  const wanted = run.includes(PARAGRAPH_BREAK) ? 2 : run.includes(LINE_BREAK) ? 1 : 0
  return '\n'.repeat(Math.max(literal, wanted))
}

/**
 * The text a browser would show for an HTML fragment, as plain text: entities decoded, runs of
 * white space collapsed as HTML collapses them, `<br>`, list items and blocks turned into line
 * breaks and paragraphs into blank lines, an image replaced by its alt text (or nothing), and
 * scripts, styles and other non-text elements dropped with their content. Attributes other than
 * `alt` (links' addresses, event handlers) never reach the text.
 */
export function htmlToText(html: string): string {
  const pieces: string[] = []
  let skipDepth = 0
  const breakWith = (separator: string) => {
    if (skipDepth === 0) pieces.push(separator)
  }
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (SKIPPED_ELEMENTS.has(name)) {
          skipDepth += 1
          return
        }
        if (skipDepth > 0) return
        if (name === 'br') {
          pieces.push('\n')
        } else if (name === 'img') {
          const alt = attributes.alt?.trim()
          if (alt !== undefined && alt !== '') pieces.push(` ${alt} `)
        } else if (PARAGRAPH_ELEMENTS.has(name)) {
          breakWith(PARAGRAPH_BREAK)
        } else if (LINE_ELEMENTS.has(name)) {
          breakWith(LINE_BREAK)
        }
      },
      onclosetag(name) {
        if (SKIPPED_ELEMENTS.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1)
          return
        }
        if (PARAGRAPH_ELEMENTS.has(name)) breakWith(PARAGRAPH_BREAK)
        else if (LINE_ELEMENTS.has(name) && name !== 'hr') breakWith(LINE_BREAK)
      },
      ontext(text) {
        if (skipDepth === 0) pieces.push(text.replace(/[ \t\n\r\f]+/g, ' '))
      }
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }
  )
  parser.write(html)
  parser.end()
  return pieces.join('').replace(/ {2,}/g, ' ').replace(BREAKS, resolveBreaks).trim()
}

/** The `href` of every link in an HTML fragment, in order, entities decoded, as written otherwise. */
export function linksInHtml(html: string): string[] {
  const links: string[] = []
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const href = attributes.href?.trim()
        if (name === 'a' && href !== undefined && href !== '') links.push(href)
      }
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }
  )
  parser.write(html)
  parser.end()
  return links
}
