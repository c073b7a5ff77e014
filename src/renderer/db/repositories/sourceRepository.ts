import type { Source } from '@shared/domain/source'
import type { PrecedentDatabase } from '../precedentDatabase'
import { createRecordRepository } from './recordRepository'

/** Publications cited by records. */
export function createSourceRepository(db: PrecedentDatabase) {
  const base = createRecordRepository(db, 'source')
  return {
    ...base,
    /** A source already stored with this address, to reuse it instead of adding a duplicate. */
    findByUrl: async (url: string): Promise<Source | undefined> => (await base.list()).find((source) => source.url === url)
  }
}

export type SourceRepository = ReturnType<typeof createSourceRepository>
