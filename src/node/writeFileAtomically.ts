import { randomUUID } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import path from 'node:path'

/**
 * Writes `data` to `filePath` so that the file is either its old self or wholly the new content,
 * never half written: a temporary file beside the target (same volume, so rename is atomic) is
 * written, flushed to disk, then renamed over the target. The temporary file is removed on failure.
 */
export async function writeFileAtomically(filePath: string, data: string | Uint8Array): Promise<void> {
  const temporaryPath = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${randomUUID()}.tmp`)
  try {
    // 'wx' fails rather than follow a symlink or reuse a file planted at the temporary name.
    const file = await open(temporaryPath, 'wx', 0o644)
    try {
      await file.writeFile(data)
      await file.sync()
    } finally {
      await file.close()
    }
    await rename(temporaryPath, filePath)
  } catch (error) {
    await rm(temporaryPath, { force: true })
    throw error
  }
}
