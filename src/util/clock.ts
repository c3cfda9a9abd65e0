// The one clock everything waits on: the time, timers and sleeping. A robot's runtime holds one
// (chat/runtime.ts) and hands it down; tests hand in a fake that moves only when told, so nothing
// that waits (retries, polls, rate budgets, coalescing windows, progress lines) waits for real.

type TimerHandle = unknown

export interface Clock {
  /** Epoch milliseconds. */
  now(): number
  setTimeout(fn: () => void, ms: number): TimerHandle
  clearTimeout(handle: TimerHandle): void
  sleep(ms: number): Promise<void>
}

/**
 * The real clock. Its timers do not keep the process alive: a bot that is shutting down is not held
 * open by a progress line or a coalescing window (what must be waited for is awaited instead).
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const timer = setTimeout(fn, ms)
    timer.unref?.()
    return timer
  },
  clearTimeout: (handle) => { clearTimeout(handle as NodeJS.Timeout) },
  sleep: (ms) => new Promise(resolve => setTimeout(resolve, ms))
}
