import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nodeCliIo } from '../../src/cli/nodeCliIo'

// The command line writes through the one atomic writer in src/node (tested in test/node); these
// check it is the writer the command line's IO uses: whole files, no temporary file left behind.
describe('nodeCliIo.writeFile', () => {
  let folder: string

  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'precedent-cli-io-'))
  })

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('replaces an existing bundle whole and leaves no temporary file', async () => {
    const target = path.join(folder, 'team.json')
    await writeFile(target, 'old')

    await nodeCliIo().writeFile(target, '{"records":[]}')

    expect(await readFile(target, 'utf8')).toBe('{"records":[]}')
    expect(await readdir(folder)).toEqual(['team.json'])
  })

  it('rejects and removes its temporary file when the target cannot be replaced', async () => {
    const target = path.join(folder, 'taken')
    await mkdir(path.join(target, 'child'), { recursive: true })

    await expect(nodeCliIo().writeFile(target, 'new')).rejects.toThrow()

    expect(await readdir(folder)).toEqual(['taken'])
  })
})
