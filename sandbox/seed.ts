// A believable starting point, rebuilt fresh for every sandbox: a CI service's status page with
// one degraded component and an unresolved incident about it, one maintenance in progress and one
// upcoming, open alerts (acknowledged and not,
// P1..P5), two on-call schedules and their people. Ids are stable so transcripts read the same.

import { statuspageId, uuid } from './ids'
import { SANDBOX_INTEGRATION } from './opsgenie-alerts'
import type { Alert, OpsgenieState, OpsgenieUser, Priority, Schedule } from './opsgenie-model'
import {
  MAINTENANCE_SWITCHES, newIncidentUpdate, refreshGroups, setStatuses,
  type Component, type ComponentStatus, type MaintenanceSwitches, type StatuspageState, type StoredIncident
} from './statuspage-model'

export const SANDBOX_PAGE_ID = 'sandboxpage1'

const ago = (minutes: number, now: number): string => new Date(now - minutes * 60_000).toISOString()

/** Groups and their components, in page order; a group of `null` means top-level components. */
const LAYOUT: Array<[string | null, Array<[string, ComponentStatus, string]>]> = [
  ['Web', [
    ['Website', 'operational', 'Marketing site and docs'],
    ['Dashboard', 'operational', 'The web app where you manage builds'],
    ['REST API', 'operational', 'api.example.com']
  ]],
  ['Builds', [
    ['Build Processing', 'operational', 'Running builds on our hosted runners'],
    ['Build Queue', 'operational', 'Scheduling builds onto runners'],
    ['Artifact Storage', 'operational', 'Uploads and downloads of build artifacts']
  ]],
  ['Integrations', [
    ['GitHub Webhooks', 'degraded_performance', 'Receiving push and pull request events'],
    ['Slack Notifications', 'operational', 'Build results posted to Slack'],
    ['Email Notifications', 'operational', 'Build results sent by email']
  ]],
  [null, [
    ['Billing', 'operational', 'Invoices and plan changes']
  ]]
]

export function seedStatuspage (now: number = Date.now()): StatuspageState {
  const created = ago(60 * 24 * 400, now)
  const components: Component[] = []
  let position = 1
  const base = (
    name: string, groupId: string | null, group: boolean, status: ComponentStatus, description: string | null
  ): Component => ({
    id: statuspageId(`component:${name}`),
    page_id: SANDBOX_PAGE_ID,
    group_id: groupId,
    group,
    name,
    description,
    position: position++,
    status,
    showcase: !group,
    only_show_if_degraded: false,
    start_date: created.slice(0, 10),
    created_at: created,
    updated_at: created
  })
  for (const [groupName, children] of LAYOUT) {
    const group = groupName ? base(groupName, null, true, 'operational', null) : undefined
    if (group) { group.components = []; group.showcase = false; components.push(group) }
    for (const [name, status, description] of children) {
      const c = base(name, group?.id ?? null, false, status, description)
      if (status !== 'operational') c.updated_at = ago(42, now)
      group?.components?.push(c.id)
      components.push(c)
    }
  }
  const state: StatuspageState = {
    page: { id: SANDBOX_PAGE_ID, name: 'Example CI (sandbox)', subdomain: 'example-ci-sandbox', url: 'https://status.example.com', time_zone: 'Etc/UTC' },
    components,
    incidents: [],
    postmortems: {}
  }
  refreshGroups(state, ago(42, now))

  const webhooks = components.find(c => c.name === 'GitHub Webhooks') as Component
  const incident: StoredIncident = {
    id: statuspageId('incident:webhooks'),
    page_id: SANDBOX_PAGE_ID,
    name: 'Delayed GitHub webhook deliveries',
    status: 'identified',
    impact_override: null,
    shortlink: 'https://stspg.io/sbx01',
    created_at: ago(42, now),
    updated_at: ago(15, now),
    monitoring_at: null,
    resolved_at: null,
    scheduled_for: null,
    scheduled_until: null,
    maintenance: null,
    component_ids: [webhooks.id],
    incident_updates: []
  }
  const first = newIncidentUpdate(incident, 'investigating', 'Pushes are taking up to 10 minutes to start builds. We are looking into it.', [{ code: webhooks.id, name: webhooks.name, old_status: 'operational', new_status: 'degraded_performance' }], true, ago(42, now))
  const second = newIncidentUpdate(incident, 'identified', 'GitHub is delivering webhooks late; we are polling for new commits meanwhile.', [], true, ago(15, now))
  incident.incident_updates = [second, first]
  state.incidents.push(incident)
  state.incidents.push(...seedMaintenances(state, now))
  return state
}

/** Every switch on, as chat schedules them: components follow the window, subscribers hear of it. */
const ALL_ON = Object.fromEntries(MAINTENANCE_SWITCHES.map(k => [k, true])) as MaintenanceSwitches

/**
 * One maintenance in progress (Email Notifications, under maintenance until it ends in 90 minutes) and
 * one upcoming in 6 hours (Dashboard and REST API), so `status` and `status maintenance` show both.
 */
