import { open, readdir, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { writeFileAtomically } from '../node/writeFileAtomically'
import { byteSize } from '../shared/interchange/importLimits'
import { ImportInputError } from '../shared/interchange/importProblem'
import { message } from '../shared/locale/message'
import type { CliIo } from './cliIo'

/** The command line's IO on Node: real files, stdout and stderr. */
export function nodeCliIo(): CliIo {
  return {
    async readFile(path, maxBytes) {
      const file = basename(path)
      const info = await stat(path).catch(() => {
        throw new ImportInputError({ file: path, message: message('cli.problems.noSuchFile') })
      })
      if (!info.isFile()) throw new ImportInputError({ file: path, message: message('cli.problems.notAFile') })
      // Checked before reading: a 200 MB file is refused without being loaded.
      if (info.size > maxBytes) {
        throw new ImportInputError({ file, message: message('importProblems.input.tooLarge', { size: byteSize(info.size), limit: byteSize(maxBytes) }) })
      }
      const handle = await open(path, 'r')
      try {
        return new Uint8Array(await handle.readFile())
      } finally {
        await handle.close()
      }
    },
    async listDirectory(path) {
      const info = await stat(path).catch(() => undefined)
      if (info === undefined || !info.isDirectory()) return undefined
      return (await readdir(path)).sort().map((name) => join(path, name))
    },
    // Written beside the target and renamed over it: a crash leaves the old file or the new one, never half of one.
    writeFile: (path, data) => writeFileAtomically(path, data),
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    now: () => new Date().toISOString()
  }
}
