import { computed, nextTick, onBeforeUnmount, onMounted, reactive, ref, type Ref } from 'vue'
import { i18n, problemText } from '@renderer/i18n'
import type { RecordOfType, RecordType } from '@shared/domain/recordTypes'
import type { FieldProblem } from './formDraft'
import { draftKey, registerOpenDraft, takeKeptDraft } from './keptDrafts'
import { repositories } from './knowledgeBase'
import { useRecordsStore, type RecordAmendment } from './recordsStore'

/** What a record form needs to know about its draft: how to make, fill, read and check it. */
export interface RecordFormSpec<T extends RecordType, Draft extends object, Field extends string> {
  readonly type: T
  readonly emptyDraft: () => Draft
  readonly draftFrom: (record: RecordOfType[T]) => Draft
  /** The draft as record input; fields of `base` the form does not edit must be kept. */
  readonly inputFrom: (draft: Draft, base: RecordOfType[T] | undefined) => Record<string, unknown>
  readonly validate: (draft: Draft) => Partial<Record<Field, string>>
  readonly fieldOfPath: (path: string) => Field | undefined
  /** A sentence naming the record, e.g. "this organisation". */
  readonly noun: string
}

export interface RecordFormOptions<T extends RecordType, Draft> {
  /** The id of the record being edited; undefined when creating one. */
  readonly id: () => string | undefined
  readonly formElement: Ref<HTMLElement | undefined>
  /** Fills a new draft, e.g. from the page's query (`/responses/new?incident=…`). */
  readonly prefill?: (draft: Draft) => void
  /** Runs after the record is loaded, e.g. to read relationships stored on other records. */
  readonly afterLoad?: (record: RecordOfType[T], draft: Draft) => Promise<void> | void
  /** Changes to other records to save with this one (relationships stored on the other end). */
  readonly amendments?: (id: string, draft: Draft) => readonly RecordAmendment[]
  readonly onSaved: (record: RecordOfType[T]) => Promise<void> | void
}

/**
 * The behaviour every record form shares: a draft holding exactly what was typed, errors shown
 * under a field once it was left or a save was tried, focus on the first invalid field, a save
 * that reports conflicts (load theirs, or save mine over theirs) and keeps the input on failure.
 */
