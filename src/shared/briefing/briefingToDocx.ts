import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild
} from 'docx'
import { CJK_FONT_FAMILIES, DOCUMENT_LATIN_FONT, WINDOWS_CJK_FONT } from '../lib/fontFamilies'
import type { BriefingBlock, BriefingDocument, BriefingFurniture, BriefingInline } from './briefingDocument'
import { briefingLinkTarget } from './briefingSafeLink'

/** A PNG of the timeline and its size in pixels. */
export interface BriefingDocxImage {
  readonly png: Uint8Array
  readonly width: number
  readonly height: number
}

export interface BriefingDocxOptions {
  readonly timelineImage?: BriefingDocxImage
}

const NUMBERING_REFERENCE = 'briefing-paragraphs'
/** Twips (1/1440 inch): where numbered paragraphs' text starts. */
const NUMBER_INDENT = 567
/** The widest a picture is drawn: A4 text width at 96 pixels to the inch. */
const MAX_IMAGE_WIDTH = 600

/**
 * The document's fonts, for a reader who lacks one: Chinese text is set in the first CJK family
 * (the styles' East Asian font), and its entry names Windows' own as the alternative and says it is a
 * Chinese face (charset 86, GB 2312), so Word substitutes a Chinese font rather than a Latin one;
 * the other CJK families follow, as the font stack of the pictures lists them.
 */
const FONT_TABLE = (() => {
  const [first, ...others] = CJK_FONT_FAMILIES
  const chinese = (name: string, altName?: string): string =>
    `<w:font w:name="${name}">${altName === undefined ? '' : `<w:altName w:val="${altName}"/>`}<w:charset w:val="86"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>`
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">',
    `<w:font w:name="${DOCUMENT_LATIN_FONT}"><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>`,
    chinese(first, WINDOWS_CJK_FONT),
    ...others.map((name) => chinese(name)),
    '</w:fonts>'
  ].join('')
})()

// XML 1.0 cannot carry most control characters or lone surrogates; records never hold them, but a
// document built by other code might, and one bad character would make the whole file unreadable.
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

function xmlText(text: string): string {
  return text.replace(XML_ILLEGAL, '\uFFFD').replace(/\s*\n\s*/g, ' ')
}

/** User text goes only into text runs: never field codes, never raw XML (the library escapes run text). */
function inlineRuns(inline: BriefingInline): ParagraphChild[] {
  switch (inline.kind) {
    case 'text':
      return [new TextRun({ text: xmlText(inline.text), bold: inline.strong === true, italics: inline.emphasis === true })]
    case 'link': {
      const target = briefingLinkTarget(inline.url)
      const text = new TextRun({ text: xmlText(inline.text), ...(target === null ? {} : { style: 'Hyperlink' }) })
      return target === null ? [text] : [new ExternalHyperlink({ link: target, children: [text] })]
    }
    case 'footnote-ref':
      return [new FootnoteReferenceRun(inline.number)]
    case 'line-break':
      return [new TextRun({ break: 1 })]
  }
}

function runsOf(content: readonly BriefingInline[]): ParagraphChild[] {
  // Adjacent note references are separated ("1,2,3"), or they would read as one number.
  return content.flatMap((inline, index) =>
    inline.kind === 'footnote-ref' && content[index - 1]?.kind === 'footnote-ref'
      ? [new TextRun({ text: ',', superScript: true }), ...inlineRuns(inline)]
      : inlineRuns(inline)
  )
}

/** The picture as it is drawn, and the words that name and describe it. */
interface DocxPicture {
  readonly image: BriefingDocxImage | undefined
  readonly furniture: BriefingFurniture
}

function imageParagraph(image: BriefingDocxImage, furniture: BriefingFurniture): Paragraph {
  const scale = Math.min(1, MAX_IMAGE_WIDTH / Math.max(image.width, 1))
  return new Paragraph({
    children: [
      new ImageRun({
        type: 'png',
        data: image.png,
        transformation: { width: Math.max(1, Math.round(image.width * scale)), height: Math.max(1, Math.round(image.height * scale)) },
        altText: { name: furniture.timelineName, title: furniture.timelineName, description: furniture.timelineDescription }
      })
    ]
  })
}

function blockElements(block: BriefingBlock, picture: DocxPicture): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: block.level === 3 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3, children: [new TextRun(xmlText(block.text))] })]
    case 'paragraph':
      return [
        new Paragraph({
          children: runsOf(block.content),
          ...(block.style === 'continuation' ? { indent: { left: NUMBER_INDENT } } : {})
        })
      ]
    case 'numbered-paragraph':
      // Real Word numbering, so paragraphs renumber themselves when the reader edits the document.
      return [new Paragraph({ children: runsOf(block.content), numbering: { reference: NUMBERING_REFERENCE, level: 0 } })]
    case 'list':
      return block.items.map((item) => new Paragraph({ children: runsOf(item), bullet: { level: 0 } }))
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({
              tableHeader: true,
              children: block.columns.map(
                (column) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: xmlText(column), bold: true })] })] })
              )
            }),
            ...block.rows.map(
              (row) => new TableRow({ cantSplit: true, children: row.map((cell) => new TableCell({ children: [new Paragraph({ children: runsOf(cell) })] })) })
            )
          ]
        }),
        new Paragraph({ children: [] })
      ]
    case 'timeline-image':
      return picture.image === undefined ? [] : [imageParagraph(picture.image, picture.furniture)]
  }
}

/**
 * The briefing as a Word document: Title, subtitle and "As of" line; each section a Heading 1 and
 * the author's headings Heading 2; summary paragraphs with real Word numbering; the chronology as a
 * table; real footnotes; the timeline picture when given. Record and author text is only ever run
 * text — no field codes, DDE, altChunk or attached template — and links are made only for https:
 * and mailto: (other addresses stay visible as text). Returns the .docx bytes; works in Node and
 * in the browser alike.
 */
export async function briefingToDocx(doc: BriefingDocument, options: BriefingDocxOptions = {}): Promise<Uint8Array> {
  const picture: DocxPicture = { image: options.timelineImage, furniture: doc.furniture }
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(xmlText(doc.title))] }),
    ...(doc.subtitle === '' ? [] : [new Paragraph({ children: [new TextRun({ text: xmlText(doc.subtitle), italics: true })] })]),
    new Paragraph({ children: [new TextRun({ text: xmlText(doc.asOfText), bold: true })] }),
    ...doc.preamble.flatMap((block) => blockElements(block, picture))
  ]
  for (const section of doc.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(xmlText(section.title))] }))
    for (const block of section.blocks) children.push(...blockElements(block, picture))
  }
  const footnotes = Object.fromEntries(doc.footnotes.map((note) => [String(note.number), { children: [new Paragraph({ children: runsOf(note.content) })] }]))
  const document = new Document({
    title: xmlText(doc.title),
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: DOCUMENT_LATIN_FONT, hAnsi: DOCUMENT_LATIN_FONT, cs: DOCUMENT_LATIN_FONT, eastAsia: CJK_FONT_FAMILIES[0] },
            language: { value: doc.furniture.formatLocale, eastAsia: 'zh-CN' }
          }
        }
      }
    },
    numbering: {
      config: [
        {
          reference: NUMBERING_REFERENCE,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: NUMBER_INDENT, hanging: NUMBER_INDENT } } }
            }
          ]
        }
      ]
    },
    footnotes,
    sections: [{ children }]
  })
  return new Uint8Array(await Packer.toArrayBuffer(document, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]))
}
