// Acting on an alert is two steps: the backend accepts the request (202 + requestId), then it is
// confirmed by asking for the request's state until it is processed. Only a processed request with
// isSuccess true counts as done: an unacknowledged alert keeps escalating (push, SMS, voice call),
// so "acknowledged" must never be said for a request that was merely sent.

import { isServiceError } from '../http/errors'
import { sleep as realSleep } from '../util/async'
import type { AlertingBackend } from './backend'
import type { Accepted, Actor, AlertAction } from './types'

export type ActionOutcome =
  /** The backend processed the request and says it succeeded. */
  | { state: 'confirmed' }
  /** The backend refused the request, or processed it and says it failed (`reason` is its words). */
  | { state: 'failed', reason?: string, error?: unknown }
  /**
   * No confirmation: the request may or may not have been carried out. `timeout`: still queued when
   * the bound ran out; `error`: sending failed in a way that may have reached the backend; `check`:
   * the backend accepted it, but asking whether it was processed failed (`error` says how);
   * `deadline`: the whole command's time ran out before it was confirmed.
   */
  | { state: 'unconfirmed', reason: 'timeout' | 'error' | 'check' | 'deadline', error?: unknown }

export interface ConfirmOptions {
  /** How long to keep asking for one request's state. */
  timeoutMs: number
  /** First wait between two questions; it doubles up to maxPollMs. */
  firstPollMs?: number
  maxPollMs?: number
  sleep?: (ms: number) => Promise<void>
  now?: () => number
}

export const DEFAULT_CONFIRM_TIMEOUT_MS = 15_000
const FIRST_POLL_MS = 200
const MAX_POLL_MS = 2_000

/** Asks for the request's state until it is processed or the bound runs out. */
export async function confirmRequest (
  backend: AlertingBackend, requestId: string, options: ConfirmOptions
): Promise<ActionOutcome> {
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? realSleep
  const deadline = now() + options.timeoutMs
  let wait = options.firstPollMs ?? FIRST_POLL_MS
  for (;;) {
    let state
    try {
      state = await backend.requestState(requestId)
    } catch (error) {
      // The action was accepted: a refused or unreadable status answer says nothing about the action itself.
      return { state: 'unconfirmed', reason: 'check', error }
    }
    if (state.processed) {
      return state.isSuccess ? { state: 'confirmed' } : { state: 'failed', reason: state.status || 'the request failed' }
    }
    const left = deadline - now()
    if (left <= 0) return { state: 'unconfirmed', reason: 'timeout' }
    await sleep(Math.min(wait, left))
    wait = Math.min(wait * 2, options.maxPollMs ?? MAX_POLL_MS)
  }
}

/** Confirms what the backend accepted: a queued request is asked after; a finished one is done. */
async function confirmAccepted (
  backend: AlertingBackend, accepted: Accepted, options: ConfirmOptions
): Promise<ActionOutcome> {
  return accepted.kind === 'done' ? { state: 'confirmed' } : await confirmRequest(backend, accepted.requestId, options)
}

/**
 * What a failure to send means. A refusal (4xx, rate limit spent) changed nothing; a timeout,
 * reset, 5xx or unreadable answer may have reached the backend, so it is not confirmed either way.
 */
export function sendFailure (error: unknown): ActionOutcome {
  if (isServiceError(error) && ['timeout', 'network', 'unavailable', 'bad_response'].includes(error.kind)) {
    return { state: 'unconfirmed', reason: 'error', error }
  }
  return { state: 'failed', error }
}

/** Sends one action and waits for its confirmation. */
export async function actAndConfirm (
  backend: AlertingBackend, alertId: string, action: AlertAction, actor: Actor, options: ConfirmOptions
): Promise<ActionOutcome> {
  let accepted: Accepted
  try {
    accepted = await backend.act(alertId, action, actor)
  } catch (error) {
    return sendFailure(error)
  }
  return confirmAccepted(backend, accepted, options)
}
