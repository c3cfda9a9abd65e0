// The alerting domain as the chat layer sees it, the same whichever backend (OpsGenie v2 or JSM
// Operations) is behind it. Backends translate their own JSON into these shapes.

type AlertStatus = 'open' | 'closed'

export interface Alert {
  id: string
  /** The short number people type (`#12`); it rolls over. */
  tinyId?: string
  message: string
  status: AlertStatus
  acknowledged: boolean
  /** Who acknowledged it, when the backend says (OpsGenie's report; JSM Operations does not). */
  acknowledgedBy?: string
  /** How long after it opened it was acknowledged (ms), when the backend says. */
  ackTimeMs?: number
  priority?: string
  /** How many times the alert occurred (deduplicated occurrences). */
  count: number
  createdAt: string
  lastOccurredAt?: string
  snoozed?: boolean
  seen?: boolean
  /** Who owns it (OpsGenie: a username; JSM Operations: an account id or username, UNCONFIRMED which). */
  owner?: string
  tags?: string[]
  /** The ids of the teams among its responders (to pick an escalation for `genie escalate #id`). */
  teamIds?: string[]
}

/** How a person named an alert in chat: its tinyId (`12`, `#12`) or its full id. */
export interface AlertRef {
  kind: 'tiny' | 'id'
  value: string
}

/** Which alerts to list: every filter is ANDed. */
export interface AlertFilter {
  status?: AlertStatus
  acknowledged?: boolean
}

export type AlertActionName =
  | 'acknowledge' | 'unacknowledge' | 'close' | 'note' | 'snooze' | 'responder' | 'escalate' | 'assign' | 'priority'

export type Priority = 'P1' | 'P2' | 'P3' | 'P4' | 'P5'

export type ResponderType = 'team' | 'user' | 'escalation' | 'schedule'

/**
 * Someone who can be paged, as a backend listed or found them: `name` is what people type and
 * what OpsGenie takes (`username` for a user), `id` what JSM Operations' REST API takes.
 */
export interface Responder {
  type: ResponderType
  id: string
  name: string
}

/** Who an alert is handed to: the username (OpsGenie) and, where the backend keys people by account, the account id. */
export interface Owner {
  username: string
  accountId?: string
}

/** A new alert (paging someone). `alias` makes a retried create one alert, deduplicated by the backend. */
export interface NewAlert {
  message: string
  description: string
  alias: string
  responders: Responder[]
  priority?: Priority
  tags: string[]
}

export interface Team { id: string, name: string }
export interface Escalation { id: string, name: string, ownerTeamId?: string }

/** Who acted, as the backend's alert log should show it. */
export interface Actor {
  /** The OpsGenie username (an email address) or chat name. */
  user: string
  source: string
}

export type AlertAction =
  | { name: 'acknowledge' | 'unacknowledge' | 'close' }
  | { name: 'note', note: string }
  | { name: 'snooze', endTime: string }
  | { name: 'responder', responder: Responder }
  | { name: 'escalate', escalation: Escalation }
  | { name: 'assign', owner: Owner }
  | { name: 'priority', priority: Priority }

/** What the backend says about an asynchronous request it accepted. */
export type RequestState =
  | { processed: false }
  | { processed: true, isSuccess: boolean, status: string, alertId?: string }

export interface Schedule {
  id: string
  name: string
  enabled: boolean
  timezone?: string
}

export interface UserInfo {
  id: string
  /**
   * The name actions are sent under: OpsGenie's username (an email); on JSM the email when visible,
   * else the display name.
   */
  username: string
  fullName?: string
  /** The Atlassian account id (JSM Operations), what on-call and overrides are keyed by. */
  accountId?: string
}

/** How a person named themselves: an email address, or the backend's own id for them. */
export type UserRef = { email: string } | { id: string }

export type UserLookup =
  | { kind: 'found', user: UserInfo }
  | { kind: 'none' }
  /** The site hides email addresses: `candidates` are accounts the search matched but could not show an email for. */
  | { kind: 'hidden', candidates: UserInfo[] }

export interface OverrideRequest {
  scheduleId: string
  /** Who goes on call: the username (OpsGenie) and, where the backend keys people by account, the account id. */
  username: string
  accountId?: string
  startDate: string
  endDate: string
}

/**
 * What the backend said when it took an action: a request to confirm later (202 + requestId), or
 * the finished result at once (JSM Operations answers a note with the note itself, 201).
 */
export type Accepted =
  | { kind: 'queued', requestId: string }
  | { kind: 'done' }

/** Whose name the backend's alert log will show for an action. */
export type Attribution =
  | { by: 'person' }
  /** The API credential's own account; `remedy` names the setting that would credit the person. */
  | { by: 'token', remedy?: 'integration-key' }
