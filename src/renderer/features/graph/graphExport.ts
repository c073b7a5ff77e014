import { getDesktopClient, type SaveOutcome } from '@renderer/desktop/desktopClient'
import type { RelationshipGraph } from '@shared/graph/relationshipGraph'
import type { GraphLayout } from './graphForceLayout'
import { relationshipGraphSvg, type GraphExportHeading } from './relationshipGraphSvg'

export type GraphExportFormat = 'svg' | 'png'

// Print resolution: 300 dots per inch over the CSS pixel's 96.
const PNG_SCALE = 300 / 96
// A very large graph is drawn at less than print resolution rather than on a canvas the
// browser refuses (Chromium's limit is 32,767 pixels a side and a few hundred megapixels).
const MAX_PNG_SIDE = 12_000

/**
 * Saves a picture of the graph, as SVG or as a PNG at print resolution, through the desktop
 * client (a save dialog in the app, a download in a browser). `fileStem` names the file without
 * its extension.
 */
export async function exportRelationshipGraph(
  format: GraphExportFormat,
  graph: RelationshipGraph,
  layout: GraphLayout,
  heading: GraphExportHeading,
  fileStem: string
): Promise<SaveOutcome> {
  const svg = relationshipGraphSvg(graph, layout, heading)
  const client = getDesktopClient()
  if (format === 'svg') {
    return client.saveFile({
      suggestedFileName: `${fileStem}.svg`,
      content: svg,
      mimeType: 'image/svg+xml',
      filters: [{ name: 'SVG image', extensions: ['svg'] }]
    })
  }
  return client.saveFile({
    suggestedFileName: `${fileStem}.png`,
    content: await svgToPng(svg, PNG_SCALE),
    mimeType: 'image/png',
    filters: [{ name: 'PNG image', extensions: ['png'] }]
  })
}

/** Draws the SVG on a canvas (the CSP allows blob: images) and reads it back as PNG bytes. */
async function svgToPng(svg: string, scale: number): Promise<Uint8Array<ArrayBuffer>> {
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
