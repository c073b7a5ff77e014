export {
  composeExportSvg,
  exportFileName,
  exportFileStem,
  exportOutcomeText,
  exportView,
  headingLines,
  PRINT_SCALE,
  savePicture,
  svgToPng,
  todayAsDay,
  type ExportPart,
  type ViewExportFormat,
  type ViewExportHeading
} from './viewExport'
