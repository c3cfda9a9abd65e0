// The one seam between the alerting logic and a vendor's API. Everything that differs between
// OpsGenie v2 and its successor, JSM Operations (base URL, auth header, list envelope, paging,
// identifier types, field spellings), lives behind this interface; actions.ts, bulk.ts, resolve.ts
// and the whole chat layer depend only on it. A new backend is a new module implementing it;
// what the vendors share (paging, request states, action bodies) is in shared.ts.

import type {
  Actor, Alert, AlertAction, AlertFilter, AlertRef, OverrideRequest, RequestState, Schedule, UserInfo
} from './types'

export interface AlertingBackend {
  /** The vendor's name as replies show it (`OpsGenie`, `JSM Operations`). */
  readonly service: string
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