function seedMaintenances (state: StatuspageState, now: number): StoredIncident[] {
  const byName = (name: string): Component => state.components.find(c => c.name === name) as Component
  const maintenance = (key: string, name: string, status: 'in_progress' | 'scheduled', fromMin: number, untilMin: number, names: string[], body: string): StoredIncident => {
    const created = ago(60 * 24 * 3, now)
    const m: StoredIncident = {
      id: statuspageId(`maintenance:${key}`),
      page_id: SANDBOX_PAGE_ID,
      name,
      status,
      impact_override: null,
      shortlink: `https://stspg.io/sbxm${key.slice(0, 2)}`,
      created_at: created,
      updated_at: created,
      monitoring_at: null,
      resolved_at: null,
      scheduled_for: ago(-fromMin, now),
      scheduled_until: ago(-untilMin, now),
      maintenance: { ...ALL_ON },
      component_ids: names.map(n => byName(n).id),
      incident_updates: []
    }
    const scheduled = newIncidentUpdate(m, 'scheduled', body, [], true, created)
    m.incident_updates = [scheduled]
    if (status === 'in_progress') {
      const affected = setStatuses(state, Object.fromEntries(m.component_ids.map(id => [id, 'under_maintenance' as const])), ago(-fromMin, now))
      m.incident_updates.unshift(newIncidentUpdate(m, 'in_progress', 'The switch has started.', affected, true, ago(-fromMin, now)))
    }
    return m
  }
  return [
    maintenance('email', 'Email provider switch', 'in_progress', -30, 90, ['Email Notifications'], 'Build result emails may arrive a few minutes late while we switch providers.'),
    maintenance('dashboard', 'Dashboard database upgrade', 'scheduled', 6 * 60, 8 * 60, ['Dashboard', 'REST API'], 'The dashboard and the REST API will be read-only for up to 10 minutes.')
  ]
}

const USERS: Array<[string, string, string]> = [
  ['ana@example.com', 'Ana Lima', 'Owner'],
  ['ben@example.com', 'Ben Okafor', 'Admin'],
  ['chen@example.com', 'Chen Wei', 'User'],
  ['dana@example.com', 'Dana Novak', 'User']
]

/** [tinyId, priority, message, minutes ago, acknowledged by (or null), status, tags, source] */
const ALERTS: Array<[string, Priority, string, number, string | null, 'open' | 'closed', string[], string]> = [
  ['101', 'P1', 'Build Processing: queue wait above 10 minutes', 9, null, 'open', ['builds', 'customer-facing'], 'Datadog'],
  ['102', 'P2', 'GitHub webhook delivery lag over 5 minutes', 44, 'ana@example.com', 'open', ['integrations', 'github'], 'Datadog'],
  ['103', 'P3', 'Disk usage 87% on artifact-store-02', 63, null, 'open', ['storage'], 'Prometheus'],
  ['104', 'P4', 'TLS certificate for status.example.com expires in 14 days', 300, null, 'open', ['certificates'], 'Checkly'],
  ['105', 'P5', 'Nightly database backup took 2h10m (usual 40m)', 520, 'ben@example.com', 'open', ['database'], 'cron'],
  ['99', 'P3', 'Elevated 5xx rate on REST API', 1440, 'chen@example.com', 'closed', ['api'], 'Datadog']
]

export function seedOpsgenie (now: number = Date.now()): OpsgenieState {
  const users: OpsgenieUser[] = USERS.map(([username, fullName, role]) => ({ id: uuid(`user:${username}`), username, fullName, role, timeZone: 'Europe/London' }))
  const alerts: Alert[] = ALERTS.map(([tinyId, priority, message, minutes, ackBy, status, tags, source]) => {
    const createdAt = ago(minutes, now)
    return {
      id: uuid(`alert:${tinyId}`),
      tinyId,
      alias: `sandbox-${tinyId}`,
      message,
      status,
      acknowledged: ackBy !== null,
      isSeen: ackBy !== null,
      tags,
      snoozed: false,
      count: 1,
      lastOccurredAt: createdAt,
      createdAt,
      updatedAt: ackBy ? ago(minutes - 3, now) : createdAt,
      source,
      owner: ackBy ?? '',
      priority,
      teams: [{ id: uuid('team:platform') }],
      responders: [{ type: 'team', id: uuid('team:platform') }],
      integration: SANDBOX_INTEGRATION,
      report: ackBy ? { ackTime: 180_000, acknowledgedBy: ackBy, ...(status === 'closed' ? { closeTime: 1_200_000, closedBy: ackBy } : {}) } : {},
      description: `${message}. Runbook: https://runbooks.example.com/${tags[0]}`,
      details: { region: 'eu-west-1', team: 'platform' },
      actions: ['Restart', 'Page the vendor'],
      entity: tags[0],
      notes: [],
      log: []
    }
  })
  const monday = new Date(now)
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7))
  monday.setUTCHours(9, 0, 0, 0)
  const schedules: Schedule[] = [
    {
      id: uuid('schedule:platform'),
      name: 'Platform On-Call',
      description: 'Primary for the CI platform',
      timezone: 'Europe/London',
      enabled: true,
      ownerTeam: { id: uuid('team:platform'), name: 'Platform' },
      rotation: ['ana@example.com', 'ben@example.com', 'chen@example.com'],
      rotationStart: monday.toISOString(),
      rotationHours: 24 * 7
    },
    {
      id: uuid('schedule:builds'),
      name: 'Builds On-Call',
      description: 'Build runners and queue',
      timezone: 'Europe/London',
      enabled: true,
      ownerTeam: { id: uuid('team:builds'), name: 'Builds' },
      rotation: ['chen@example.com', 'dana@example.com'],
      rotationStart: monday.toISOString(),
      rotationHours: 24
    }
  ]
  return { alerts, users, schedules, overrides: [], requests: {}, actions: [], nextTinyId: 106 }
}
