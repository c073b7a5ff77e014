import type { SaveOutcome } from '@renderer/desktop/desktopClient'
import type { RelationshipGraph } from '@shared/graph/relationshipGraph'
import type { GraphLayout } from './graphForceLayout'
import { relationshipGraphSvg, type GraphExportHeading } from './relationshipGraphSvg'
import { savePicture } from '../viewExport'

export type GraphExportFormat = 'svg' | 'png'

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
  return savePicture(relationshipGraphSvg(graph, layout, heading), fileStem, format)
}
