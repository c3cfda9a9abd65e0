// The one seam between the alerting logic and a vendor's API. Everything that differs between
// OpsGenie v2 and its successor, JSM Operations (base URL, auth header, list envelope, paging,
// identifier types, field spellings), lives behind this interface; actions.ts, bulk.ts, resolve.ts
// and the whole chat layer depend only on it. A new backend is a new module implementing it.

import { NotFoundError, type ServiceName } from '../http/errors'
import type { Actor, Alert, AlertAction, AlertFilter, AlertRef, OverrideRequest, RequestState, Schedule, UserInfo } from './types'

export interface AlertingBackend {
  readonly service: ServiceName
  /** Whether alerts have tinyIds that can be looked up (OpsGenie yes, JSM Operations no). */
  readonly supportsTinyIds: boolean

  /** Every alert matching the filter, all pages, newest first. */
  listAlerts(filter: AlertFilter): Promise<Alert[]>
  /** One alert, or undefined when the backend does not know it (404). */
  getAlert(ref: AlertRef): Promise<Alert | undefined>
  /** Sends an action for the alert with this (full) id; resolves with the request id to confirm. */
  act(alertId: string, action: AlertAction, actor: Actor): Promise<string>
  /** Where an accepted request stands; `processed: false` while the backend still has it queued. */
  requestState(requestId: string): Promise<RequestState>

  listSchedules(): Promise<Schedule[]>
  /** Who is on call now in this schedule (usernames, flattened). */
  onCall(scheduleId: string): Promise<string[]>
  /** Creates an override; resolves with its alias. */
  createOverride(request: OverrideRequest): Promise<string>
  /** The user with this username (email) or id, or undefined when there is none (404). */
  findUser(identifier: string): Promise<UserInfo | undefined>
}

/**
 * Whether repeating the action after a timeout or 5xx is harmless, on any backend. Acknowledge,
 * unacknowledge and close end in the same state however often they run; a snooze sets the same end
 * time again. A note would be added twice, so it is never repeated.
 */
export const IDEMPOTENT_ACTIONS: Record<AlertAction['name'], boolean> = {
  acknowledge: true, unacknowledge: true, close: true, snooze: true, note: false
}

/** The page size both vendors allow at most. */
export const PAGE_SIZE = 100
/** Stop paging after this many pages (OpsGenie refuses offset + limit beyond 20,000 anyway). */
export const MAX_PAGES = 200

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
export interface RawRequestState { isSuccess?: boolean, success?: boolean, status?: string, alertId?: string }

/**
 * Where an accepted request stands, given how to fetch its raw state. A 404 means still queued
 * (OpsGenie: X-Opsgenie-Errortype: RequestNotProcessed). A 404 without that header is read the same
 * way: the worst it can do is wait for the bound and report "not confirmed".
 */
export async function readRequestState (fetch: () => Promise<RawRequestState | null | undefined>): Promise<RequestState> {
  try {
    const data = (await fetch()) ?? {}
    return { processed: true, isSuccess: (data.isSuccess ?? data.success) === true, status: data.status ?? '', alertId: data.alertId }
  } catch (err) {
    if (err instanceof NotFoundError) return { processed: false }
    throw err
  }
}
