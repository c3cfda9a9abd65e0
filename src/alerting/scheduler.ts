// One scheduler for a bulk action: C slots shared by actions and request-status polls.
//
// - Actions first: while an action is waiting for a slot, no poll takes one, so the early requests
//   are old enough to be processed by the time they are first asked about.
// - A poll answered "not processed yet" gives its slot back at once; the request is asked again on
//   a timer, never by sleeping inside a slot.
// - The re-poll interval grows with the request's age (short at first). The backend processes
//   requests in roughly the order they came, so only the oldest unconfirmed request probes ahead
//   (the prober); the others wait until the prober (or any request) says how long processing takes,
//   then are asked once, at about that age. One slow probe instead of N.
// - Every request is still confirmed item by item; an item is never sent twice (duplicate targets
//   are dropped before anything is sent).
//
// Time comes from the robot's injected Clock, so tests drive it without sleeping.

import type { Clock } from '../util/clock'
import { sendFailure, type ActionOutcome } from './actions'
import type { AlertingBackend } from './backend'
import type { Actor, AlertAction } from './types'

export interface Target {
  /** The backend's full id, what the action is sent to. */
  alertId: string
  /** How the alert is named in the reply (`#12`). */
  label: string
}

export interface BulkItem {
  target: Target
  outcome: ActionOutcome
}

/** One action on many alerts: on which backend, what, and in whose name. */
export interface BulkJob {
  backend: AlertingBackend
  targets: readonly Target[]
  action: AlertAction
  actor: Actor
}

export interface PollPacing {
  /** The smallest gap between two polls of one request. */
  minIntervalMs: number
  /** Each re-poll of a request waits until its age has grown by this factor. */
  growth: number
  /** The largest gap between two polls of one request. */
  maxIntervalMs: number
}

const DEFAULT_PACING: PollPacing = { minIntervalMs: 25, growth: 1.25, maxIntervalMs: 2_000 }

export interface ScheduleOptions {
  /** Calls in flight at once (actions and polls together). */
  concurrency: number
  /** How long after its action a request may stay unprocessed before it is reported not confirmed. */
  confirmTimeoutMs: number
  /** Epoch ms (on `clock`) after which nothing more is sent or asked: the command answers what it knows. */
  deadline?: number
  clock: Clock
  pacing?: Partial<PollPacing>
}

interface Pending {
  index: number
  target: Target
  requestId: string
  sentAt: number
  /** Age at the last poll, when there was one. */
  lastAge?: number
  timer?: unknown
  /** When the timer fires (to skip re-arming an unchanged timer). */
  timerAt?: number
}

/** Drops repeated alert ids (offset paging can return an alert twice), keeping the first. */
export function uniqueTargets (targets: readonly Target[]): Target[] {
  const seen = new Set<string>()
  return targets.filter(t => (seen.has(t.alertId) ? false : (seen.add(t.alertId), true)))
}

