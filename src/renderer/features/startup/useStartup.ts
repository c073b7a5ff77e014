import { onBeforeUnmount, onMounted, ref, watch } from 'vue'
import { i18n } from '@renderer/i18n'
import { recoverInterruptedImport } from '../importing'
import { isUpgradeBlocked, UPGRADE_WAIT_MS } from './databaseUpgrades'
import { prepareKnowledgeBase, type StartupReport } from './prepareKnowledgeBase'

export type StartupState =
  { readonly status: 'loading' } | { readonly status: 'ready'; readonly report: StartupReport } | { readonly status: 'failed'; readonly message: string }

/** Runs start-up once when the app shell mounts and reports its state. */
export function useStartup(waitForUpgradeMs = UPGRADE_WAIT_MS) {
  const state = ref<StartupState>({ status: 'loading' })
  // An upgrade another window blocks is waited for a while (the message says what to close), then given up.
  let giveUp: ReturnType<typeof setTimeout> | undefined
  watch(isUpgradeBlocked, (blocked) => {
    if (!blocked || giveUp !== undefined) return
    giveUp = setTimeout(() => {
      if (state.value.status !== 'loading') return
      state.value = {
        status: 'failed',
        message: i18n.global.t('start.upgradeBlocked')
      }
    }, waitForUpgradeMs)
  })
  onBeforeUnmount(() => clearTimeout(giveUp))
  onMounted(async () => {
    try {
      const report = await prepareKnowledgeBase()
      clearTimeout(giveUp)
      if (state.value.status === 'failed') return
      state.value = { status: 'ready', report }
      // An import a closed tab left half-written is rolled back (issue 10); it waits for any import still running.
      recoverInterruptedImport().catch((error: unknown) => console.error('[import] an interrupted import could not be rolled back yet', error))
    } catch (error) {
      console.error('[startup] could not prepare the knowledge base', error)
      state.value = { status: 'failed', message: error instanceof Error ? error.message : String(error) }
    }
  })
  return state
}
