export { useStartup, type StartupState } from './useStartup'
export { prepareKnowledgeBase, type StartupReport } from './prepareKnowledgeBase'
export { handleDatabaseUpgrades, isUpgradeBlocked, UPGRADE_WAIT_MS } from './databaseUpgrades'
export { default as SilentResetNotice } from './SilentResetNotice.vue'
