// Webhook bodies shaped like the vendors' documented examples (test/fixtures/webhooks/README.md):
// the documented ones loaded as they are, every other action built on the same envelope.
import fs from 'node:fs'
import path from 'node:path'

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'webhooks')
export const fixture = (name: string): any => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'))

export const ACTIONS = [
  'Create', 'Acknowledge', 'UnAcknowledge', 'AddNote', 'Close', 'AssignOwnership', 'TakeOwnership', 'Snooze',
  'EscalateNext', 'Seen', 'SlaBreached', 'RestartService'
] as const

let stamp = 1_764_000_000_000_000_000n

export interface AlertParams {
  tinyId?: string
  alertId?: string
  message?: string
  priority?: string
  tags?: string[]
  teams?: string[]
  username?: string
  extra?: Record<string, unknown>
}

/** One OpsGenie webhook body; each call gets a new `updatedAt` (a new event), unless `updatedAt` is given in extra. */
export function alertBody (action: string, params: AlertParams = {}): any {
  const tinyId = params.tinyId ?? '201'
  stamp += 1000n
  return {
    source: { name: 'web', type: 'API' },
    alert: {
      updatedAt: Number(stamp / 1000n) * 1000,
      tags: params.tags ?? ['builds'],
      teams: params.teams ?? ['platform'],
      recipients: ['platform'],
      message: params.message ?? 'Build queue wait above 10 minutes',
      username: params.username ?? 'ana@example.com',
      alertId: params.alertId ?? `8743a1b2-11da-480e-8493-${tinyId.padStart(12, '0')}`,
      source: 'datadog',
      alias: `alias-${tinyId}`,
      tinyId,
      priority: params.priority ?? 'P1',
      createdAt: 1_764_000_000_000,
      userId: 'daed1180-0ce8-438b-8f8e-57e1a5920a2d',
      entity: '',
      ...extraFor(action),
      ...params.extra
    },
    action,
    integrationId: '37c8f316-17c6-49d7-899b-9c7e540c048d',
    integrationName: 'Hubot webhook'
  }
}

function extraFor (action: string): Record<string, unknown> {
  switch (action) {
    case 'AddNote': return { note: 'deploying a fix' }
    case 'AssignOwnership': return { owner: 'ben@example.com' }
    case 'TakeOwnership': return { owner: 'ana@example.com' }
    case 'Snooze': return { snoozeEndDate: Date.parse('2026-11-24T08:55:00Z') }
    case 'EscalateNext': return { escalationName: 'Platform escalation', username: 'System' }
    case 'SlaBreached': return { username: 'System' }
    default: return {}
  }
}

export function componentBody (id: string, name: string, oldStatus: string, newStatus: string, updateId = `cu${Math.random().toString(36).slice(2, 12)}`): any {
  return {
    meta: { unsubscribe: 'https://status.example.com/?unsubscribe=x', documentation: 'https://doers.statuspage.io/customer-notifications/webhooks/', generated_at: '2026-11-24T07:00:00Z' },
    page: { id: 'sbxpage00001', status_indicator: 'major', status_description: 'Partial System Outage' },
    component_update: { created_at: '2026-11-24T07:00:00Z', new_status: newStatus, old_status: oldStatus, id: updateId, component_id: id },
    component: { created_at: '2026-01-01T00:00:00Z', id, name, status: newStatus, group_id: null }
  }
}

export function incidentBody (id: string, name: string, status: string, latest: string, updateId = `iu${Math.random().toString(36).slice(2, 12)}`): any {
  return {
    meta: { unsubscribe: 'https://status.example.com/?unsubscribe=x', documentation: 'https://doers.statuspage.io/customer-notifications/webhooks/' },
    page: { id: 'sbxpage00001', status_indicator: 'minor', status_description: 'Minor Service Outage' },
    incident: {
      id,
      name,
      status,
      impact: 'minor',
      shortlink: 'https://stspg.io/abc123',
      created_at: '2026-11-24T07:00:00Z',
      updated_at: '2026-11-24T07:05:00Z',
      incident_updates: [{ id: updateId, incident_id: id, status, body: latest, created_at: '2026-11-24T07:05:00Z', display_at: '2026-11-24T07:05:00Z' }]
    }
  }
}
