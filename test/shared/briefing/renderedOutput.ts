import { Parser } from 'htmlparser2'
import MarkdownIt from 'markdown-it'

/** The elements the briefing page is built from; anything else in the output came from user text. */
export const BRIEFING_HTML_ELEMENTS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'header',
  'main',
  'section',
  'h1',
  'h2',
  'h3',
  'h4',
  'p',
  'div',
  'span',
  'strong',
  'em',
  'a',
  'sup',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'br',
  'figure',
  'figcaption'
])

export interface ParsedHtml {
  readonly elements: readonly { readonly name: string; readonly attributes: Readonly<Record<string, string>> }[]
  /** All text, entities decoded, outside <style>. */
  readonly text: string
}

/** Reads HTML as a browser's tokenizer would (entities decoded), outside the code under test. */
export function parseHtml(html: string): ParsedHtml {
  const elements: { name: string; attributes: Record<string, string> }[] = []
  const texts: string[] = []
  let inStyle = false
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        elements.push({ name, attributes })
        if (name === 'style') inStyle = true
      },
      onclosetag(name) {
        if (name === 'style') inStyle = false
      },
      ontext(text) {
        if (!inStyle) texts.push(text)
      }
    },
    { decodeEntities: true }
  )
  parser.write(html)
  parser.end()
  return { elements, text: texts.join('') }
}

/** The page with every tag the renderer writes taken out: what is left is text, and must hold no "<". */
export function withoutBriefingTags(html: string, svgElements: readonly string[] = []): string {
  const names = [...BRIEFING_HTML_ELEMENTS, ...svgElements].join('|')
  return html.replace(/<!DOCTYPE html>/, '').replace(new RegExp(`</?(?:${names})(?:\\s[^<>]*)?/?>`, 'g'), '')
}

/**
 * Markdown rendered by a permissive viewer: raw HTML allowed and addresses in text made links as
 * GitHub does (anything with a scheme, "//" or "www."; bare domain names are not GitHub's habit).
 */
export function renderMarkdownPermissively(markdown: string): string {
  const renderer = new MarkdownIt({ html: true, linkify: true })
  renderer.linkify.set({ fuzzyLink: false })
  return renderer.render(markdown)
}
