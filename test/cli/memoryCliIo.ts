import { readFileSync, statSync } from 'node:fs'
import { byteSize } from '@shared/interchange/importLimits'
import { ImportInputError } from '@shared/interchange/importProblem'
import { message } from '@shared/locale/message'
import type { CliIo } from '../../src/cli/cliIo'

/** A CliIo over an in-memory file system (falling back to real files for reading fixtures), recording output. */
export function memoryCliIo(files: Record<string, string | Uint8Array> = {}) {
  const written = new Map<string, string | Uint8Array>(Object.entries(files))
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = {
    async readFile(path, maxBytes) {
      const stored = written.get(path)
      if (stored !== undefined) {
        const bytes = typeof stored === 'string' ? new TextEncoder().encode(stored) : stored
        if (bytes.length > maxBytes) {
          throw new ImportInputError({
            file: path,
            message: message('importProblems.input.tooLarge', { size: byteSize(bytes.length), limit: byteSize(maxBytes) })
          })
        }
        return bytes
      }
      if (statSync(path, { throwIfNoEntry: false })?.isFile() !== true) throw new ImportInputError({ file: path, message: message('cli.problems.noSuchFile') })
      return new Uint8Array(readFileSync(path))
    },
    async listDirectory(path) {
      const prefix = `${path}/`
      const inside = [...written.keys()].filter((name) => name.startsWith(prefix)).sort()
      return inside.length > 0 ? inside : undefined
    },
    async writeFile(path, data) {
      written.set(path, data)
    },
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    now: () => '2026-11-29T12:00:00.000Z'
  }
  return {
    io,
    out,
    err,
    text: (path: string): string => {
      const data = written.get(path)
      if (data === undefined) throw new Error(`${path} was not written`)
      return typeof data === 'string' ? data : new TextDecoder().decode(data)
    },
    written
  }
}
