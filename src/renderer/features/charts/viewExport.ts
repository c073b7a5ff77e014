import { assertNever } from '@shared/lib/assertNever'
import { getDesktopClient, type SaveOutcome } from '@renderer/desktop/desktopClient'
import { formatPartialDate, toPartialDate } from '@shared/domain/partialDate'

export type ViewExportFormat = 'svg' | 'png'

/** What an exported picture says about itself, so a printed copy can be read on its own. */
export interface ViewExportHeading {
  readonly title: string
  /** The filters used, as the user typed them; empty for none. */
  readonly filters: string
  /** The day the picture was taken, as `YYYY-MM-DD`. */
  readonly asOfDay: string
}

const SVG_NS = 'http://www.w3.org/2000/svg'
const HEADING_HEIGHT = 64
const MARGIN = 16
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif'
// Print resolution: 300 dots per inch over the CSS pixel's 96.
const PNG_SCALE = 300 / 96

/** Today as `YYYY-MM-DD` in the user's own time zone (the "as of" of an export). */
export function todayAsDay(now: Date = new Date()): string {
  const pad = (value: number): string => String(value).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** The lines printed above an exported view: title, filters ("none" when there are none) and "As of 3 January 2018". */
export function headingLines(heading: ViewExportHeading): [string, string, string] {
  const filters = heading.filters.trim()
  return [heading.title, `Filters: ${filters === '' ? 'none' : filters}`, `As of ${formatPartialDate(toPartialDate(heading.asOfDay))}`]
}

function textElement(document: Document, text: string, y: number, size: number, weight: string): SVGTextElement {
  const element = document.createElementNS(SVG_NS, 'text')
  element.setAttribute('x', String(MARGIN))
  element.setAttribute('y', String(y))
  element.setAttribute('font-family', FONT)
  element.setAttribute('font-size', String(size))
  element.setAttribute('font-weight', weight)
  element.setAttribute('fill', '#1d2433')
  // Text nodes, never markup: titles and filters are user text.
  element.textContent = text
  return element
}

/**
 * A standalone SVG document of `view` under its heading. The view is copied (the page's own
 * element is not touched), stripped of ARIA and class attributes that mean nothing outside the
 * app, and placed below the heading; its presentation attributes carry its look.
 */
export function composeExportSvg(view: SVGSVGElement, heading: ViewExportHeading): string {
  const document = view.ownerDocument
  const width = Number(view.getAttribute('width') ?? view.viewBox.baseVal.width) || 640
  const height = Number(view.getAttribute('height') ?? view.viewBox.baseVal.height) || 400
  const root = document.createElementNS(SVG_NS, 'svg')
  const totalWidth = width + 2 * MARGIN
  const totalHeight = height + HEADING_HEIGHT + MARGIN
  root.setAttribute('xmlns', SVG_NS)
  root.setAttribute('width', String(totalWidth))
  root.setAttribute('height', String(totalHeight))
  root.setAttribute('viewBox', `0 0 ${totalWidth} ${totalHeight}`)
  const background = document.createElementNS(SVG_NS, 'rect')
  background.setAttribute('width', String(totalWidth))
  background.setAttribute('height', String(totalHeight))
  background.setAttribute('fill', '#ffffff')
  root.append(background)
  const [title, filters, asOf] = headingLines(heading)
  const titleElement = document.createElementNS(SVG_NS, 'title')
  titleElement.textContent = title
  root.append(titleElement)
  root.append(textElement(document, title, 24, 18, '700'), textElement(document, filters, 42, 12, '400'), textElement(document, asOf, 58, 12, '400'))

  const copy = view.cloneNode(true) as SVGSVGElement
  for (const element of [copy, ...copy.querySelectorAll('*')]) {
    for (const name of [...element.getAttributeNames()]) {
      if (name === 'class' || name === 'role' || name === 'tabindex' || name.startsWith('aria-') || name.startsWith('data-v-')) element.removeAttribute(name)
    }
  }
  copy.setAttribute('x', String(MARGIN))
  copy.setAttribute('y', String(HEADING_HEIGHT))
  copy.setAttribute('width', String(width))
  copy.setAttribute('height', String(height))
  copy.setAttribute('font-family', FONT)
  root.append(copy)
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`
}

/** Draws an SVG document on a canvas at `scale` (the CSP allows blob: images) and reads it back as PNG bytes. */
export async function svgToPng(svg: string, scale: number = PNG_SCALE): Promise<Uint8Array<ArrayBuffer>> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }))
  try {
    const image = new Image()
    image.src = url
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = Math.ceil(image.naturalWidth * scale)
    canvas.height = Math.ceil(image.naturalHeight * scale)
    const context = canvas.getContext('2d')
    if (context === null) throw new Error('No 2D canvas to draw the PNG on')
    context.scale(scale, scale)
    context.drawImage(image, 0, 0)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
    if (blob === null) throw new Error('The canvas could not be encoded as PNG')
    return new Uint8Array(await blob.arrayBuffer())
  } finally {
    URL.revokeObjectURL(url)
  }
}

/** A file name from the title and the day: "incidents-per-year-by-jurisdiction-2026-11-29.svg". */
export function exportFileName(heading: ViewExportHeading, format: ViewExportFormat): string {
  const stem = heading.title
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  return `${stem === '' ? 'view' : stem}-${heading.asOfDay}.${format}`
}

/**
 * Saves a picture of a view (a chart or the comparison figure), as SVG or as a PNG at print
 * resolution, through the desktop client: a save dialog in the app, a download in a browser.
 */
export async function exportView(view: SVGSVGElement, heading: ViewExportHeading, format: ViewExportFormat): Promise<SaveOutcome> {
  const svg = composeExportSvg(view, heading)
  const client = getDesktopClient()
  if (format === 'svg') {
    return client.saveFile({ suggestedFileName: exportFileName(heading, 'svg'), content: svg, mimeType: 'image/svg+xml', filters: [{ name: 'SVG image', extensions: ['svg'] }] })
  }
  return client.saveFile({
    suggestedFileName: exportFileName(heading, 'png'),
    content: await svgToPng(svg),
    mimeType: 'image/png',
    filters: [{ name: 'PNG image', extensions: ['png'] }]
  })
}

/** Words for what became of an export, for a status line. */
export function exportOutcomeText(outcome: SaveOutcome): string {
  switch (outcome.status) {
    case 'saved':
      return `Saved to ${outcome.path}.`
    case 'downloaded':
      return `Downloaded as ${outcome.fileName}.`
    case 'cancelled':
      return 'Export cancelled; nothing was saved.'
    default:
      return assertNever(outcome)
  }
}
