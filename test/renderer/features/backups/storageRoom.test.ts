import { describe, expect, it } from 'vitest'
import { gzipSync } from 'fflate'
import { bundleJsonBytesOf, estimatedImportBytes, estimatedRestoreBytes, shortOfRoomFor, shortOfRoomForRestore } from '@renderer/features/backups/storageRoom'

const storageWith = (usage: number | undefined, quota: number | undefined) => ({ estimate: () => Promise.resolve({ usage, quota }) })

describe('shortOfRoomFor', () => {
  it('says how much is needed and free when the estimate leaves too little room', async () => {
    await expect(shortOfRoomFor('import', 5 * 1024 * 1024, storageWith(9 * 1024 * 1024, 10 * 1024 * 1024))).resolves.toBe(
      'This import needs about 5 MB of storage, but only 1 MB is free. Free some disk space, then try again.'
    )
  })

  it('lets the write start when there is room, or when the browser cannot tell', async () => {
    await expect(shortOfRoomFor('import', 1024, storageWith(0, 10 * 1024 * 1024))).resolves.toBeUndefined()
    await expect(shortOfRoomFor('import', 1024, storageWith(undefined, undefined))).resolves.toBeUndefined()
    await expect(shortOfRoomFor('import', 1024, { estimate: () => Promise.reject(new Error('no')) })).resolves.toBeUndefined()
  })
})

describe('estimatedImportBytes', () => {
  it('counts each record twice (row and history) at two bytes a character, plus the backup', () => {
    expect(estimatedImportBytes(1000, 500)).toBe(5000)
  })
})

describe('estimatedRestoreBytes', () => {
  it('counts the bundle put back and a history entry for each record it changes at two bytes a character, plus the safety backup', () => {
    expect(estimatedRestoreBytes(1000, 300)).toBe(4300)
  })
})

describe('bundleJsonBytesOf', () => {
  it('reads the size of a compressed bundle from its gzip trailer, without decompressing it', async () => {
    const json = JSON.stringify({ format: 'precedent-bundle', text: 'x'.repeat(100_000) })
    const gzipped = new Blob([gzipSync(new TextEncoder().encode(json))])
    expect(gzipped.size).toBeLessThan(1000)

    await expect(bundleJsonBytesOf(gzipped)).resolves.toBe(json.length)
  })

  it('takes a plain JSON file at its size', async () => {
    await expect(bundleJsonBytesOf(new Blob(['{"format":"precedent-bundle"}']))).resolves.toBe(29)
  })
})

describe('shortOfRoomForRestore', () => {
  it('refuses a restore from a file whose bundle needs more than the free storage, naming both sizes', async () => {
    const file = new Blob([gzipSync(new TextEncoder().encode(JSON.stringify({ text: 'x'.repeat(300 * 1024) })))])

    await expect(shortOfRoomForRestore({ kind: 'file', file, fileName: 'big.json.gz' }, storageWith(900 * 1024, 1000 * 1024))).resolves.toBe(
      'This restore needs about 1.2 MB of storage, but only 100 KB is free. Free some disk space, then try again.'
    )
    await expect(shortOfRoomForRestore({ kind: 'file', file, fileName: 'big.json.gz' }, storageWith(0, 10 * 1024 * 1024))).resolves.toBeUndefined()
  })
})
