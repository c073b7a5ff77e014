// The record kit: what every feature uses to read, route to, pick and edit records. It sits below
// the features and imports none of them (eslint.config.mjs; docs/ARCHITECTURE.md).
export { recordRoute } from './recordRoute'
export { recordNoun, nounInWords } from './recordNouns'
export { repositories, loadFirstInListOrder, loadReferrerIds, loadTypedRecord, loadTypedRecords, readConsistently } from './knowledgeBase'
export { useRecord, useRecordList } from './useRecord'
export { useJurisdictionNames } from './useJurisdictionNames'
export { linkRelationText, relationWords, type RelationWords } from './relationWords'
export { lawProvisionText, provisionText } from './provisionWords'
export { useLinkedNames, useRecordListView } from './useRecordListView'
export { recordFinder, useChosenLabel, useChosenOptions, useChosenRecords } from './usePickerOptions'
export { writeOptions } from './writeOptions'
export { useAuthorName, currentAuthorName, readAuthorName } from './useAuthorName'
export { loadRecordSet, type TypedRecordLoader } from './loadRecordSet'
export { useRecordForm, type RecordFormSpec } from './useRecordForm'
export { useRecordDeletion } from './useRecordDeletion'
export { amendmentOf, useRecordsStore, type RecordAmendment, type SaveResult } from './recordsStore'
export { splitList, optionalText, problemsByField, validateInput, headOfPath, type FieldProblem } from './formDraft'
export { field, emptyPlainDraft, plainDraftFrom, plainInputFrom, fieldsOfKind, labelsOf, choiceOptions, type FieldTableOf, type PlainDraft } from './fieldTable'
export { originalDraftFrom, originalInputFrom, originalFieldOfPath, type OriginalTextDraft } from './originalTextDraft'
export { endLinksOf, storedLinksOf, type EndLink } from './twoEndedLinks'
export { useInverseLinks } from './useInverseLinks'
export {
  citationDraftFrom,
  citationInputFrom,
  provisionReferenceDraftFrom,
  provisionReferenceInputFrom,
  type CitationDraft,
  type ProvisionReferenceDraft
} from './linkDrafts'
export { draftKey, keepChangedDrafts, registerOpenDraft, takeKeptDraft, type DraftStorage } from './keptDrafts'
export { default as RecordDetailFrame } from './RecordDetailFrame.vue'
export { default as RecordLink } from './RecordLink.vue'
export { default as RecordFormShell } from './RecordFormShell.vue'
export { default as OriginalTextFields } from './OriginalTextFields.vue'
export { default as RecordDeletePanel } from './RecordDeletePanel.vue'
export { default as PartialDateField } from './PartialDateField.vue'
export { default as ProvisionReferencesEditor } from './ProvisionReferencesEditor.vue'
export { default as CitationsEditor } from './CitationsEditor.vue'
export { default as RecordLinkForm } from './RecordLinkForm.vue'
export { default as RecordChoiceList } from './RecordChoiceList.vue'
export { default as RecordListFilter } from './RecordListFilter.vue'
export { default as RecordListFrame } from './RecordListFrame.vue'
export { default as LinkRowsEditor } from './LinkRowsEditor.vue'
