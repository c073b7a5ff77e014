import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { applyDocumentLanguage, i18n } from './i18n'
import { handleDatabaseUpgrades } from './features/startup'
import { installTrustedTypesPolicy } from './security/trustedTypesPolicy'
import './assets/app.css'

installTrustedTypesPolicy()
handleDatabaseUpgrades()
applyDocumentLanguage()
createApp(App).use(createPinia()).use(router).use(i18n).mount('#app')
