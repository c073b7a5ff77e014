import { onMounted, ref } from 'vue'
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
    } catch (error) {
      console.error('[startup] could not prepare the knowledge base', error)
      state.value = { status: 'failed', message: error instanceof Error ? error.message : String(error) }
    }
  })
  return state
}
