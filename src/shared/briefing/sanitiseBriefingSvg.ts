import { Parser } from 'htmlparser2'
import { message, type Message } from '../locale/message'

/** The elements the app's own pictures (timeline, charts, graph) are drawn with; nothing that runs, loads or embeds. */
const ALLOWED_ELEMENTS = new Set([
  'svg',
  'g',
  'defs',
  'title',
  'desc',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'path',
  'text',
  'tspan',
  'marker',
  'clipPath',
  'linearGradient',
  'radialGradient',
  'stop',
  'pattern',
  'symbol',
  'use',
  'mask'
])

// Attribute names are plain words (presentation attributes, geometry, xmlns). A colon is allowed
// only in the namespaced names SVG itself uses.
const PLAIN_ATTRIBUTE = /^[a-zA-Z][a-zA-Z0-9-]*$/
const NAMESPACED_ATTRIBUTES = new Set(['xmlns:xlink', 'xml:space', 'xml:lang', 'xlink:href'])
const HREF_ATTRIBUTES = new Set(['href', 'xlink:href'])
const SVG_NAMESPACE = 'http://www.w3.org/2000/svg'
const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink'

/** A refusal says why as a message (src/locales/<language>/briefingDocument.json), put into words in the document's language. */
export type SanitisedSvg = { readonly ok: true; readonly svg: string } | { readonly ok: false; readonly reason: Message }

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

/** Why an attribute is refused, or undefined when it may stay. Values arrive with entities decoded. */
function attributeProblem(tagName: string, name: string, value: string): Message | undefined {
  // Tags are written in the values, not the messages: a catalogue holds no markup.
  const element = `<${tagName}>`
  if (/^on/i.test(name)) return message('briefingDocument.picture.eventHandler', { element, name })
  if (!PLAIN_ATTRIBUTE.test(name) && !NAMESPACED_ATTRIBUTES.has(name)) return message('briefingDocument.picture.unusedAttribute', { element, name })
  if (HREF_ATTRIBUTES.has(name) && !/^#[A-Za-z0-9_.:-]*$/.test(value)) return message('briefingDocument.picture.outsideLink', { element, value })
  if (name === 'xmlns' && value !== SVG_NAMESPACE) return message('briefingDocument.picture.namespace', { element, value })
  if (name === 'xmlns:xlink' && value !== XLINK_NAMESPACE) return message('briefingDocument.picture.namespace', { element, value })
  // url() may point only inside the picture (markers, clip paths); anything else could load from elsewhere.
  for (const match of value.matchAll(/url\s*\(([^)]*)\)/gi)) {
    if (!/^\s*['"]?#[A-Za-z0-9_.:-]*['"]?\s*$/.test(match[1] ?? '')) return message('briefingDocument.picture.outsideUrl', { element, url: match[0], name })
  }
  if (/javascript|expression\s*\(|@import|\\/i.test(value)) return message('briefingDocument.picture.suspiciousValue', { element, name })
  return undefined
}

/**
 * Checks an SVG picture before it goes into a briefing and writes it out afresh from what was read:
 * only the elements and attributes the app's own pictures use, event handlers, scripts,
 * foreignObject, <style>, external links and url() references refused (the whole picture, with the
 * reason: a picture we did not draw is not one to trim and trust), comments and processing
 * instructions dropped, and every text and attribute value escaped again.
 */
export function sanitiseBriefingSvg(svg: string): SanitisedSvg {
  const output: string[] = []
  const open: string[] = []
  let problem: Message | undefined
  let rootSeen = false
  const refuse = (reason: Message): void => {
    problem ??= reason
  }
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (problem !== undefined) return
        if (!ALLOWED_ELEMENTS.has(name)) return refuse(message('briefingDocument.picture.element', { element: `<${name}>` }))
        if (open.length === 0) {
          if (rootSeen) return refuse(message('briefingDocument.picture.twoRoots'))
          if (name !== 'svg') return refuse(message('briefingDocument.picture.notSvg', { element: `<${name}>`, svg: '<svg>' }))
          rootSeen = true
        }
        const kept: string[] = []
        for (const [attribute, value] of Object.entries(attributes)) {
          const reason = attributeProblem(name, attribute, value)
          if (reason !== undefined) return refuse(reason)
          kept.push(` ${attribute}="${escapeXml(value)}"`)
        }
        if (open.length === 0 && !('xmlns' in attributes)) kept.unshift(` xmlns="${SVG_NAMESPACE}"`)
        open.push(name)
        output.push(`<${name}${kept.join('')}>`)
      },
      onclosetag(name) {
        if (problem !== undefined) return
        if (open.at(-1) !== name) return refuse(message('briefingDocument.picture.notOpen', { element: `</${name}>` }))
        open.pop()
        output.push(`</${name}>`)
      },
      ontext(text) {
        if (problem !== undefined) return
        if (open.length === 0) {
          if (text.trim() !== '') refuse(message('briefingDocument.picture.textOutside', { svg: '<svg>' }))
          return
        }
        output.push(escapeXml(text))
      }
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true }
  )
  parser.write(svg)
  // Ending the parse closes any element left open, so the output is always well formed.
  parser.end()
  if (problem !== undefined) return { ok: false, reason: problem }
  if (!rootSeen) return { ok: false, reason: message('briefingDocument.picture.noSvg', { svg: '<svg>' }) }
  return { ok: true, svg: output.join('') }
}
