import { config } from '@vue/test-utils'
import { i18n } from '@renderer/i18n'

// Every component is mounted with the app's i18n, as main.ts installs it; tests run in English
// (happy-dom's navigator asks for en-US) unless a test switches the language.
config.global.plugins.push(i18n)
