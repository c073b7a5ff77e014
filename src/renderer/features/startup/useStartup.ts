import { onMounted, ref } from 'vue'
import { recoverInterruptedImport } from '../importing'
import { prepareKnowledgeBase, type StartupReport } from './prepareKnowledgeBase'

export type StartupState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly report: StartupReport }
  | { readonly status: 'failed'; readonly message: string }

/** Runs start-up once when the app shell mounts and reports its state. */
export function useStartup() {
  const state = ref<StartupState>({ status: 'loading' })
  onMounted(async () => {
    try {
      state.value = { status: 'ready', report: await prepareKnowledgeBase() }
      // An import a closed tab left half-written is rolled back (issue 10); it waits for any import still running.
      recoverInterruptedImport().catch((error: unknown) => console.error('[import] an interrupted import could not be rolled back yet', error))
    } catch (error) {
      console.error('[startup] could not prepare the knowledge base', error)
      state.value = { status: 'failed', message: error instanceof Error ? error.message : String(error) }
    }
  })
  return state
}
