// What a command is waiting on, told to whoever started it, without passing a callback through
// every layer: the chat wrapper runs a command inside `withActivity`, and the HTTP plumbing or a
// bulk run reports here (a retry of a slow service, the size of a bulk action). Outside a command
// (tests of a client alone, the bench) reports go nowhere.

import { AsyncLocalStorage } from 'node:async_hooks'

export type Activity =
  /**
   * A call is being tried again: `attempt` of `of` (2 of 3), because the service is rate limiting
   * us (`rate_limited`) or did not answer in time or at all (`no_answer`).
   */
  | { kind: 'retry', service: string, attempt: number, of: number, reason?: 'rate_limited' | 'no_answer' }
  /** A bulk action is starting on `count` items. */
  | { kind: 'bulk', verb: string, count: number }

export type ActivityListener = (activity: Activity) => void

const store = new AsyncLocalStorage<ActivityListener>()

/** Runs `fn` with `listener` receiving every activity reported while it runs (across awaits). */
export function withActivity<T> (listener: ActivityListener, fn: () => Promise<T>): Promise<T> {
  return store.run(listener, fn)
}

/** Tells the current command's listener, if any. Never throws. */
export function reportActivity (activity: Activity): void {
  try {
    store.getStore()?.(activity)
  } catch { /* a progress line is never a reason to fail a call */ }
}
