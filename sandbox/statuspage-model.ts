// Statuspage's data as the v1 API shows it, and the rules that tie it together: a group's status
// is its worst child's, an incident's impact follows its components unless overridden, and an
// incident update records which components it changed.

import { COMPONENT_STATUSES, type Component as ApiComponent, type ComponentStatus, type Impact } from '../src/statuspage/types'
import { statuspageId } from './ids'

// The component statuses, the impacts and the component row are the API's, as the client reads
// them (src/statuspage/types.ts); the stand-in's incident statuses and updates differ (below).
export type { ComponentStatus, Impact }
const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved', 'scheduled', 'in_progress', 'verifying', 'completed'] as const
export type IncidentStatus = typeof INCIDENT_STATUSES[number]
const IMPACTS: readonly Impact[] = ['none', 'maintenance', 'minor', 'major', 'critical']

/** The API's component row as the stand-in stores it: every field present, and a known status. */
export interface Component extends Required<Omit<ApiComponent, 'status' | 'components'>> {
  status: ComponentStatus
  /** Only on group rows: the ids of its children. */
  components?: string[]
}

export interface AffectedComponent {
  code: string
  name: string
  old_status: ComponentStatus
  new_status: ComponentStatus
}

export interface IncidentUpdate {
  id: string
  incident_id: string
  status: IncidentStatus
  body: string
  created_at: string
  updated_at: string
  display_at: string
  deliver_notifications: boolean
  affected_components: AffectedComponent[] | null
}

/** Stored form: components are linked by id and rendered fresh on every read, as the API does. */
export interface StoredIncident {
  id: string
  page_id: string
  name: string
  status: IncidentStatus
  impact_override: Impact | null
  shortlink: string
  created_at: string
  updated_at: string
  monitoring_at: string | null
  resolved_at: string | null
  scheduled_for: string | null
  scheduled_until: string | null
  /** Scheduled maintenance only (null on realtime incidents): the switches of the API reference. */
  maintenance: MaintenanceSwitches | null
  component_ids: string[]
  /** Newest first, as the API lists them. */
  incident_updates: IncidentUpdate[]
}

export const MAINTENANCE_SWITCHES = [
  'scheduled_remind_prior', 'scheduled_auto_in_progress', 'scheduled_auto_completed',
  'auto_transition_to_maintenance_state', 'auto_transition_to_operational_state',
  'auto_transition_deliver_notifications_at_start', 'auto_transition_deliver_notifications_at_end'
] as const
export type MaintenanceSwitches = Record<typeof MAINTENANCE_SWITCHES[number], boolean>

/** What the API assumes for a switch not sent: off (the page's own defaults are not modelled). */
export const noSwitches = (): MaintenanceSwitches =>
  Object.fromEntries(MAINTENANCE_SWITCHES.map(k => [k, false])) as MaintenanceSwitches

interface StatuspagePageInfo { id: string, name: string, subdomain: string, url: string, time_zone: string }

/** An incident's postmortem as the API answers it (sandbox/statuspage-postmortems.ts serves it). */
export interface StoredPostmortem {
  preview_key: string
  body: string | null
  body_updated_at: string | null
  body_draft: string | null
  body_draft_updated_at: string | null
  published_at: string | null
  notify_subscribers: boolean | null
  notify_twitter: boolean | null
  custom_tweet: string | null
  created_at: string
  updated_at: string
}

export interface StatuspageState {
  page: StatuspagePageInfo
  /** In position order; groups and their children together. */
  components: Component[]
  /** Newest first. */
  incidents: StoredIncident[]
  /** By incident id. */
  postmortems: Record<string, StoredPostmortem>
}

const SEVERITY: Record<ComponentStatus, number> = {
  operational: 0, under_maintenance: 1, degraded_performance: 2, partial_outage: 3, major_outage: 4
}

export const isComponentStatus = (s: unknown): s is ComponentStatus =>
  (COMPONENT_STATUSES as readonly unknown[]).includes(s)
export const isIncidentStatus = (s: unknown): s is IncidentStatus =>
  (INCIDENT_STATUSES as readonly unknown[]).includes(s)
export const isImpact = (s: unknown): s is Impact => (IMPACTS as readonly unknown[]).includes(s)
/** Realtime incidents not yet resolved: maintenances are listed by active_maintenance and upcoming. */
export const isUnresolved = (i: StoredIncident): boolean =>
  !['resolved', 'completed', 'postmortem', 'scheduled', 'in_progress', 'verifying'].includes(i.status)
export const isActiveMaintenance = (i: StoredIncident): boolean => ['in_progress', 'verifying'].includes(i.status)

