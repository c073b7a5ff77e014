/** What counts as the person using the app: a press, a key, a scroll of the wheel. */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel'] as const

export interface UserQuietOptions {
  /** How long the person must leave the app alone. */
  readonly quietMs: number
  /** Resolve by then whatever the person does, so the work waiting on it is not put off for ever. */
  readonly latestMs: number
  /** Where presses and keys arrive (the window). */
  readonly target: EventTarget
  /** Subscribes to in-app navigation (the router's `afterEach`); returns the unsubscribe. */
  readonly onNavigation?: (listener: () => void) => () => void
}

/**
 * Resolves once the person has left the app alone for `quietMs` (no press, key, wheel or
 * navigation), or after `latestMs`. Background work that reads whole tables (the views worker's
 * records, the duplicate pairs after an import) waits on it: on two cores it halved the speed of the
 * lists and searches someone opens in the first seconds after a start at 100,000 records, and it
 * can as well run while they read (VS Code and Zotero put their indexing off the same way).
 */
export function whenUserQuiet(options: UserQuietOptions): Promise<void> {
  return new Promise((resolve) => {
    let quietTimer: ReturnType<typeof setTimeout> | undefined
    const finish = (): void => {
      clearTimeout(quietTimer)
      clearTimeout(latestTimer)
      for (const type of ACTIVITY_EVENTS) options.target.removeEventListener(type, restart, listenerOptions)
      stopNavigation?.()
      resolve()
    }
    const restart = (): void => {
      clearTimeout(quietTimer)
      quietTimer = setTimeout(finish, options.quietMs)
    }
    const listenerOptions: AddEventListenerOptions = { capture: true, passive: true }
    const latestTimer = setTimeout(finish, options.latestMs)
    for (const type of ACTIVITY_EVENTS) options.target.addEventListener(type, restart, listenerOptions)
    const stopNavigation = options.onNavigation?.(restart)
    restart()
  })
}
