import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readAiidSnapshotFiles } from '@shared/interchange/adapters/aiidSnapshotFiles'
import { sharedData } from '../../../support/sharedData'
import { describedInEnglish as describeImportProblem, thrownInEnglish } from '../../../support/words'

const aiidFolder = sharedData('aiid-2026-02')
const context = { importedAt: '2026-11-29T00:00:00.000Z', jurisdictionIds: new Set<string>() }
const file = (name: string) => ({ name, text: readFileSync(aiidFolder.child(name), 'utf8').replace(/\r\n?/g, '\n') })

describe('readAiidSnapshotFiles with a table whose header row cannot be read', () => {
  // CSETv1 in the real snapshot repeats a column name; this small table does the same.
  const repeatedColumn = { name: 'classifications_CSETv1.csv', text: 'Namespace,Incident ID,Notes,Notes\nCSETv1,1,a,b\n' }
  const incidents = {
    name: 'incidents.csv',
    text: '_id,incident_id,date,reports,Alleged deployer of AI system,Alleged developer of AI system,Alleged harmed or nearly harmed parties,description,title\nObjectId(625763db343edc875fe63901),1,2015-05-19,"[2]","[""youtube""]","[""youtube""]","[""children""]",Description.,Incident 1\n'
  }

  it('names that table in a notice and reads the others', () => {
    const reading = readAiidSnapshotFiles([repeatedColumn, incidents], context)
    expect(reading.candidates.filter((candidate) => candidate.typed.type === 'incident')).toHaveLength(1)
    expect(reading.notices.map(describeImportProblem)).toContainEqual(
      'classifications_CSETv1.csv, row 1, field "Notes": The column "Notes" appears more than once in the header row; this file was not read'
    )
  })

  it('refuses it when it is the only file, with that reason', () => {
    expect(thrownInEnglish(() => readAiidSnapshotFiles([repeatedColumn], context))).toMatch(/appears more than once in the header row/)
  })
})

describe.skipIf(!aiidFolder.present)('readAiidSnapshotFiles on the AIID snapshot folder of February 2026', () => {
  it('reads a whole snapshot folder: the three tables it knows, the others named in notices', () => {
    const files = readdirSync(aiidFolder.path)
      .filter((name) => name.endsWith('.csv'))
      .map(file)

    const reading = readAiidSnapshotFiles(files, context)

    expect(reading.candidates.filter((candidate) => candidate.typed.type === 'incident')).toHaveLength(1365)
    const notices = reading.notices.map(describeImportProblem)
    expect(notices).toContainEqual(
      expect.stringMatching(/^classifications_CSETv1\.csv, row 1, field "[^"]+": The column .* appears more than once .*; this file was not read$/)
    )
    expect(notices).toContainEqual(
      'submissions.csv: This file is not one of the AIID tables Precedent reads (incidents, duplicates, MIT classifications); it was not read'
    )
  })

  it('still refuses a single file whose header row cannot be read, with that reason', () => {
    expect(thrownInEnglish(() => readAiidSnapshotFiles([file('classifications_CSETv1.csv')], context))).toMatch(/appears more than once in the header row/)
  })
})
