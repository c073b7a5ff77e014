export {
  APP_LOCALES,
  applyDocumentLanguage,
  currentLocale,
  dateWords,
  domainLabel,
  formatCount,
  formatLocale,
  formatMoment,
  i18n,
  isAppLocale,
  languageWords,
  LOCALE_NAMES,
  setLocale,
  translateMessage,
  type AppLocale,
  type DomainLabelTable
} from './i18n'
