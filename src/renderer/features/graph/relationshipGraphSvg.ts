import { domainLabel, formatCount, i18n } from '@renderer/i18n'
import { RECORD_TYPES } from '@shared/domain/recordTypes'
import { PICTURE_FONT_FAMILY } from '@shared/lib/fontFamilies'
import type { RelationshipGraph } from '@shared/graph/relationshipGraph'
import type { GraphLayout } from './graphForceLayout'
import { graphLines, shortGraphLabel } from './graphDrawing'
import { graphSymbol } from './graphSymbols'

/** What an exported picture of the graph says about itself. */
export interface GraphExportHeading {
  readonly title: string
  /** The settings that made this graph, e.g. "2 hops · sources left out". */
  readonly filters: string
  /** When the picture was taken, as the reader should see it ("29 November 2026, 10:15"). */
  readonly asOf: string
}

const HEADER_HEIGHT = 78
const LEGEND_HEIGHT = 34
const MIN_WIDTH = 640

/**
 * The graph as a standalone SVG document for export: title, filters and "as of" above the
 * drawing, a legend below, every edge labelled (a printed page cannot hover). Styling is in
 * presentation attributes only, so the file looks the same in any viewer and needs no stylesheet.
 */
export function relationshipGraphSvg(graph: RelationshipGraph, layout: GraphLayout, heading: GraphExportHeading): string {
  const { minX, minY, width: drawingWidth, height: drawingHeight } = layout.bounds
  const width = Math.max(MIN_WIDTH, Math.ceil(drawingWidth))
  const height = Math.ceil(HEADER_HEIGHT + drawingHeight + LEGEND_HEIGHT)
  const offsetX = (width - drawingWidth) / 2 - minX
  const offsetY = HEADER_HEIGHT - minY
  const lines = graphLines(graph.edges, layout.positions)
  const types = RECORD_TYPES.filter((type) => graph.nodes.some((node) => node.type === type))
  const notShown = graph.notShownCount > 0 ? ` · ${notShownPhrase(graph)}` : ''

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(PICTURE_FONT_FAMILY)}">`,
    `<title>${escapeXml(heading.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<defs><marker id="graph-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#8a94a6"/></marker></defs>`,
    `<text x="16" y="28" font-size="18" font-weight="700" fill="#1d2330">${escapeXml(heading.title)}</text>`,
    `<text x="16" y="50" font-size="12" fill="#5b6475">${escapeXml(heading.filters + notShown)}</text>`,
    `<text x="16" y="68" font-size="12" fill="#5b6475">${escapeXml(i18n.global.t('graph.view.asOf', { moment: heading.asOf }))}</text>`,
    `<g transform="translate(${round(offsetX)} ${round(offsetY)})">`
  ]
  for (const line of lines) {
    parts.push(
      `<line x1="${round(line.x1)}" y1="${round(line.y1)}" x2="${round(line.x2)}" y2="${round(line.y2)}" stroke="#8a94a6" stroke-width="1.2" marker-end="url(#graph-arrow)"/>`,
      `<text x="${round(line.midX)}" y="${round(line.midY)}" font-size="9" fill="#5b6475" text-anchor="middle" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(line.labels.join('; '))}</text>`
    )
  }
  for (const node of graph.nodes) {
    const point = layout.positions.get(node.id)
    if (point === undefined) continue
    const look = graphSymbol(node.type, node.distance === 0)
    parts.push(
      `<g transform="translate(${round(point.x)} ${round(point.y)})">`,
      // The full name travels with the node, for viewers that show titles and for text search in the file.
      `<title>${escapeXml(node.label)}</title>`,
      `<path d="${look.path}" fill="${look.colour}" stroke="#1d2330" stroke-width="${node.distance === 0 ? 2 : 1}"/>`,
      `<text y="${node.distance === 0 ? 30 : 24}" font-size="11" fill="#1d2330" text-anchor="middle" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(shortGraphLabel(node))}</text>`,
      `</g>`
    )
  }
  parts.push('</g>')
  types.forEach((type, index) => {
    const look = graphSymbol(type)
    const x = 24 + index * 130
    const y = height - LEGEND_HEIGHT / 2
    parts.push(
      `<g transform="translate(${x} ${round(y)})"><path d="${look.path}" fill="${look.colour}" stroke="#1d2330"/>`,
      `<text x="18" y="4" font-size="11" fill="#1d2330">${escapeXml(domainLabel('recordType', `${type}.singular`))}</text></g>`
    )
  })
  parts.push('</svg>')
  return parts.join('\n')
}

/** How many records the cap left out, as honest as the walk allows ("at least" when it stopped early). */
export function notShownPhrase(graph: RelationshipGraph): string {
  const count = formatCount(graph.notShownCount)
  return graph.isNotShownCountExact ? i18n.global.t('graph.view.notShown', { count }) : i18n.global.t('graph.view.notShownAtLeast', { count })
}

function round(value: number): string {
  return value.toFixed(1)
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}
