// The option builder lives in shared/, where the views worker can use it too.
export { pickerOptionOf } from '@shared/domain/recordPickerOption'
