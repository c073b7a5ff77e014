import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { installTrustedTypesPolicy } from './security/trustedTypesPolicy'
import './assets/app.css'

installTrustedTypesPolicy()
createApp(App).use(createPinia()).use(router).mount('#app')
