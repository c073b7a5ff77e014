import { assertNever } from '@shared/lib/assertNever'
import { formatPartialDate, toPartialDate } from '@shared/domain/partialDate'
import { getDesktopClient, type SaveOutcome } from '@renderer/desktop/desktopClient'
import { PICTURE_FONT_FAMILY } from '@shared/lib/fontFamilies'
import { currentLocale, dateWords, i18n, type AppLocale } from '@renderer/i18n'

export type ViewExportFormat = 'svg' | 'png'

/** What an exported picture says about itself, so that a printed copy can be read on its own. */
export interface ViewExportHeading {
  readonly title: string
  /** The filters used, in words; empty for none. */
  readonly filters: string
  /** The day the picture was taken, `YYYY-MM-DD`. */
  readonly asOfDay: string
  /** The language of the lines it adds ("Filters: none", "As of …"); the interface language when not given (a briefing's picture takes the briefing's). */
  readonly locale?: AppLocale
}

/** Today as `YYYY-MM-DD` in the user's own time zone (the "as of" of an export). */
export function todayAsDay(now: Date = new Date()): string {
  const pad = (value: number): string => String(value).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** One drawing to stack in the export, optionally cut to a horizontal band (the lanes on screen). */
export interface ExportPart {
  readonly element: SVGSVGElement
  readonly band?: { readonly top: number; readonly height: number }
}

const SVG_NS = 'http://www.w3.org/2000/svg'
const HEADING_HEIGHT = 72
const MARGIN = 16
// A CJK family first, so Chinese text (titles, filters, labels) is drawn in one face; these carry Latin letters too.
const FONT = PICTURE_FONT_FAMILY
/** Print resolution: 300 dots per inch over the CSS pixel's 96. */
export const PRINT_SCALE = 300 / 96

/** The lines printed above the picture: title, filters ("none" when there are none), "As of 3 January 2018". */
export function headingLines(heading: ViewExportHeading): [string, string, string] {
  const filters = heading.filters.trim()
  const locale = heading.locale ?? currentLocale()
  const t = i18n.global.t
  return [
    heading.title,
    t('viewExport.filters', { filters: filters === '' ? t('viewExport.noFilters', {}, { locale }) : filters }, { locale }),
    t('viewExport.asOf', { date: formatPartialDate(toPartialDate(heading.asOfDay), dateWords(locale)) }, { locale })
  ]
}

function textElement(document: Document, text: string, y: number, size: number, weight: string): SVGTextElement {
  const element = document.createElementNS(SVG_NS, 'text')
  element.setAttribute('x', String(MARGIN))
  element.setAttribute('y', String(y))
  element.setAttribute('font-family', FONT)
  element.setAttribute('font-size', String(size))
  element.setAttribute('font-weight', weight)
  element.setAttribute('fill', '#1d2330')
  // A text node, never markup: titles and filters are the user's words.
  element.textContent = text
  return element
}

// A drawing sized only by its viewBox (a responsive chart) still has a size to export at.
function numericAttribute(element: SVGSVGElement, name: 'width' | 'height'): number {
  return Number(element.getAttribute(name)) || element.viewBox.baseVal?.[name] || 0
}

/**
 * A standalone SVG document of one view (a chart, the comparison, the timeline's lanes) under its
 * heading (title, filters, "as of"), each part below the previous one. Parts are copied, never changed; attributes that mean nothing outside the app
 * (classes, ARIA, tab stops, Vue's scoping marks) are dropped, and the look comes from the
 * presentation attributes the drawings carry. All text stays text.
 */
export function composeExportSvg(parts: readonly ExportPart[], heading: ViewExportHeading): string {
  const document = parts[0]?.element.ownerDocument ?? globalThis.document
  const width = Math.max(...parts.map((part) => numericAttribute(part.element, 'width')), 320)
  const heights = parts.map((part) => part.band?.height ?? numericAttribute(part.element, 'height'))
  const totalWidth = width + 2 * MARGIN
  const totalHeight = HEADING_HEIGHT + heights.reduce((sum, height) => sum + height, 0) + MARGIN
  const root = document.createElementNS(SVG_NS, 'svg')
  root.setAttribute('xmlns', SVG_NS)
  root.setAttribute('width', String(totalWidth))
  root.setAttribute('height', String(totalHeight))
  root.setAttribute('viewBox', `0 0 ${totalWidth} ${totalHeight}`)
  const background = document.createElementNS(SVG_NS, 'rect')
  background.setAttribute('width', String(totalWidth))
  background.setAttribute('height', String(totalHeight))
  background.setAttribute('fill', '#ffffff')
  const [title, filters, asOf] = headingLines(heading)
  const titleElement = document.createElementNS(SVG_NS, 'title')
  titleElement.textContent = title
  root.append(
    titleElement,
    background,
    textElement(document, title, 26, 18, '700'),
    textElement(document, filters, 46, 12, '400'),
    textElement(document, asOf, 62, 12, '400')
  )

  let y = HEADING_HEIGHT
  parts.forEach((part, index) => {
    const height = heights[index] ?? 0
    const copy = part.element.cloneNode(true) as SVGSVGElement
    for (const element of [copy, ...copy.querySelectorAll('*')]) {
      for (const name of element.getAttributeNames()) {
        if (name === 'class' || name === 'role' || name === 'tabindex' || name.startsWith('aria-') || name.startsWith('data-v-')) element.removeAttribute(name)
      }
      // A drawing's own face for the screen (the timeline's system-ui) would win over the picture's: the picture names the CJK face first throughout.
      if (element.hasAttribute('font-family')) element.setAttribute('font-family', FONT)
    }
    const partWidth = numericAttribute(part.element, 'width')
    copy.setAttribute('x', String(MARGIN))
    copy.setAttribute('y', String(y))
    copy.setAttribute('width', String(partWidth))
    copy.setAttribute('height', String(height))
    copy.setAttribute('viewBox', `0 ${part.band?.top ?? 0} ${partWidth} ${height}`)
    copy.setAttribute('font-family', FONT)
    root.append(copy)
    y += height
  })
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`
}

// A very large picture is drawn at less than print resolution rather than on a canvas the
// browser refuses (Chromium's limit is 32,767 pixels a side and a few hundred megapixels).
const MAX_PNG_SIDE = 12_000

/**
 * Draws an SVG document on a canvas at `scale` (the CSP allows blob: images), reduced if needed so
 * no side exceeds what a canvas accepts, and reads it back as PNG bytes.
 */
export async function svgToPng(svg: string, scale: number = PRINT_SCALE): Promise<Uint8Array<ArrayBuffer>> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }))
  try {
    const image = new Image()
    image.src = url
    await image.decode()
    const fittedScale = Math.min(scale, MAX_PNG_SIDE / Math.max(image.naturalWidth, image.naturalHeight, 1))
    const canvas = document.createElement('canvas')
    canvas.width = Math.ceil(image.naturalWidth * fittedScale)
    canvas.height = Math.ceil(image.naturalHeight * fittedScale)
    const context = canvas.getContext('2d')
    if (context === null) throw new Error('No 2D canvas to draw the PNG on')
    context.scale(fittedScale, fittedScale)
    context.drawImage(image, 0, 0)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
    if (blob === null) throw new Error('The canvas could not be encoded as PNG')
    return new Uint8Array(await blob.arrayBuffer())
  } finally {
    URL.revokeObjectURL(url)
  }
}

/** Saves a finished SVG document as `<fileStem>.svg`, or as `<fileStem>.png` at print resolution. */
export async function savePicture(svg: string, fileStem: string, format: ViewExportFormat): Promise<SaveOutcome> {
  const client = getDesktopClient()
  switch (format) {
    case 'svg':
      return client.saveFile({
        suggestedFileName: `${fileStem}.svg`,
        content: svg,
        mimeType: 'image/svg+xml',
        filters: [{ name: i18n.global.t('viewExport.svgImage'), extensions: ['svg'] }]
      })
    case 'png':
      return client.saveFile({
        suggestedFileName: `${fileStem}.png`,
        content: await svgToPng(svg),
        mimeType: 'image/png',
        filters: [{ name: i18n.global.t('viewExport.pngImage'), extensions: ['png'] }]
      })
    default:
      return assertNever(format)
  }
}

/** A file name without extension from the title and the day, safe on any file system: "incidents-per-year-by-jurisdiction-2026-11-29". */
export function exportFileStem(heading: ViewExportHeading): string {
  const stem = heading.title
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  return `${stem === '' ? 'view' : stem}-${heading.asOfDay}`
}

/** The export's file name with its extension. */
export function exportFileName(heading: ViewExportHeading, format: ViewExportFormat): string {
  return `${exportFileStem(heading)}.${format}`
}

/**
 * Saves a picture of a view — one SVG, or several parts stacked — as SVG or as a PNG at print
 * resolution, through the desktop client: a save dialog in the app, a download in a browser.
 */
export async function exportView(view: SVGSVGElement | readonly ExportPart[], heading: ViewExportHeading, format: ViewExportFormat): Promise<SaveOutcome> {
  const svg = composeExportSvg(Array.isArray(view) ? view : [{ element: view as SVGSVGElement }], heading)
  return savePicture(svg, exportFileStem(heading), format)
}

/** What became of an export, in words for a status line. */
export function exportOutcomeText(outcome: SaveOutcome): string {
  switch (outcome.status) {
    case 'saved':
      return i18n.global.t('viewExport.savedTo', { path: outcome.path })
    case 'downloaded':
      return i18n.global.t('viewExport.downloaded', { fileName: outcome.fileName })
    case 'cancelled':
      return i18n.global.t('viewExport.cancelled')
    default:
      return assertNever(outcome)
  }
}
