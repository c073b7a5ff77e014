import { describe, expect, it } from 'vitest'
import { RecordValidationError, StorageWriteError } from '@renderer/db'
import {
  BundleValidationError,
  DeleteBlockedError,
  ReadOnlyKnowledgeBaseError,
  RecordNotFoundError,
  RevisionConflictError,
  toStorageError
} from '@renderer/db/storageErrors'
import { RevisionNotFoundError, UndoNotPossibleError } from '@renderer/db/recordWriter'
import { errorText, setLocale, translateMessage } from '@renderer/i18n'
import { message } from '@shared/locale/message'
import { anIncident } from '../../builders/domain'

describe('toStorageError', () => {
  it('explains an aborted transaction caused by a full disk as full storage', () => {
    const aborted = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: new DOMException('Quota exceeded', 'QuotaExceededError')
    })

    const error = toStorageError(aborted)

    expect(error).toBeInstanceOf(StorageWriteError)
    expect((error as StorageWriteError).isQuotaExceeded).toBe(true)
  })

  it('explains any other aborted transaction as not saved, keeping the cause', () => {
    const aborted = Object.assign(new Error('Transaction aborted'), { name: 'AbortError' })

    const error = toStorageError(aborted) as StorageWriteError

    expect(error.message).toMatch(/^Not saved:/)
    expect(error.isQuotaExceeded).toBe(false)
    expect(error.cause).toBe(aborted)
  })

  it('lets the storage layer’s own errors through unchanged', () => {
    const invalid = new RecordValidationError([
      { path: 'title', message: 'Title is required', problem: message('problems.required', { field: message('problems.fields.title') }) }
    ])

    expect(toStorageError(invalid)).toBe(invalid)
  })
})

describe('the storage layer’s errors, as the page shows them', () => {
  it('say a full disk in the interface language', () => {
    const full = toStorageError(Object.assign(new Error('Transaction aborted'), { name: 'QuotaExceededError' })) as StorageWriteError

    expect(translateMessage(full.reason, 'zh-CN')).toBe('未保存：磁盘或浏览器存储空间已满。请释放空间后重试；您的修改仍保留在表单中。')
    expect(translateMessage(full.reason, 'en')).toBe(
      'Not saved: the disk or browser storage is full. Free some space, then try again; your changes are still in the form.'
    )
    setLocale('zh-CN')
    try {
      expect(errorText(full)).toBe('未保存：磁盘或浏览器存储空间已满。请释放空间后重试；您的修改仍保留在表单中。')
      expect(errorText(new Error('Anything else'))).toBe('Anything else')
    } finally {
      setLocale('en')
    }
  })

  it('say a record changed in another window in Chinese, naming the revisions', () => {
    const conflict = new RevisionConflictError(anIncident({ id: 'inc-1', revision: 4 }), 3)

    expect(translateMessage(conflict.reason, 'zh-CN')).toBe('“inc-1”已在别处被修改：已存储的是第 4 版，本次编辑基于第 3 版')
  })

  // The errors keep their English sentence as their own message (for the log): the English catalogue says the same.
  it('say in English exactly what their own message says', () => {
    const problem = {
      path: 'organisations[0].organisationId',
      message: 'No organisation with the id "org-x" exists',
      problem: message('problems.storage.noSuch.organisation', { id: 'org-x' })
    }
    const errors = [
      toStorageError(Object.assign(new Error('x'), { name: 'QuotaExceededError' })),
      toStorageError(Object.assign(new Error('x'), { name: 'AbortError' })),
      new ReadOnlyKnowledgeBaseError(),
      new RevisionConflictError(anIncident({ id: 'inc-1', revision: 4 }), 3),
      new RevisionConflictError(anIncident({ id: 'inc-1' }), undefined),
      new RecordNotFoundError('inc-9'),
      new DeleteBlockedError('CN', [{ type: 'incident', record: anIncident({ id: 'inc-1' }) }]),
      new DeleteBlockedError('CN', [
        { type: 'incident', record: anIncident({ id: 'inc-1' }) },
        { type: 'incident', record: anIncident({ id: 'inc-2' }) }
      ]),
      new RecordValidationError([problem, { ...problem, path: '' }]),
      new BundleValidationError([problem]),
      new RevisionNotFoundError('rev-1'),
      new RevisionNotFoundError('rev-1', true),
      new UndoNotPossibleError('This record has no recorded changes to undo', message('problems.storage.nothingToUndo')),
      new UndoNotPossibleError('The last change was a merge; undo it from the merge itself', message('problems.storage.undoMerge'))
    ] as { message: string; reason: Parameters<typeof translateMessage>[0] }[]
    for (const error of errors) expect(translateMessage(error.reason, 'en')).toBe(error.message)
  })
})
