// What the webhooks bring, once parsed: one event per delivery, in the few fields the room is shown.

/** What happened to an alert, in our words; `other` keeps the vendor's action name in `action`. */
export type AlertKind =
  | 'create' | 'acknowledge' | 'unacknowledge' | 'close' | 'note' | 'assign' | 'take' | 'snooze'
  | 'escalate' | 'seen' | 'sla' | 'other'

export interface AlertEvent {
  source: 'alerts'
  kind: AlertKind
  /** The action as the sender spelled it (`Create`, `EscalateNext`, a custom action name...). */
  action: string
  alertId?: string
  tinyId?: string
  message?: string
  priority?: string
  tags: string[]
  teams: string[]
  /** Who did it (OpsGenie's `username`), when it was a person. */
  user?: string
  note?: string
  owner?: string
  escalation?: string
  snoozedUntil?: string
  /** Same delivery, same key: duplicates are posted once. */
  key: string
}

export interface ComponentEvent {
  source: 'statuspage'
  type: 'component'
  componentId: string
  name: string
  oldStatus?: string
  newStatus: string
  key: string
}

export interface IncidentEvent {
  source: 'statuspage'
  type: 'incident'
  id: string
  name: string
  status: string
  impact?: string
  /** The newest incident update's text. */
  latest?: string
  shortlink?: string
  key: string
}

export type StatuspageEvent = ComponentEvent | IncidentEvent
export type WebhookEvent = AlertEvent | StatuspageEvent

/** A payload we could not use: `why` goes to a debug log line, never into the room. */
export interface Ignored { ignored: string }

export const isIgnored = (value: unknown): value is Ignored =>
  typeof value === 'object' && value !== null && 'ignored' in value
