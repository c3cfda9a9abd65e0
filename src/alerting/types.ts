// The alerting domain as the chat layer sees it, the same whichever backend (OpsGenie v2 or JSM
// Operations) is behind it. Backends translate their own JSON into these shapes.

export type AlertStatus = 'open' | 'closed'

export interface Alert {
  id: string
  /** OpsGenie's short number (rolls over); JSM Operations has none. */
  tinyId?: string
  message: string
  status: AlertStatus
  acknowledged: boolean
  /** Who acknowledged it, when the backend says. */
  acknowledgedBy?: string
  priority?: string
  /** How many times the alert occurred (deduplicated occurrences). */
  count: number
  createdAt: string
  lastOccurredAt?: string
  snoozed?: boolean
  seen?: boolean
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

export type AlertActionName = 'acknowledge' | 'unacknowledge' | 'close' | 'note' | 'snooze'

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
  username: string
  fullName?: string
}

export interface OverrideRequest {
  scheduleId: string
  username: string
  startDate: string
  endDate: string
}
