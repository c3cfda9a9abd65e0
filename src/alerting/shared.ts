// What the alerting backends share: OpsGenie v2 and JSM Operations differ in URLs, envelopes and
// spellings (each in its own module), but page, confirm requests, filter and word actions alike.

import { NotFoundError, type RequestInfo } from '../http/errors'
import { conform } from '../http/validate'
import type { Actor, Alert, AlertAction, AlertFilter, RequestState, Responder } from './types'
import { requestState as requestStateShape } from './validate'

/**
 * Whether repeating the action after a timeout or 5xx is harmless, on any backend. Acknowledge,
 * unacknowledge and close end in the same state however often they run; a snooze sets the same end
 * time again. A note would be added twice, so it is never repeated.
 */
export const IDEMPOTENT_ACTIONS: Record<AlertAction['name'], boolean> = {
  acknowledge: true,
  unacknowledge: true,
  close: true,
  snooze: true,
  note: false,
  // Adding the same responder, escalating to the same escalation, assigning to the same owner or
  // setting the same priority again end in the same state (an escalation notifies again: UNCONFIRMED
  // whether OpsGenie repeats its notifications, so it is not repeated).
  responder: true,
  escalate: false,
  assign: true,
  priority: true
}

/** The path segment after /alerts/{id}/ for each action: the same on OpsGenie v2 and JSM Operations v1. */
export const ACTION_PATH: Record<AlertAction['name'], string> = {
  acknowledge: 'acknowledge',
  unacknowledge: 'unacknowledge',
  close: 'close',
  note: 'notes',
  snooze: 'snooze',
  responder: 'responders',
  escalate: 'escalate',
  assign: 'assign',
  priority: 'priority'
}

/** The page size both vendors allow at most. */
export const PAGE_SIZE = 100
/** Stop paging after this many pages (OpsGenie refuses offset + limit beyond 20,000 anyway). */
const MAX_PAGES = 200

/** A path segment, escaped, keeping `@` readable (usernames are email addresses). */
export const segment = (value: string): string => {
  // Ids come from validated answers or from what people typed: an empty one is a bug, never a path.
  if (typeof value !== 'string' || value === '') throw new Error('an empty id would go into a request path')
  return encodeURIComponent(value).replace(/%40/g, '@')
}

/** One page of a list as a backend read it: its items and whether the envelope names a next page. */
export interface Page<T> { items: T[], hasNext: boolean }

/**
 * Reads a list page by page by offset: stops when there is no next page, when a page is empty, or
 * after MAX_PAGES pages. The backend fetches a page (its path, envelope and paging parameters).
 */
export async function collectPages<T> (fetchPage: (offset: number) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = []
  for (let page = 0, offset = 0; page < MAX_PAGES; page++) {
    const { items, hasNext } = await fetchPage(offset)
    out.push(...items)
    if (!hasNext || items.length === 0) break
    offset += items.length
  }
  return out
}

/** A request's state as both vendors answer it (unwrapped from any envelope). */
interface RawRequestState { isSuccess?: boolean, success?: boolean, status?: string, alertId?: string }

/**
 * Where an accepted request stands, given how to fetch its raw state. A 404 means still queued
 * (OpsGenie: X-Opsgenie-Errortype: RequestNotProcessed). A 404 without that header is read the same
 * way: the worst it can do is wait for the bound and report "not confirmed". A state that does not
 * say whether it succeeded (`{}`, `null`) is a bad_response error at `where`, so the action is
 * "not confirmed", never "failed".
 */
export async function readRequestState (fetch: () => Promise<unknown>, where: RequestInfo): Promise<RequestState> {
  try {
    const data = conform<RawRequestState>(await fetch(), requestStateShape, { ...where, status: 200 })
    return { processed: true, isSuccess: (data.isSuccess ?? data.success) === true, status: data.status ?? '', alertId: data.alertId }
  } catch (err) {
    if (err instanceof NotFoundError) return { processed: false }
    throw err
  }
}

/** The alert query language both vendors speak: `field: value` joined with AND. */
export function alertQuery (filter: AlertFilter): string {
  const parts: string[] = []
  if (filter.status) parts.push(`status: ${filter.status}`)
  if (filter.acknowledged !== undefined) parts.push(`acknowledged: ${filter.acknowledged}`)
  return parts.join(' AND ')
}

/** A responder as OpsGenie's API takes it: `username` for a user, `name` for the others. */
export function responderJson (responder: Responder): Record<string, string> {
  return responder.type === 'user'
    ? { type: 'user', username: responder.name }
    : { type: responder.type, name: responder.name }
}

/** The body of an action request (who acted, from where, and the action's own field), OpsGenie's spelling. */
export function actionBody (action: AlertAction, actor: Actor): Record<string, unknown> {
  // PUT …/priority takes the priority alone (OpsGenie alert API).
  if (action.name === 'priority') return { priority: action.priority }
  const body: Record<string, unknown> = { user: actor.user, source: actor.source }
  if (action.name === 'note') body.note = action.note
  if (action.name === 'snooze') body.endTime = action.endTime
  if (action.name === 'responder') body.responder = responderJson(action.responder)
  if (action.name === 'escalate') body.escalation = { name: action.escalation.name }
  if (action.name === 'assign') body.owner = { username: action.owner.username }
  return body
}

/** A request id from an accepted action, checked: an action is never reported without one to confirm by. */
export function requestIdOf (body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined
  const b = body as { requestId?: unknown, data?: { requestId?: unknown } }
  const id = b.requestId ?? b.data?.requestId
  return typeof id === 'string' && id.trim() !== '' ? id : undefined
}

/** Owner, tags and the teams among the responders, from either vendor's alert (same spellings). */
export function ownership (
  raw: { owner?: unknown, tags?: unknown, responders?: unknown }
): Pick<Alert, 'owner' | 'tags' | 'teamIds'> {
  const owner = typeof raw.owner === 'string' && raw.owner !== '' ? raw.owner : undefined
  const tags = Array.isArray(raw.tags) ? raw.tags.filter((t): t is string => typeof t === 'string') : []
  const responders = Array.isArray(raw.responders) ? raw.responders as Array<{ type?: unknown, id?: unknown }> : []
  const teamIds = responders.filter(r => r?.type === 'team' && typeof r.id === 'string').map(r => r.id as string)
  return {
    ...(owner ? { owner } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    ...(teamIds.length > 0 ? { teamIds } : {})
  }
}