/**
 * Scheduled maintenances that reached their start or end move on by themselves when their switches
 * say so (scheduled_auto_in_progress / _completed), taking their components with them
 * (auto_transition_to_maintenance_state / _operational_state), as Statuspage does.
 */
export function autoTransition (state: StatuspageState, nowMs: number): void {
  const now = new Date(nowMs).toISOString()
  for (const m of state.incidents) {
    const switches = m.maintenance
    if (!switches) continue
    const components = (status: ComponentStatus): Record<string, ComponentStatus> =>
      Object.fromEntries(m.component_ids.map(id => [id, status]))
    const move = (status: IncidentStatus, to: ComponentStatus | undefined, deliver: boolean): void => {
      const affected = to ? setStatuses(state, components(to), now) : []
      m.incident_updates.unshift(newIncidentUpdate(m, status, '', affected, deliver, now))
      m.status = status
      m.updated_at = now
      if (status === 'completed') m.resolved_at = now
    }
    if (m.status === 'scheduled' && switches.scheduled_auto_in_progress && Date.parse(m.scheduled_for ?? '') <= nowMs) {
      move('in_progress', switches.auto_transition_to_maintenance_state ? 'under_maintenance' : undefined, switches.auto_transition_deliver_notifications_at_start)
    }
    if (isActiveMaintenance(m) && switches.scheduled_auto_completed && Date.parse(m.scheduled_until ?? '') <= nowMs) {
      move('completed', switches.auto_transition_to_operational_state ? 'operational' : undefined, switches.auto_transition_deliver_notifications_at_end)
    }
  }
}

/** A group's status is derived from its children (the worst of them). */
export function refreshGroups (state: StatuspageState, now: string): void {
  for (const group of state.components.filter(c => c.group)) {
    const children = state.components.filter(c => c.group_id === group.id)
    const worst = children.reduce<ComponentStatus>((w, c) => (SEVERITY[c.status] > SEVERITY[w] ? c.status : w), 'operational')
    if (group.status !== worst) { group.status = worst; group.updated_at = now }
  }
}

/** Sets components' statuses; returns what changed, in the shape an incident update records. */
export function setStatuses (
  state: StatuspageState, changes: Record<string, ComponentStatus>, now: string
): AffectedComponent[] {
  const affected: AffectedComponent[] = []
  for (const [id, status] of Object.entries(changes)) {
    const component = state.components.find(c => c.id === id)
    if (!component || component.group) continue
    affected.push({ code: id, name: component.name, old_status: component.status, new_status: status })
    if (component.status !== status) { component.status = status; component.updated_at = now }
  }
  refreshGroups(state, now)
  return affected
}

/** The impact Statuspage would compute from the linked components (unless overridden). */
function impactOf (state: StatuspageState, incident: StoredIncident): Impact {
  if (incident.impact_override) return incident.impact_override
  if (incident.scheduled_for) return 'maintenance'
  const worst = Math.max(0, ...incident.component_ids.map(id => SEVERITY[state.components.find(c => c.id === id)?.status ?? 'operational']))
  return (['none', 'maintenance', 'minor', 'major', 'critical'] as const)[worst]
}

/** The incident as the API returns it: current copies of its components, computed impact. */
export function renderIncident (state: StatuspageState, incident: StoredIncident): Record<string, unknown> {
  const { component_ids: ids, maintenance, ...rest } = incident
  return {
    ...rest,
    ...(maintenance ?? {}),
    impact: impactOf(state, incident),
    ...postmortemFields(state, incident.id),
    components: ids.map(id => state.components.find(c => c.id === id)).filter(Boolean).map(c => ({ ...c }))
  }
}

export function newIncidentUpdate (
  incident: StoredIncident, status: IncidentStatus, body: string, affected: AffectedComponent[], deliver: boolean,
  now: string
): IncidentUpdate {
  return {
    id: statuspageId(),
    incident_id: incident.id,
    status,
    body,
    created_at: now,
    updated_at: now,
    display_at: now,
    deliver_notifications: deliver,
    affected_components: affected.length ? affected : null
  }
}

/** The published postmortem on an incident, in the incident fields Atlassian's OpenAPI description lists. */
function postmortemFields (state: StatuspageState, incidentId: string): Record<string, unknown> {
  const p = state.postmortems[incidentId]
  return {
    postmortem_body: p?.published_at ? p.body : null,
    postmortem_body_last_updated_at: p?.published_at ? p.body_updated_at : null,
    postmortem_ignored: false,
    postmortem_notified_subscribers: p?.published_at ? p.notify_subscribers === true : false,
    postmortem_notified_twitter: p?.published_at ? p.notify_twitter === true : false,
    postmortem_published_at: p?.published_at ?? null
  }
}
