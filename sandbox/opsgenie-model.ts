// OpsGenie's data as the v2 API shows it. Besides the alert fields, each alert keeps the notes and
// an action log (who did what, from which source) so a test or a person can see what the package
// sent: the real service shows the same in the alert's activity log.

export type Priority = 'P1' | 'P2' | 'P3' | 'P4' | 'P5'
export const PRIORITIES: Priority[] = ['P1', 'P2', 'P3', 'P4', 'P5']

interface AlertNote { note: string, owner: string | null, source: string | null, createdAt: string }

export interface AlertLogEntry {
  action: string
  /** Exactly what the request sent (null when it sent none), so a test can check the package set it. */
  user: string | null
  source: string | null
  note: string | null
  requestId: string
  createdAt: string
}

export interface Alert {
  id: string
  tinyId: string
  alias: string
  message: string
  status: 'open' | 'closed'
  acknowledged: boolean
  isSeen: boolean
  tags: string[]
  snoozed: boolean
  snoozedUntil?: string
  count: number
  lastOccurredAt: string
  createdAt: string
  updatedAt: string
  source: string
  owner: string
  priority: Priority
  teams: Array<{ id: string }>
  responders: Array<{ type: string, id: string }>
  integration: { id: string, name: string, type: string }
  report: { ackTime?: number, closeTime?: number, acknowledgedBy?: string, closedBy?: string }
  description: string
  details: Record<string, string>
  actions: string[]
  entity: string
  notes: AlertNote[]
  log: AlertLogEntry[]
}

export interface OpsgenieUser { id: string, username: string, fullName: string, role: string, timeZone: string }

export interface Schedule {
  id: string
  name: string
  description: string
  timezone: string
  enabled: boolean
  ownerTeam: { id: string, name: string }
  /** Usernames in rotation order; each takes one `rotationHours` turn from `rotationStart`. */
  rotation: string[]
  rotationStart: string
  rotationHours: number
}

export interface Override {
  alias: string
  scheduleId: string
  user: { type: string, username: string }
  startDate: string
  endDate: string
}

/** An action request (202) and, once processed, its outcome for GET /v2/alerts/requests/{id}. */
export interface ActionRequest {
  requestId: string
  action: string
  alertId: string | null
  alias: string | null
  processed: boolean
  isSuccess?: boolean
  status?: string
  processedAt?: string
}

export interface OpsgenieState {
  alerts: Alert[]
  users: OpsgenieUser[]
  schedules: Schedule[]
  overrides: Override[]
  requests: Record<string, ActionRequest>
  /** Every action as processed, oldest first, across all alerts. */
  actions: Array<AlertLogEntry & { alertId: string | null, tinyId: string | null, isSuccess: boolean }>
  nextTinyId: number
}

/** The list form omits what only GET /v2/alerts/{id} shows (and the sandbox's own notes/log). */
export function listAlert (a: Alert): Record<string, unknown> {
  const { description: _d, details: _de, actions: _a, entity: _e, notes: _n, log: _l, ...rest } = a
  return rest
}

export function fullAlert (a: Alert): Record<string, unknown> {
  const { notes: _n, log: _l, ...rest } = a
  return rest
}
