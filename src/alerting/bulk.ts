// The same action on many alerts: every request is sent with a bounded number in flight, then
// every accepted request is confirmed the same way. Sending all first gives the backend time to
// process the early ones, so most confirmations succeed at the first question.

import { mapSettled } from '../util/async'
import { confirmAccepted, sendFailure, type ActionOutcome, type ConfirmOptions } from './actions'
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

export interface BulkOptions {
  concurrency: number
  confirm: ConfirmOptions
}

export async function runBulk (backend: AlertingBackend, targets: readonly Target[], action: AlertAction, actor: Actor, options: BulkOptions): Promise<BulkItem[]> {
  const sent = await mapSettled(targets, options.concurrency, target => backend.act(target.alertId, action, actor))
  const confirmed = await mapSettled(sent, options.concurrency, async (s): Promise<ActionOutcome> =>
    s.ok ? confirmAccepted(backend, s.value, options.confirm) : sendFailure(s.error))
  return confirmed.map((c, i) => ({
    target: targets[i],
    // confirmRequest never throws; the fallback is for completeness of the types.
    outcome: c.ok ? c.value : { state: 'unconfirmed', reason: 'error', error: c.error }
  }))
}
