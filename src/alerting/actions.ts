// Acting on an alert is two steps: the backend accepts the request (202 + requestId), then it is
// confirmed by asking for the request's state until it is processed. Only a processed request with
// isSuccess true counts as done: an unacknowledged alert keeps escalating (push, SMS, voice call),
// so "acknowledged" must never be said for a request that was merely sent.

import { mayHaveHappened } from '../http/errors'
import type { Clock } from '../util/clock'
import type { AlertingBackend } from './backend'
import type { Accepted, Actor, AlertAction, NewAlert } from './types'

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
  /** What the waits between two questions wait on (the robot's clock). */
  clock: Clock
}

export const DEFAULT_CONFIRM_TIMEOUT_MS = 15_000
const FIRST_POLL_MS = 200
const MAX_POLL_MS = 2_000

/** Asks for the request's state until it is processed or the bound runs out. */
export async function confirmRequest (
  backend: AlertingBackend, requestId: string, options: ConfirmOptions
): Promise<ActionOutcome> {
  return (await pollRequest(backend, requestId, options)).outcome
}

/** The outcome, and the alert the processed request names (a created alert's id). */
async function pollRequest (
  backend: AlertingBackend, requestId: string, options: ConfirmOptions
): Promise<{ outcome: ActionOutcome, alertId?: string }> {
  const { clock } = options
  const deadline = clock.now() + options.timeoutMs
  let wait = options.firstPollMs ?? FIRST_POLL_MS
  for (;;) {
    let state
    try {
      state = await backend.requestState(requestId)
    } catch (error) {
      // The action was accepted: a refused or unreadable status answer says nothing about the action itself.
      return { outcome: { state: 'unconfirmed', reason: 'check', error } }
    }
    if (state.processed) {
      const outcome: ActionOutcome = state.isSuccess ? { state: 'confirmed' } : { state: 'failed', reason: state.status || 'the request failed' }
      return { outcome, alertId: state.alertId }
    }
    const left = deadline - clock.now()
    if (left <= 0) return { outcome: { state: 'unconfirmed', reason: 'timeout' } }
    await clock.sleep(Math.min(wait, left))
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
 * What a failure to send means, by the one rule on the error (http/errors.ts): a refusal (4xx,
 * rate limit spent) or a request that never left changed nothing; a timeout, a connection lost
 * after sending, a 5xx or an unreadable answer may have reached the backend, so it is not
 * confirmed either way.
 */
export function sendFailure (error: unknown): ActionOutcome {
  return mayHaveHappened(error) ? { state: 'unconfirmed', reason: 'error', error } : { state: 'failed', error }
}

/** One action on one alert, in `actor`'s name. */
export interface SingleAction {
  alertId: string
  action: AlertAction
  actor: Actor
}

/** Sends one action and waits for its confirmation. */
export async function actAndConfirm (
  backend: AlertingBackend, { alertId, action, actor }: SingleAction, options: ConfirmOptions
): Promise<ActionOutcome> {
  let accepted: Accepted
  try {
    accepted = await backend.act(alertId, action, actor)
  } catch (error) {
    return sendFailure(error)
  }
  return confirmAccepted(backend, accepted, options)
}

/** What paging gave: the outcome and, once confirmed, the new alert's id (the request status names it). */
export interface Created { outcome: ActionOutcome, alertId?: string }

/**
 * Creates an alert and waits for its confirmation. A send that may have reached the backend is
 * unconfirmed, never resent here (the HTTP client's retry resends the same alias, which the backend
 * deduplicates).
 */
export async function createAndConfirm (
  backend: AlertingBackend, alert: NewAlert, actor: Actor, options: ConfirmOptions
): Promise<Created> {
  let accepted: Accepted
  try {
    accepted = await backend.createAlert(alert, actor)
  } catch (error) {
    return { outcome: sendFailure(error) }
  }
  if (accepted.kind === 'done') return { outcome: { state: 'confirmed' } }
  const { outcome, alertId } = await pollRequest(backend, accepted.requestId, options)
  return outcome.state === 'confirmed' && alertId ? { outcome, alertId } : { outcome }
}
