import { onMounted, ref } from 'vue'
import { prepareKnowledgeBase } from './prepareKnowledgeBase'

export type StartupState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready' }
  | { readonly status: 'failed'; readonly message: string }

/** Runs start-up once when the app shell mounts and reports its state. */
export function useStartup() {
  const state = ref<StartupState>({ status: 'loading' })
  onMounted(async () => {
    try {
      await prepareKnowledgeBase()
      state.value = { status: 'ready' }
    } catch (error) {
      console.error('[startup] could not prepare the knowledge base', error)
      state.value = { status: 'failed', message: error instanceof Error ? error.message : String(error) }
    }
  })
  return state
}
