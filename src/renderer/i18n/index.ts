export {
  APP_LOCALES,
  applyDocumentLanguage,
  currentLocale,
  dateWords,
  domainLabel,
  errorText,
  formatCount,
  formatLocale,
  formatMoment,
  i18n,
  isAppLocale,
  LOCALE_NAMES,
  problemText,
  setLocale,
  translateMessage,
  type AppLocale,
  type DomainLabelTable
} from './i18n'
