export { APP_LOCALES, applyDocumentLanguage, currentLocale, dateWords, formatCount, i18n, isAppLocale, LOCALE_NAMES, setLocale, type AppLocale } from './i18n'