export function runScheduled (job: BulkJob, options: ScheduleOptions): Promise<BulkItem[]> {
  const { backend, targets: all, action, actor } = job
  const timers = options.clock
  const pacing: PollPacing = { ...DEFAULT_PACING, ...options.pacing }
  const limit = Math.max(1, Math.floor(options.concurrency) || 1)
  const targets = uniqueTargets(all)
  const outcomes: Array<ActionOutcome | undefined> = new Array(targets.length)
  const toSend = targets.map((target, index) => ({ target, index }))
  const ready: Pending[] = []
  const waiting = new Set<Pending>()
  /** Accepted requests with no outcome yet (queued, waiting or being asked). */
  const unresolved = new Set<Pending>()
  let prober: Pending | undefined
  let inFlight = 0
  let settled = false
  /** How long the last call took (a round trip to the backend). */
  let latencyMs = 0
  /** Largest age at which a request was seen not processed; smallest at which one was processed. */
  let notYetAge: number | undefined
  let doneAge: number | undefined

  return new Promise<BulkItem[]>((resolve) => {
    const pastDeadline = (): boolean => options.deadline !== undefined && timers.now() >= options.deadline
    const deadlineTimer = options.deadline === undefined
      ? undefined
      : timers.setTimeout(() => pump(), Math.max(0, options.deadline - timers.now()))

    const finish = (): void => {
      if (settled) return
      settled = true
      if (deadlineTimer !== undefined) timers.clearTimeout(deadlineTimer)
      resolve(targets.map((target, i) => ({ target, outcome: outcomes[i] ?? { state: 'unconfirmed', reason: 'deadline' } })))
    }

    /** The oldest unresolved request probes ahead of the others. */
    const refreshProber = (): void => {
      prober = undefined
      for (const p of unresolved) if (!prober || p.sentAt < prober.sentAt) prober = p
    }

    const resolveWith = (p: Pending, outcome: ActionOutcome): void => {
      outcomes[p.index] = outcome
      unresolved.delete(p)
      if (p === prober) refreshProber()
    }

    /** The age of a request's next poll by its own schedule: growing with its age, short at first. */
    const nextAge = (p: Pending): number => p.lastAge === undefined
      ? 0
      : Math.min(
        p.lastAge + pacing.maxIntervalMs,
        Math.max(p.lastAge + pacing.minIntervalMs, p.lastAge * pacing.growth)
      )

    /** The age at which `p` should next be asked, or undefined: wait until something is learned. */
    const dueAge = (p: Pending): number | undefined => {
      const own = nextAge(p)
      if (notYetAge === undefined) return own
      // Learned: processing takes more than notYetAge (and at most doneAge, when known).
      const learned = Math.max(notYetAge + pacing.minIntervalMs, notYetAge * pacing.growth)
      if (doneAge !== undefined) return Math.max(own, Math.min(doneAge, learned))
      // Nothing processed yet: only the oldest probes; the others wait for what it learns. Except
      // when a call takes longer than the probe's next step: then waiting for its answer costs more
      // than asking, and a request as old as the prober is asked with it.
      if (prober === p || !prober) return own
      const probeAge = nextAge(prober)
      return latencyMs >= probeAge - (prober.lastAge ?? 0) ? Math.max(own, probeAge) : undefined
    }

    const clearTimer = (p: Pending): void => {
      if (p.timer !== undefined) timers.clearTimeout(p.timer)
      p.timer = undefined
      p.timerAt = undefined
    }

    const schedule = (p: Pending): void => {
      const age = timers.now() - p.sentAt
      // Waiting for what the prober learns also ends at the request's own bound (a last poll).
      const due = Math.min(dueAge(p) ?? Infinity, options.confirmTimeoutMs)
      if (due - age < 1) { // within a millisecond: due (timers are not finer than that)
        clearTimer(p)
        waiting.delete(p)
        ready.push(p)
        return
      }
      waiting.add(p)
      const at = p.sentAt + due
      if (p.timerAt === at) return
      clearTimer(p)
      p.timerAt = at
      p.timer = timers.setTimeout(() => {
        p.timer = undefined
        p.timerAt = undefined
        schedule(p)
        pump()
      }, Math.ceil(due - age))
    }

    /** Something was learned: every waiting request may be due earlier. */
    const reconsider = (): void => {
      for (const p of [...waiting]) schedule(p)
    }

    const send = (item: { target: Target, index: number }): void => {
      inFlight++
      const sentAt = timers.now()
      backend.act(item.target.alertId, action, actor).then(accepted => {
        // Done at once (an answer that is the result, not a request to ask about).
        if (accepted.kind === 'done') { outcomes[item.index] = { state: 'confirmed' }; return }
        // Accepted: it may happen now whatever we do, so past the deadline it is "not confirmed".
        if (pastDeadline()) { outcomes[item.index] = { state: 'unconfirmed', reason: 'deadline' }; return }
        const p: Pending = { index: item.index, target: item.target, requestId: accepted.requestId, sentAt }
        unresolved.add(p)
        if (!prober || p.sentAt < prober.sentAt) prober = p
        schedule(p)
      }, error => { outcomes[item.index] = sendFailure(error) }).finally(() => { inFlight--; pump() })
    }

    const poll = (p: Pending): void => {
      inFlight++
      const age = timers.now() - p.sentAt
      const knew = `${notYetAge}|${doneAge}|${prober?.index}`
      backend.requestState(p.requestId).then(state => {
        latencyMs = timers.now() - p.sentAt - age
        if (state.processed) {
          resolveWith(p, state.isSuccess ? { state: 'confirmed' } : { state: 'failed', reason: state.status || 'the request failed' })
          doneAge = doneAge === undefined ? age : Math.min(doneAge, age)
          // Not in order after all: keep probing.
          if (notYetAge !== undefined && doneAge < notYetAge) doneAge = undefined
          return
        }
        notYetAge = Math.max(notYetAge ?? 0, age)
        p.lastAge = age
        if (timers.now() - p.sentAt >= options.confirmTimeoutMs) resolveWith(p, { state: 'unconfirmed', reason: 'timeout' })
        else if (pastDeadline()) resolveWith(p, { state: 'unconfirmed', reason: 'deadline' })
        else schedule(p)
      }, error => {
        resolveWith(p, { state: 'unconfirmed', reason: 'check', error })
      }).finally(() => {
        inFlight--
        if (`${notYetAge}|${doneAge}|${prober?.index}` !== knew) reconsider()
        pump()
      })
    }

    const stopAtDeadline = (): void => {
      for (const item of toSend.splice(0)) outcomes[item.index] = { state: 'failed', reason: 'not sent: the command ran out of time' }
      for (const p of [...ready.splice(0), ...waiting]) {
        clearTimer(p)
        resolveWith(p, { state: 'unconfirmed', reason: 'deadline' })
      }
      waiting.clear()
    }

    function pump (): void {
      if (settled) return
      if (pastDeadline()) stopAtDeadline()
      for (;;) {
        if (inFlight >= limit) break
        const next = toSend.shift()
        if (next) { send(next); continue }
        const p = ready.shift()
        if (!p) break
        // Asked again only if still due: what was learned since it queued may say "later".
        const due = Math.min(dueAge(p) ?? Infinity, options.confirmTimeoutMs)
        if (due - (timers.now() - p.sentAt) >= 1) { schedule(p); continue }
        poll(p)
      }
      if (inFlight === 0 && toSend.length === 0 && ready.length === 0 && waiting.size === 0) finish()
    }

    pump()
  })
}
