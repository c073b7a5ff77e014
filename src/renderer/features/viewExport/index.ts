export {
  composeExportSvg,
  exportFileName,
  exportOutcomeText,
  exportView,
  headingLines,
  PRINT_SCALE,
  svgToPng,
  todayAsDay,
  type ExportPart,
  type ViewExportFormat,
  type ViewExportHeading
} from './viewExport'
