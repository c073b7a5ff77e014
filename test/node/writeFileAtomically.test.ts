import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFileAtomically } from '../../src/node/writeFileAtomically'

describe('writeFileAtomically', () => {
  let folder: string

  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'precedent-atomic-'))
  })

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('writes text as UTF-8', async () => {
    const target = path.join(folder, 'briefing.md')

    await writeFileAtomically(target, '# Briefing – CNIL')

    expect(await readFile(target, 'utf8')).toBe('# Briefing – CNIL')
  })

  it('writes bytes unchanged', async () => {
    const target = path.join(folder, 'export.bin')

    await writeFileAtomically(target, new Uint8Array([0, 255, 10, 13]))

    expect([...(await readFile(target))]).toEqual([0, 255, 10, 13])
  })

  it('replaces an existing file and leaves no temporary file behind', async () => {
    const target = path.join(folder, 'incidents.csv')
    await writeFile(target, 'old')

    await writeFileAtomically(target, 'new')

    expect(await readFile(target, 'utf8')).toBe('new')
    expect(await readdir(folder)).toEqual(['incidents.csv'])
  })

  it('rejects and removes its temporary file when the rename fails', async () => {
    // A non-empty directory at the target makes rename() fail after the data was written.
    const target = path.join(folder, 'taken')
    await mkdir(path.join(target, 'child'), { recursive: true })

    await expect(writeFileAtomically(target, 'new')).rejects.toThrow()

    expect(await readdir(folder)).toEqual(['taken'])
  })
})
