// The body OpsGenie's webhook integration POSTs for an alert action (the documented alert action
// data: {action, alert:{...}, source, integrationId, integrationName}), built from the stand-in's alert.

import type { Alert } from './opsgenie-model'

/** REST action names (as the request status reports them) → the webhook's action names. */
const WEBHOOK_ACTIONS: Record<string, string> = { Escalate: 'EscalateNext' }

const SANDBOX_WEBHOOK_INTEGRATION = { id: '5a1d0b7e-0000-4000-8000-000000000001', name: 'Sandbox webhook' }

let sequence = 0

export function alertWebhook (
  action: string, alert: Alert, request: Record<string, unknown> = {}
): Record<string, unknown> {
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined)
  const nowMs = Date.now()
  const extra: Record<string, unknown> = {}
  if (str(request.note)) extra.note = request.note
  if (action === 'AssignOwnership' || action === 'TakeOwnership') extra.owner = alert.owner
  if (action === 'Snooze' && alert.snoozedUntil) extra.snoozeEndDate = Date.parse(alert.snoozedUntil)
  const escalation = request.escalation as { name?: unknown } | undefined
  if (action === 'Escalate' && str(escalation?.name)) extra.escalationName = escalation?.name
  return {
    action: WEBHOOK_ACTIONS[action] ?? action,
    alert: {
      // Epoch nanoseconds, as OpsGenie sends them; unique per event.
      updatedAt: nowMs * 1_000_000 + (sequence++ % 1_000_000),
      tags: alert.tags,
      teams: alert.teams.map(t => t.id),
      recipients: [],
      message: alert.message,
      username: str(request.user) ?? 'System',
      alertId: alert.id,
      source: alert.source,
      alias: alert.alias,
      tinyId: alert.tinyId,
      createdAt: Date.parse(alert.createdAt),
      userId: '',
      entity: alert.entity,
      priority: alert.priority,
      ...(action === 'Create' ? { description: alert.description.slice(0, 1000), details: alert.details } : {}),
      ...extra
    },
    source: { name: str(request.source) ?? '', type: 'API' },
    integrationId: SANDBOX_WEBHOOK_INTEGRATION.id,
    integrationName: SANDBOX_WEBHOOK_INTEGRATION.name
  }
}
