import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { decodeImportText } from '@shared/interchange/decodeImportText'
import { ImportInputError } from '@shared/interchange/importProblem'
import { readImportFileText, type ChosenFile } from '@renderer/features/importing/readImportFileText'
import { describedInEnglish } from '../../../support/words'

/** A file whose stream yields the bytes in the given pieces, as a browser's stream may split them anywhere. */
function fileInPieces(name: string, bytes: Uint8Array, cuts: readonly number[]): ChosenFile {
  const bounds = [0, ...[...new Set(cuts)].filter((cut) => cut > 0 && cut < bytes.length).sort((a, b) => a - b), bytes.length]
  return {
    name,
    size: bytes.length,
    arrayBuffer: () => Promise.reject(new Error('read as a stream')),
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let index = 0; index + 1 < bounds.length; index += 1) controller.enqueue(bytes.slice(bounds[index], bounds[index + 1]))
          controller.close()
        }
      })
  }
}

async function outcome(read: Promise<string>): Promise<string> {
  try {
    return `text:${await read}`
  } catch (error) {
    if (error instanceof ImportInputError) return `error:${describedInEnglish(error.problem)}`
    throw error
  }
}

function sameAsWhole(bytes: Uint8Array): string {
  try {
    return `text:${decodeImportText(bytes, 'f.txt')}`
  } catch (error) {
    return `error:${error instanceof ImportInputError ? describedInEnglish(error.problem) : (error as Error).message}`
  }
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('readImportFileText', () => {
  it('reads a stream split anywhere exactly as decodeImportText reads the whole file', async () => {
    const samples = ['\uFEFFtitle,when\r\nCafé €,2015\rnext\n', 'a\r', '\r\n\r\n中文,😀\n', 'line one\nline two\u0000here', 'x\r\ny\u0000']
    for (const sample of samples) {
      const bytes = encode(sample)
      for (let cut = 0; cut <= bytes.length; cut += 1) {
        expect(await outcome(readImportFileText(fileInPieces('f.txt', bytes, [cut, cut + 1, cut + 3]))), `${JSON.stringify(sample)} cut at ${cut}`).toBe(
          sameAsWhole(bytes)
        )
      }
    }
  })

  it('names the byte offset of an invalid sequence wherever the stream splits it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(fc.constantFrom(0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0xff, 0x0a, 0x0d), fc.integer({ min: 0x20, max: 0x7e })),
          { minLength: 1, maxLength: 40 }
        ),
        fc.array(fc.nat(40), { maxLength: 4 }),
        async (values, cuts) => {
          const bytes = Uint8Array.from(values)
          expect(await outcome(readImportFileText(fileInPieces('f.txt', bytes, cuts)))).toBe(sameAsWhole(bytes))
        }
      ),
      { numRuns: 400 }
    )
  })

  it('refuses a file over the limit before reading it', async () => {
    const file = { name: 'big.json', size: 2 * 1024 ** 3, arrayBuffer: () => Promise.reject(new Error('must not be read')) }
    expect(await outcome(readImportFileText(file))).toBe('error:big.json: The file is 2 GB; files over 1 GB are not imported')
  })
})
