/**
 * The typefaces the app's documents and pictures are set in: one list, so a briefing, a chart and
 * an exported view show Chinese the same way. A CJK family comes first, so that a line mixing
 * Chinese and Latin text is drawn in one face (these faces carry Latin letters too), where it is
 * installed: Noto Sans CJK SC on Linux (and on the test machines), Source Han Sans SC (its Adobe
 * name), PingFang SC on macOS, Microsoft YaHei on Windows; then the system's own sans-serif.
 */
/** The CJK family every Windows has: what Word, mostly on Windows, should fall back to. */
export const WINDOWS_CJK_FONT = 'Microsoft YaHei'

export const CJK_FONT_FAMILIES = ['Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', WINDOWS_CJK_FONT] as const

const LATIN_FONT_FAMILIES = ['system-ui', '-apple-system', 'Segoe UI', 'Roboto', 'Noto Sans', 'sans-serif'] as const

// A name with spaces is quoted; one word (Roboto) and the generic families are written bare.
const quoted = (family: string): string => (family.includes(' ') ? `"${family}"` : family)

/** The `font-family` of the text in exported SVG and PNG pictures. */
export const PICTURE_FONT_FAMILY = [...CJK_FONT_FAMILIES, ...LATIN_FONT_FAMILIES].map(quoted).join(', ')

/** The Latin typeface of a Word document: Word's own default, which every reader of a .docx has or substitutes. */
export const DOCUMENT_LATIN_FONT = 'Calibri'
