/** The storage layer: the only code that touches Dexie. Features use these, never `dexie` itself. */
export {
  PrecedentDatabase,
  TABLE_OF,
  RECORD_TABLE_NAMES,
  getDatabase,
  setDatabaseEventHandlers,
  UpgradeBackupError,
  type DatabaseEventHandlers,
  type MetaRow,
  type RecordTableName
} from './precedentDatabase'
export { allMigrations, type Migration } from './migrations'
export {
  BundleValidationError,
  DeleteBlockedError,
  RecordNotFoundError,
  ReadOnlyKnowledgeBaseError,
  RecordValidationError,
  RevisionConflictError,
  StorageWriteError,
  type RecordProblem
} from './storageErrors'
export {
  deleteRecord,
  findDeleteImpact,
  findLinksTo,
  findSomeLinksTo,
  readAsOneSnapshot,
  restoreRevision,
  RevisionNotFoundError,
  saveRecord,
  undoLastChange,
  UndoNotPossibleError,
  type DeleteImpact,
  type HistoryOptions,
  type RestoreOptions,
  type UndoOptions,
  type UndoResult,
  type RecordInput,
  type SaveRecordOptions
} from './recordWriter'
export { appendRevisions, getRevision, lastRecordedRevision, lastRecordedRevisions, listRevisions, revisionTable } from './revisionLog'
export {
  feedHeadOf,
  isSameFeedPosition,
  noteUnloggedWrite,
  readChangesSince,
  readFeedHead,
  readFeedPosition,
  REVISION_OVERLAP_MS,
  type FeedChanges,
  type FeedMark,
  type FeedPosition,
  type TableMark
} from './changeFeed'
export { saveRecords, type BatchOptions, type RecordWrite } from './multiRecordWriter'
export { PREFERENCES_KEY, readPreferences, savePreferences, type Preferences } from './preferences'
export { RECORD_SCHEMAS } from '@shared/domain/recordSchemas'
export { compareRecordsOfType, sortRecordsOfType } from './recordOrder'
export {
  compareListOrderKeys,
  createRecordRepository,
  type ListOrder,
  type ListOrderKey,
  type RecordPage,
  type RecordPageRequest,
  type RecordRepository
} from './repositories/recordRepository'
export { LIST_ORDER_FIELDS_OF, type ListOrderField } from './listOrder'
export { findReferrerIds, listOrderKeyOf, readFirstInListOrder } from './referrerPages'
export { createIncidentRepository, type IncidentRepository } from './repositories/incidentRepository'
export { createOrganisationRepository, type OrganisationRepository } from './repositories/organisationRepository'
export { createJurisdictionRepository, type JurisdictionRepository } from './repositories/jurisdictionRepository'
export { createLawRepository, type LawRepository } from './repositories/lawRepository'
export { createResponseRepository, type ResponseRepository } from './repositories/responseRepository'
export { createSourceRepository, type SourceRepository } from './repositories/sourceRepository'
export { seedBundle, type SeedMarker, type SeedOptions, type SeedResult } from './knowledgeBaseSeeder'
export { useLiveQuery, type LiveQuery } from './useLiveQuery'
export { useRecordWriteSignal } from './recordWriteSignal'
export {
  dismissDuplicatePair,
  findIdsMergedInto,
  findMergeOf,
  getMerge,
  listMerges,
  listRevisionsWithMerged,
  mergeRecords,
  MergeNotFoundError,
  MergeUndoBlockedError,
  readDismissedDuplicatePairs,
  resolveRedirect,
  undoMerge,
  type MergeableType,
  type MergedRecordState,
  type MergeEntry,
  type MergeOptions,
  type RedirectRow
} from './recordMerger'
export {
  BACKUPS_KEPT,
  createBackup,
  gzipBlobSink,
  listBackups,
  readBackup,
  readBackupContent,
  readKnowledgeBaseBundle,
  restoreBundle,
  RestoreCancelledError,
  writeKnowledgeBaseBundle,
  writeKnowledgeBaseFile,
  type BackupContent,
  type BackupReason,
  type BackupReasonCode,
  type BackupSummary,
  type BundleTextSink,
  type CreateBackupOptions,
  type RestoreBundleOptions,
  type RestoreResult
} from './backups'
export { META_KEYS_IN_BACKUP, redirectsLeadingToRecords, TABLES_IN_BACKUP, type WorkspaceCounts, type WorkspaceRestoreResult } from './backupWorkspace'
export { SAVED_SEARCHES_KEY } from './metaKeys'
export { BundleReadCancelledError, isGzipFile, looksLikeBundleFile, readBundleFile, type ReadBundleFileOptions } from './bundleFileReader'
export { EXCLUSIVE_WRITE_LOCK, ReleasedWriteLockError, withExclusiveWriteLock, type HeldWriteLock, type LockManagerLike } from './exclusiveWriteLock'
export { BriefingConflictError, createBriefingRepository, type BriefingInput, type BriefingRepository, type BriefingSaveOptions } from './briefingRepository'
export {
  commitImport,
  ImportCancelledError,
  IMPORT_CHUNK_SIZE,
  IMPORT_IN_PROGRESS_KEY,
  readImportInProgress,
  readImportLog,
  rollBackInterruptedImport,
  readRememberedCsvMapping,
  rememberCsvMapping,
  IMPORT_LOG_KEY,
  type ImportCommitOptions,
  type ImportCommitResult,
  type ImportInProgress,
  type ImportLogEntry,
  type ImportRollbackResult
} from './importWriter'
export { readImportNeighbours, readJurisdictionIds } from './importNeighbours'
export {
  countDuplicatePairs,
  duplicatePairTable,
  DUPLICATES_WATERMARK_KEY,
  readDuplicatePairPage,
  type DuplicatePairRow,
  type DuplicatePairType
} from './duplicatePairStore'
export { countRowsInPages, readRowsInPages, ROWS_PER_PAGE } from './readRowsInPages'
export {
  readTeamSyncState,
  resolveTeamConflict,
  syncWithTeam,
  TEAM_SYNC_KEY,
  TeamSyncCancelledError,
  type ResolveTeamConflictOptions,
  type TeamSyncOptions,
  type TeamSyncProgress,
  type TeamSyncResult,
  type TeamSyncState
} from './teamSync'
