// The same action on many alerts, through one scheduler (scheduler.ts): C slots shared by the
// actions and the confirmations, actions first, a request still queued at the backend waiting on a
// timer instead of in a slot. Every item is confirmed on its own; an alert listed twice is acted
// on once.

import type { ConfirmOptions } from './actions'
import type { AlertingBackend } from './backend'
import { runScheduled, type PollPacing, type Timers } from './scheduler'
import type { Actor, AlertAction } from './types'
import type { ActionOutcome } from './actions'

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

export interface BulkOptions {
  concurrency: number
  confirm: ConfirmOptions
  /** Epoch ms after which nothing more is sent or asked (the command's deadline). */
  deadline?: number
  timers?: Timers
  pacing?: Partial<PollPacing>
}

export async function runBulk (
  backend: AlertingBackend, targets: readonly Target[], action: AlertAction, actor: Actor, options: BulkOptions
): Promise<BulkItem[]> {
  return await runScheduled(backend, targets, action, actor, {
    concurrency: options.concurrency,
    confirmTimeoutMs: options.confirm.timeoutMs,
    deadline: options.deadline,
    timers: options.timers,
    pacing: options.pacing
  })
}
