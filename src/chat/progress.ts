// Honest progress on long work. A command that has not answered after PROGRESS_AFTER_MS posts
// one short line saying what it is waiting on (never a second), then its result. A whole command
// has a deadline: the handler is told it (a bulk run stops there and reports what it knows); if the
// handler still has not answered a little after it, the room is told that the outcome is unknown
// and how to check, and the late result is only logged.

import { withActivity, type Activity } from '../http/activity'
import type { Clock } from '../util/clock'
import { plural } from '../util/text'
import { env } from '../util/config'

/** After this long without an answer, one progress line. */
export const PROGRESS_AFTER_MS = 3000
const DEFAULT_DEADLINE_SECONDS = 90
/** How long past its deadline a handler may take to put its answer together. */
const DEADLINE_GRACE_MS = 2000

/** HUBOT_COMMAND_DEADLINE_SECONDS, or the default when unset or not a whole number of seconds from 5. */
export function deadlineMs (): number {
  const raw = Number(env('HUBOT_COMMAND_DEADLINE_SECONDS'))
  return (Number.isInteger(raw) && raw >= 5 ? raw : DEFAULT_DEADLINE_SECONDS) * 1000
}

export interface SlowWords {
  /** The service the command waits on (`Statuspage`, `OpsGenie`). */
  service: string
  /** The command that shows the state, for "check with ..." (`/status`, `genie`). */
  check: string
}

/** The one progress line: what the command is waiting on, as specifically as it is known. */
export function progressLine (activity: Activity | undefined, words: SlowWords): string {
  if (activity?.kind === 'retry' && activity.reason === 'rate_limited') {
    return `${activity.service} is rate limiting us, waiting to try again (attempt ${activity.attempt} of ${activity.of})…`
  }
  if (activity?.kind === 'retry') return `${activity.service} is slow to answer, still trying (attempt ${activity.attempt} of ${activity.of})…`
  if (activity?.kind === 'bulk') return `${activity.verb} ${plural(activity.count, 'alert')}…`
  return `Still waiting for ${words.service}…`
}

/** The answer when the handler has not answered by the deadline: nothing is known, so say so. */
export function deadlineReply (seconds: number, words: SlowWords): string {
  return `No complete answer from ${words.service} within ${seconds}s, so I stopped waiting. What you asked may or may not ` +
    `have happened: check with ${words.check} before trying again.`
}

export type Outcome<T> = { done: true, value: T } | { done: false }

export interface ProgressRun<T> {
  /** The command's work, told its deadline (epoch ms on `clock`). */
  work: (deadline: number) => Promise<T>
  words: SlowWords
  /** Posts the progress line to the room. */
  say: (line: string) => Promise<void>
  /** Told what a handler that missed the stop finally did. */
  late: (outcome: { value?: T, error?: unknown }) => void
  /** The robot's clock: the progress line, the deadline and the stop are timed on it. */
  clock: Clock
}

/**
 * Runs `work(deadline)` with a progress line after PROGRESS_AFTER_MS (sent through `say`, at most
 * once) and a hard stop DEADLINE_GRACE_MS after the deadline.
 */
export async function withProgress<T> (run: ProgressRun<T>): Promise<Outcome<T>> {
  const { work, words, say, late, clock: t } = run
  const deadline = t.now() + deadlineMs()
  let latest: Activity | undefined
  let finished = false
  const progress = t.setTimeout(() => {
    if (!finished) say(progressLine(latest, words)).catch(() => { /* a lost progress line is no failure */ })
  }, PROGRESS_AFTER_MS)
  let stop: unknown
  const stopped = new Promise<Outcome<T>>(resolve => {
    stop = t.setTimeout(() => resolve({ done: false }), deadline + DEADLINE_GRACE_MS - t.now())
  })
  const running = withActivity(activity => { latest = activity }, () => work(deadline))
  try {
    const outcome = await Promise.race([running.then(value => ({ done: true as const, value })), stopped])
    if (!outcome.done) running.then(value => late({ value }), error => late({ error }))
    return outcome
  } finally {
    finished = true
    t.clearTimeout(progress)
    t.clearTimeout(stop)
  }
}
