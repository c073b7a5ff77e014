import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, symbolWye, symbolCross, type SymbolType } from 'd3-shape'
import type { RecordType } from '@shared/domain/recordTypes'

/** How a record type is drawn: a colour and a shape, so the type reads without colour too. */
export interface GraphSymbol {
  readonly colour: string
  readonly shapeName: string
  /** An SVG path centred on (0, 0). */
  readonly path: string
}

// Colours from a colour-blind-safe palette (Okabe–Ito); the shape carries the type as well.
const LOOKS: Record<RecordType, { readonly colour: string; readonly shape: SymbolType; readonly shapeName: string }> = {
  incident: { colour: '#d55e00', shape: symbolSquare, shapeName: 'square' },
  organisation: { colour: '#0072b2', shape: symbolCircle, shapeName: 'circle' },
  jurisdiction: { colour: '#009e73', shape: symbolWye, shapeName: 'three-pointed star' },
  law: { colour: '#cc79a7', shape: symbolDiamond, shapeName: 'diamond' },
  response: { colour: '#e69f00', shape: symbolTriangle, shapeName: 'triangle' },
  source: { colour: '#6b7280', shape: symbolCross, shapeName: 'cross' }
}

/** The start record is drawn larger, so the eye finds where the graph began. */
export function graphSymbol(type: RecordType, isStart = false): GraphSymbol {
  const look = LOOKS[type]
  const area = isStart ? 900 : 380
  return { colour: look.colour, shapeName: look.shapeName, path: symbol(look.shape, area)() ?? '' }
}
