// The one seam between the alerting logic and a vendor's API. Everything that differs between
// OpsGenie v2 and its successor, JSM Operations (base URL, auth header, list envelope, paging,
// identifier types, field spellings), lives behind this interface; actions.ts, bulk.ts, resolve.ts
// and the whole chat layer depend only on it. A new backend is a new module implementing it;
// what the vendors share (paging, request states, action bodies) is in shared.ts.

import type {
  Accepted, Actor, Alert, AlertAction, AlertActionName, AlertFilter, AlertRef, Attribution, Escalation, NewAlert,
  OverrideRequest, RequestState, Schedule, Team, UserLookup, UserRef
} from './types'

export interface AlertingBackend {
  /** The vendor's name as replies show it (`OpsGenie`, `JSM Operations`). */
  readonly service: string
  /** Whether alerts have tinyIds that can be looked up (both OpsGenie and JSM Operations do). */
  readonly supportsTinyIds: boolean
  /** What an override needs to name a person: a username (OpsGenie) or an account id (JSM Operations). */
  readonly peopleBy: 'username' | 'accountId'

  /** Every alert matching the filter, all pages, newest first. */
  listAlerts(filter: AlertFilter): Promise<Alert[]>
  /** One alert, or undefined when the backend does not know it (404). */
  getAlert(ref: AlertRef): Promise<Alert | undefined>
  /** Sends an action for the alert with this (full) id: a request to confirm, or done at once. */
  act(alertId: string, action: AlertAction, actor: Actor): Promise<Accepted>
  /**
   * Creates an alert (pages its responders): a request to confirm, whose state names the new
   * alert's id. Safe to resend: the alias deduplicates it.
   */
  createAlert(alert: NewAlert, actor: Actor): Promise<Accepted>
  /** Whose name the backend's alert log shows as the creator of an alert the bot creates. */
  readonly createdBy: Attribution
  listTeams(): Promise<Team[]>
  listEscalations(): Promise<Escalation[]>
  /** Where an accepted request stands; `processed: false` while the backend still has it queued. */
  requestState(requestId: string): Promise<RequestState>
  /** Whose name the backend's alert log shows for this action when it comes from the bot. */
  attribution(action: AlertActionName): Attribution

  listSchedules(): Promise<Schedule[]>
  /** Who is on call now in this schedule, as people read names (flattened). */
  onCall(scheduleId: string): Promise<string[]>
  /** Creates an override; resolves with its alias. */
  createOverride(request: OverrideRequest): Promise<string>
  /** The person with this email address or id. */
  findUser(ref: UserRef): Promise<UserLookup>
}
