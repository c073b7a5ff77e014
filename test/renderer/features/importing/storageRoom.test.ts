import { describe, expect, it } from 'vitest'
import { estimatedImportBytes, shortOfRoomFor } from '@renderer/features/importing/storageRoom'

const storageWith = (usage: number | undefined, quota: number | undefined) => ({ estimate: () => Promise.resolve({ usage, quota }) })

describe('shortOfRoomFor', () => {
  it('says how much is needed and free when the estimate leaves too little room', async () => {
    await expect(shortOfRoomFor(5 * 1024 * 1024, storageWith(9 * 1024 * 1024, 10 * 1024 * 1024))).resolves.toBe(
      'This import needs about 5 MB of storage, but only 1 MB is free. Free some disk space, then try again.'
    )
  })

  it('lets the write start when there is room, or when the browser cannot tell', async () => {
    await expect(shortOfRoomFor(1024, storageWith(0, 10 * 1024 * 1024))).resolves.toBeUndefined()
    await expect(shortOfRoomFor(1024, storageWith(undefined, undefined))).resolves.toBeUndefined()
    await expect(shortOfRoomFor(1024, { estimate: () => Promise.reject(new Error('no')) })).resolves.toBeUndefined()
  })
})

describe('estimatedImportBytes', () => {
  it('counts each record twice (row and history) at two bytes a character, plus the backup', () => {
    expect(estimatedImportBytes(1000, 500)).toBe(5000)
  })
})
