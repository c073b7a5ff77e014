import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readAiidSnapshotFiles } from '@shared/interchange/adapters/aiidSnapshotFiles'
import { describeImportProblem } from '@shared/interchange/importProblem'

const FOLDER = '../shared/data/aiid-2026-02'
const context = { importedAt: '2026-11-29T00:00:00.000Z', jurisdictionIds: new Set<string>() }
const file = (name: string) => ({ name, text: readFileSync(join(FOLDER, name), 'utf8').replace(/\r\n?/g, '\n') })

describe('readAiidSnapshotFiles', () => {
  it('reads a whole snapshot folder: the three tables it knows, the others named in notices', () => {
    const files = readdirSync(FOLDER).filter((name) => name.endsWith('.csv')).map(file)

    const reading = readAiidSnapshotFiles(files, context)

    expect(reading.candidates.filter((candidate) => candidate.typed.type === 'incident')).toHaveLength(1365)
    const notices = reading.notices.map(describeImportProblem)
    expect(notices).toContainEqual(expect.stringMatching(/^classifications_CSETv1\.csv, row 1, field "[^"]+": The column .* appears more than once .*; this file was not read$/))
    expect(notices).toContainEqual('submissions.csv: This file is not one of the AIID tables Precedent reads (incidents, duplicates, MIT classifications); it was not read')
  })

  it('still refuses a single file whose header row cannot be read, with that reason', () => {
    expect(() => readAiidSnapshotFiles([file('classifications_CSETv1.csv')], context)).toThrow(/appears more than once in the header row/)
  })
})
