// The body of an OpsGenie "Webhook" integration (and JSM Operations' outgoing webhook, which sends
// the same alert-action data) → one AlertEvent. Tolerant by design: any field may be missing or of
// another type, and any action name may come; what is unknown is left out, never thrown.

import { createHash } from 'node:crypto'
import type { AlertEvent, AlertKind, Ignored } from './events'
import { inert } from '../util/inert'

const KINDS: Record<string, AlertKind> = {
  create: 'create',
  acknowledge: 'acknowledge',
  unacknowledge: 'unacknowledge',
  addnote: 'note',
  close: 'close',
  assignownership: 'assign',
  takeownership: 'take',
  snooze: 'snooze',
  escalatenext: 'escalate',
  escalate: 'escalate',
  seen: 'seen',
  slabreached: 'sla'
}

const MAX_TEXT = 300

/** Every field is outside text: made one inert, bounded line (util/inert) before anything formats it. */
const text = (value: unknown): string | undefined => inert(value, MAX_TEXT) || undefined

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(text).filter((v): v is string => v !== undefined).slice(0, 50) : []

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : undefined

/** OpsGenie's automatic actors are not people: "System", an integration, or nobody. */
const person = (value: unknown): string | undefined => {
  const name = text(value)
  return name === undefined || /^(system|opsgenie)$/i.test(name) ? undefined : name
}

/** `snoozeEndDate` may come as epoch ms or an ISO date. */
const when = (value: unknown): string | undefined => {
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : NaN
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined
}

export function parseAlertWebhook (body: unknown, raw: string): AlertEvent | Ignored {
  const payload = record(body)
  if (!payload) return { ignored: 'the body is not a JSON object' }
  const action = text(payload.action)
  const alert = record(payload.alert)
  if (!action) return { ignored: 'no action in the body' }
  if (!alert) return { ignored: `action ${action} came without an alert` }
  const alertId = text(alert.alertId) ?? text(alert.id)
  const tinyId = text(alert.tinyId)
  const message = text(alert.message)
  if (!alertId && !tinyId && !message) return { ignored: `action ${action} names no alert (no alertId, tinyId or message)` }
  const escalation = record(alert.escalation)
  return {
    source: 'alerts',
    kind: KINDS[action.toLowerCase()] ?? 'other',
    action,
    alertId,
    tinyId,
    message,
    priority: text(alert.priority)?.toUpperCase(),
    tags: list(alert.tags),
    teams: list(alert.teams),
    user: person(alert.username),
    note: text(alert.note),
    owner: person(alert.owner),
    escalation: text(alert.escalationName) ?? text(escalation?.name),
    snoozedUntil: when(alert.snoozeEndDate ?? alert.snoozedUntil),
    key: keyOf(action, alertId ?? tinyId ?? '', alert, raw)
  }
}

/**
 * The same action on the same alert at the same moment is one event, however often it is delivered:
 * OpsGenie stamps every action with `updatedAt` (epoch ns). Without it, the whole body decides.
 */
function keyOf (action: string, id: string, alert: Record<string, unknown>, raw: string): string {
  const at = text(alert.updatedAt)
  if (id && at) return `alert|${action}|${id}|${at}|${text(alert.note) ?? ''}`
  return `alert|body|${createHash('sha256').update(raw).digest('hex')}`
}