export function useRecordForm<T extends RecordType, Draft extends object, Field extends string>(
  spec: RecordFormSpec<T, Draft, Field>,
  options: RecordFormOptions<T, Draft>
) {
  const store = useRecordsStore()
  const draft = reactive(spec.emptyDraft()) as Draft
  const base = ref<RecordOfType[T]>() as Ref<RecordOfType[T] | undefined>
  const isLoaded = ref(options.id() === undefined)
  const loadError = ref<string>()
  const touched = reactive(new Set<string>())
  const hasTriedToSave = ref(false)
  const serverErrors = ref<Partial<Record<Field, string>>>({})
  const saveError = ref<string>()
  const conflict = ref<RecordOfType[T]>() as Ref<RecordOfType[T] | undefined>
  /** True when the draft shown is what was typed before a newer window made this one reload. */
  const wasKeptOverReload = ref(false)
  let unregisterDraft: (() => void) | undefined

  // The draft as opened is the pristine one; what was kept before a reload then goes on top of it.
  function offerKeptDraft(id: string | undefined): void {
    const key = draftKey(spec.type, id)
    unregisterDraft = registerOpenDraft(key, () => draft)
    const kept = takeKeptDraft(key)
    if (kept === undefined) return
    Object.assign(draft, kept)
    wasKeptOverReload.value = true
  }
  onBeforeUnmount(() => unregisterDraft?.())

  onMounted(async () => {
    const id = options.id()
    if (id === undefined) {
      options.prefill?.(draft)
      offerKeptDraft(undefined)
      return
    }
    const record = (await repositories[spec.type].get(id as never)) as RecordOfType[T] | undefined
    if (record === undefined) {
      loadError.value = i18n.global.t('records.form.notFound')
      return
    }
    base.value = record
    Object.assign(draft, spec.draftFrom(record))
    await options.afterLoad?.(record, draft)
    offerKeptDraft(id)
    isLoaded.value = true
  })

  const clientErrors = computed(() => spec.validate(draft))
  const errors = computed(() => {
    const shown: Partial<Record<Field, string>> = {}
    for (const [field, message] of Object.entries({ ...clientErrors.value, ...serverErrors.value }) as [Field, string][]) {
      if (hasTriedToSave.value || touched.has(field)) shown[field] = message
    }
    return shown
  })
  const errorCount = computed(() => Object.keys(errors.value).length)

  function touch(field: Field): void {
    touched.add(field)
    const remaining = { ...serverErrors.value }
    delete remaining[field]
    serverErrors.value = remaining
  }

  async function focusFirstError(): Promise<void> {
    await nextTick()
    options.formElement.value?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }

  function problemsByField(problems: readonly FieldProblem[]): Partial<Record<Field, string>> {
    const found: Partial<Record<Field, string>> = {}
    for (const problem of problems) {
      const field = spec.fieldOfPath(problem.path)
      if (field !== undefined && found[field] === undefined) found[field] = problemText(problem)
    }
    return found
  }

  async function save(saveOptions: { overwrite?: boolean } = {}): Promise<void> {
    hasTriedToSave.value = true
    saveError.value = undefined
    if (Object.keys(clientErrors.value).length > 0) {
      await focusFirstError()
      return
    }
    const expectedRevision = saveOptions.overwrite && conflict.value ? conflict.value.revision : base.value?.revision
    const result = await store.saveRecord(spec.type, spec.inputFrom(draft, base.value), expectedRevision, (id) => options.amendments?.(id, draft) ?? [])
    if (result.ok) {
      conflict.value = undefined
      wasKeptOverReload.value = false
      base.value = result.record
      await options.onSaved(result.record)
      return
    }
    switch (result.reason) {
      case 'invalid':
        serverErrors.value = problemsByField(result.problems)
        saveError.value = i18n.global.t('records.form.notSavedProblems', {
          problems: result.problems.map(problemText).join(i18n.global.t('problems.separator'))
        })
        await focusFirstError()
        break
      case 'conflict':
        if (result.current.id === base.value?.id) {
          conflict.value = result.current as RecordOfType[T]
        } else {
          saveError.value = i18n.global.t('records.form.notSavedLinkedConflict')
        }
        break
      case 'failed':
        // Storage errors are whole sentences for the person ("Not saved: the disk … is full …"); others get the frame.
        saveError.value = result.isWholeSentence === true ? result.message : i18n.global.t('records.form.notSavedFailed', { message: result.message })
        break
    }
  }

  async function loadTheirVersion(): Promise<void> {
    if (conflict.value === undefined) return
    base.value = conflict.value
    Object.assign(draft, spec.draftFrom(conflict.value))
    await options.afterLoad?.(conflict.value, draft)
    conflict.value = undefined
  }

  const isSaving = computed(() => store.isSaving)

  /** Everything RecordFormShell shows and does, in one object: pass it as its `form` prop. */
  const formShell: RecordFormShellState = reactive({
    isLoaded,
    isSaving,
    loadError,
    errorCount,
    hasTriedToSave,
    saveError,
    hasConflict: computed(() => conflict.value !== undefined),
    wasKeptOverReload,
    save,
    loadTheirVersion
  })

  return {
    draft,
    base,
    isLoaded,
    loadError,
    errors,
    errorCount,
    hasTriedToSave,
    saveError,
    conflict,
    isSaving,
    touch,
    save,
    loadTheirVersion,
    formShell
  }
}

/** The state and actions a record form's frame needs (see RecordFormShell.vue). */
export interface RecordFormShellState {
  /** False while an existing record is being read into the draft: typing then would be overwritten. */
  readonly isLoaded: boolean
  readonly isSaving: boolean
  readonly loadError: string | undefined
  readonly errorCount: number
  readonly hasTriedToSave: boolean
  readonly saveError: string | undefined
  readonly hasConflict: boolean
  /** The draft was typed before another window updated Precedent and this one reloaded. */
  readonly wasKeptOverReload: boolean
  readonly save: (options?: { overwrite?: boolean }) => Promise<void>
  readonly loadTheirVersion: () => Promise<void>
}
