import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { whenUserQuiet } from '@renderer/ui/whenUserQuiet'

describe('whenUserQuiet', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  function track(promise: Promise<void>): { readonly settled: boolean } {
    const state = { settled: false }
    void promise.then(() => {
      state.settled = true
    })
    return state
  }

  it('resolves after the quiet time when nobody touches the app', async () => {
    const state = track(whenUserQuiet({ quietMs: 3_000, latestMs: 60_000, target: new EventTarget() }))
    await vi.advanceTimersByTimeAsync(2_999)
    expect(state.settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(state.settled).toBe(true)
  })

  it('starts the quiet time again at every press, key, wheel and navigation', async () => {
    const target = new EventTarget()
    let navigate: (() => void) | undefined
    const state = track(
      whenUserQuiet({
        quietMs: 3_000,
        latestMs: 60_000,
        target,
        onNavigation: (listener) => {
          navigate = listener
          return () => {
            navigate = undefined
          }
        }
      })
    )
    for (const act of [
      () => target.dispatchEvent(new Event('pointerdown')),
      () => target.dispatchEvent(new Event('keydown')),
      () => target.dispatchEvent(new Event('wheel')),
      () => navigate?.()
    ]) {
      await vi.advanceTimersByTimeAsync(2_000)
      act()
    }
    await vi.advanceTimersByTimeAsync(2_999)
    expect(state.settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(state.settled).toBe(true)
    // Once resolved it stops listening (the router's hook is removed).
    expect(navigate).toBeUndefined()
  })

  it('resolves at the latest time however busy the person is', async () => {
    const target = new EventTarget()
    const state = track(whenUserQuiet({ quietMs: 3_000, latestMs: 10_000, target }))
    for (let elapsed = 0; elapsed < 9_000; elapsed += 1_000) {
      await vi.advanceTimersByTimeAsync(1_000)
      target.dispatchEvent(new Event('pointerdown'))
    }
    expect(state.settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(state.settled).toBe(true)
  })
})
