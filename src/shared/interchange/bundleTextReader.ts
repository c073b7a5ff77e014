import { message } from '../locale/message'
import { ImportInputError } from './importProblem'
import { parseJsonSafely } from './parseJsonSafely'

const OPEN_OBJECT = 0x7b // {
const CLOSE_OBJECT = 0x7d // }
const OPEN_ARRAY = 0x5b // [
const CLOSE_ARRAY = 0x5d // ]
const QUOTE = 0x22 // "
const BACKSLASH = 0x5c // \

/** Where record elements sit: document `{` (1) › `records` `{` (2) › collection `[` (3) › element (4). */
const COLLECTION_DEPTH = 3
/**
 * The top-level parts whose lists are read element by element: the records, and the workspace a
 * backup holds beside them (bundle version 2), whose history can be as long as the records.
 */
const STREAMED_PARTS: ReadonlySet<string> = new Set(['records', 'workspace'])

/**
 * Reads a bundle's JSON text chunk by chunk (as it comes out of a DecompressionStream) without
 * ever holding the whole text: each record in `records.<collection>` is cut out and parsed on its
 * own (through the same safe parser as every import), and the rest of the document, a small
 * skeleton with a `0` in each record's place, is parsed at the end and filled in. The result is
 * the same value `JSON.parse` of the whole text would give, for any layout (pretty-printed or one
 * record a line), so old backup files read exactly as before; it is validated by `parseBundle` after.
 * The lists of `workspace` (history entries, merges, briefings…) are read the same way.
 *
 * @throws ImportInputError naming the file and the record (`records.incidents[12]`) that is not JSON
 */
export class BundleTextReader {
  private depth = 0
  private inString = false
  private escaped = false
  /** Container kinds up to the collection depth (`{` or `[`), to know an array holds records. */
  private readonly containers: number[] = []
  /** The last string token at depths 1 and 2: the key a container opened after belongs to. */
  private lastString = ''
  private stringStart = -1
  private stringPart = ''
  private inRecords = false
  private part = ''
  private collection = ''
  private readonly skeleton: string[] = []
  private element: string[] = []
  private elementStart = -1
  private readonly records = new Map<string, unknown[]>()
  private recordCount = 0

  constructor(private readonly fileName: string) {}

  /** How many records have been read so far. */
  get recordsRead(): number {
    return this.recordCount
  }

  /** Reads the next piece of text; pieces may split anywhere, even inside a string or an escape. */
  push(text: string): void {
    let copyFrom = 0
    if (this.elementStart >= 0) this.elementStart = 0
    if (this.stringStart >= 0) this.stringStart = 0
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index)
      if (this.inString) {
        if (this.escaped) this.escaped = false
        else if (code === BACKSLASH) this.escaped = true
        else if (code === QUOTE) {
          this.inString = false
          if (this.stringStart >= 0) {
            this.lastString = this.stringPart + text.slice(this.stringStart, index + 1)
            this.stringStart = -1
            this.stringPart = ''
          }
        }
        continue
      }
      if (code === QUOTE) {
        this.inString = true
        if (this.depth <= 2) this.stringStart = index
      } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
        if (this.depth === COLLECTION_DEPTH && this.inRecords && this.containers[COLLECTION_DEPTH - 1] === OPEN_ARRAY) {
          // A record starts: what came before it belongs to the skeleton, the record to its own parse.
          this.skeleton.push(text.slice(copyFrom, index), '0')
          this.elementStart = index
        }
        this.depth += 1
        if (this.depth <= COLLECTION_DEPTH) this.containers[this.depth - 1] = code
        if (this.depth === 2) {
          this.part = this.keyName()
          this.inRecords = STREAMED_PARTS.has(this.part)
        }
        if (this.depth === COLLECTION_DEPTH && this.inRecords) this.collection = `${this.part}.${this.keyName()}`
      } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
        this.depth -= 1
        if (this.depth === COLLECTION_DEPTH && this.elementStart >= 0) {
          this.element.push(text.slice(this.elementStart, index + 1))
          this.finishRecord()
          this.elementStart = -1
          copyFrom = index + 1
        }
        if (this.depth < 2) this.inRecords = false
      }
    }
    if (this.elementStart >= 0) this.element.push(text.slice(this.elementStart))
    else this.skeleton.push(text.slice(copyFrom))
    if (this.stringStart >= 0) this.stringPart += text.slice(this.stringStart)
  }

  /** The whole document as `JSON.parse` would give it; call once, after the last piece. */
  finish(): unknown {
    if (this.depth !== 0 || this.inString || this.elementStart >= 0) {
      throw new ImportInputError({ file: this.fileName, message: message('importProblems.bundle.cutShort') })
    }
    const document = parseJsonSafely(this.skeleton.join(''), this.fileName) as Record<string, unknown> | null
    for (const [name, parsed] of this.records) {
      // The part names hold no dot; the collection's name may.
      const dot = name.indexOf('.')
      const container = document?.[name.slice(0, dot)]
      const collection = name.slice(dot + 1)
      if (container !== null && typeof container === 'object' && !Array.isArray(container)) {
        const slots = (container as Record<string, unknown>)[collection]
        if (!Array.isArray(slots)) continue
        // Each record's `0` placeholder is replaced in order; the count matches by construction.
        let next = 0
        for (let slot = 0; slot < slots.length; slot += 1) {
          if (slots[slot] === 0 && next < parsed.length) slots[slot] = parsed[next++]
        }
      }
    }
    return document
  }

  private keyName(): string {
    try {
      const key: unknown = JSON.parse(this.lastString)
      return typeof key === 'string' ? key : ''
    } catch {
      return ''
    }
  }

  private finishRecord(): void {
    const text = this.element.join('')
    this.element = []
    const list = this.records.get(this.collection) ?? []
    if (list.length === 0) this.records.set(this.collection, list)
    try {
      list.push(parseJsonSafely(text, this.fileName))
    } catch (error) {
      const reason = error instanceof ImportInputError ? error.problem.message : String(error)
      throw new ImportInputError({
        file: this.fileName,
        message: message('importProblems.bundle.badRecord', { record: `${this.collection}[${list.length}]`, reason })
      })
    }
    this.recordCount += 1
  }
}
