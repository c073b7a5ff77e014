import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { handleDatabaseUpgrades } from './features/startup'
import { installTrustedTypesPolicy } from './security/trustedTypesPolicy'
import './assets/app.css'

installTrustedTypesPolicy()
handleDatabaseUpgrades()
createApp(App).use(createPinia()).use(router).mount('#app')
