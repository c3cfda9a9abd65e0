// A local stand-in for the Statuspage REST API v1: OAuth key,
// bare arrays, paginated components, incidents that set component statuses, 201 on create,
// `{"error": "Could not authenticate"}` on a wrong key.

import { Router, keyFrom, startStandIn, type SandboxReply, type SandboxRequest, type StandIn } from './http-kit'
import { FaultSwitch, type Fault } from './faults'
import { statuspageId } from './ids'
import { postmortemRoutes } from './statuspage-postmortems'
import { componentNotifications, componentStatuses, incidentNotification } from './statuspage-webhooks'
import { WebhookSender } from './webhook-sender'
import {
  autoTransition, isActiveMaintenance, isComponentStatus, isImpact, isIncidentStatus, isUnresolved,
  MAINTENANCE_SWITCHES,
  newIncidentUpdate, noSwitches, renderIncident, setStatuses,
  type ComponentStatus, type IncidentStatus, type StatuspageState, type StoredIncident
} from './statuspage-model'

export const SANDBOX_STATUSPAGE_KEY = 'sandbox-statuspage-key'
const MAX_PER_PAGE = 100

export interface StatuspageStandInOptions {
  state: StatuspageState
  reseed: () => StatuspageState
  fault?: Fault
  port?: number
  /** Statuspage allows one unpaginated components list a minute; 0 turns that limit off. */
  unpaginatedLimitMs?: number
}

export interface StatuspageStandIn extends StandIn {
  /** Base URL to give the package, ending in /v1. */
  url: string
  readonly state: StatuspageState
  faults: FaultSwitch
  /** Delivers subscriber webhooks (component and incident changes) once pointed at the bot. */
  webhooks: WebhookSender
}

/** Statuspage's error bodies: `error` for 401 and validation, `message` for the rest (both occur live). */
function statuspageError (status: number, message: string): unknown {
  if (status === 401) return { error: 'Could not authenticate' }
  if (status === 422) return { error: [message] }
  return { message }
}

const json = (status: number, body: unknown): SandboxReply => ({ status, body })
const fail = (status: number, message: string): SandboxReply => json(status, statuspageError(status, message))

export async function startStatuspage (options: StatuspageStandInOptions): Promise<StatuspageStandIn> {
  let state = options.state
  const faults = new FaultSwitch('statuspage', options.fault)
  const limitMs = options.unpaginatedLimitMs ?? 60_000
  let lastUnpaginated = -Infinity
  const router = new Router()

  // Every route: the key, then the page.
  const guarded = (handler: Handler): Handler => (req) => {
    if (keyFrom(req.headers, 'OAuth') !== SANDBOX_STATUSPAGE_KEY) return fail(401, 'Could not authenticate')
    if (req.params.page !== undefined && req.params.page !== state.page.id) return fail(404, 'The requested page could not be found')
    autoTransition(state, Date.now())
    return handler(req)
  }
  const now = (): string => new Date().toISOString()
  const incident = (id: string): StoredIncident | undefined => state.incidents.find(i => i.id === id)
  const webhooks = new WebhookSender()
  // Every change that succeeded is sent to the webhook subscriber: each component whose status
  // changed, and the incident created or updated, as Statuspage notifies subscribers.
  type Handler = (req: SandboxRequest) => SandboxReply
  const notifying = (handler: Handler, incidents: boolean): Handler => (req) => {
    const before = componentStatuses(state)
    const reply = handler(req)
    if (reply.status >= 300) return reply
    for (const body of componentNotifications(state, before)) webhooks.send(body)
    if (incidents) webhooks.send(incidentNotification(state, reply.body))
    return reply
  }

  router.on('GET', '/v1/pages', guarded(() => json(200, [pageBody(state)])))
  router.on('GET', '/v1/pages/:page', guarded(() => json(200, pageBody(state))))

  router.on('GET', '/v1/pages/:page/components', guarded((req) => {
    const paginated = req.query.has('page') || req.query.has('per_page')
    if (!paginated && limitMs > 0) {
      const wait = lastUnpaginated + limitMs - Date.now()
      if (wait > 0) return { status: 429, headers: { 'Retry-After': String(Math.ceil(wait / 1000)) }, body: statuspageError(429, 'Rate limit exceeded: unpaginated component lists are limited to 1 per minute, use page and per_page') }
      lastUnpaginated = Date.now()
    }
    return json(200, pageOf(state.components, req, paginated).map(c => ({ ...c })))
  }))

  router.on('GET', '/v1/pages/:page/components/:id', guarded((req) => {
    const c = state.components.find(x => x.id === req.params.id)
    return c ? json(200, { ...c }) : fail(404, 'Component not found')
  }))

  const patchComponent = guarded((req) => {
    const c = state.components.find(x => x.id === req.params.id)
    if (!c) return fail(404, 'Component not found')
    const input = (req.body as { component?: Record<string, unknown> } | undefined)?.component
    if (!input || typeof input !== 'object') return fail(400, 'component is missing')
    if (input.status !== undefined && !isComponentStatus(input.status)) return fail(422, 'Status is not included in the list')
    const t = now()
    if (typeof input.name === 'string') c.name = input.name
    if (typeof input.description === 'string') c.description = input.description
    // A group's status is derived from its children: setting it directly changes nothing.
    if (input.status !== undefined && !c.group) setStatuses(state, { [c.id]: input.status as ComponentStatus }, t)
    c.updated_at = t
    return json(200, { ...c })
  })
  router.on('PATCH', '/v1/pages/:page/components/:id', notifying(patchComponent, false))
  router.on('PUT', '/v1/pages/:page/components/:id', notifying(patchComponent, false))

  const listIncidents = (filter: (i: StoredIncident) => boolean) => guarded((req) => {
    let found = state.incidents.filter(filter)
    const q = req.query.get('q')?.toLowerCase()
    if (q) {
      found = found.filter(i =>
        i.name.toLowerCase().includes(q) || i.incident_updates.some(u => u.body.toLowerCase().includes(q)))
    }
    const limit = Number(req.query.get('limit'))
    if (Number.isInteger(limit) && limit > 0) found = found.slice(0, Math.min(limit, MAX_PER_PAGE))
    return json(200, pageOf(found, req, req.query.has('page') || req.query.has('per_page')).map(i => renderIncident(state, i)))
  })
  const nowMs = (): number => Date.now()
  router.on('GET', '/v1/pages/:page/incidents', listIncidents(() => true))
  router.on('GET', '/v1/pages/:page/incidents/unresolved', listIncidents(isUnresolved))
  // Scheduled: every maintenance not yet started; upcoming: those whose start is still ahead.
  router.on('GET', '/v1/pages/:page/incidents/scheduled', listIncidents(i => i.status === 'scheduled'))
  router.on('GET', '/v1/pages/:page/incidents/upcoming', listIncidents(i => i.status === 'scheduled' && Date.parse(i.scheduled_for ?? '') > nowMs()))
  router.on('GET', '/v1/pages/:page/incidents/active_maintenance', listIncidents(isActiveMaintenance))

  router.on('GET', '/v1/pages/:page/incidents/:id', guarded((req) => {
    const i = incident(req.params.id)
    return i ? json(200, renderIncident(state, i)) : fail(404, 'Incident not found')
  }))

  const createIncident = guarded((req) => {
    const input = (req.body as { incident?: Record<string, unknown> } | undefined)?.incident
    if (!input || typeof input !== 'object') return fail(400, 'incident is missing')
    if (typeof input.name !== 'string' || input.name.trim() === '') return fail(422, "Name can't be blank")
    const t = now()
    const created: StoredIncident = {
      id: statuspageId(),
      page_id: state.page.id,
      name: '',
      status: 'investigating',
      impact_override: null,
      shortlink: `https://stspg.io/${statuspageId().slice(0, 7)}`,
      created_at: t,
      updated_at: t,
      monitoring_at: null,
      resolved_at: null,
      scheduled_for: null,
      scheduled_until: null,
      maintenance: null,
      component_ids: [],
      incident_updates: []
    }
    const problem = applyIncidentChange(state, created, input, t, true)
    if (problem) return fail(422, problem)
    state.incidents.unshift(created)
    return json(201, renderIncident(state, created))
  })
  router.on('POST', '/v1/pages/:page/incidents', notifying(createIncident, true))

  const patchIncident = guarded((req) => {
    const i = incident(req.params.id)
    if (!i) return fail(404, 'Incident not found')
    const input = (req.body as { incident?: Record<string, unknown> } | undefined)?.incident
    if (!input || typeof input !== 'object') return fail(400, 'incident is missing')
    const problem = applyIncidentChange(state, i, input, now(), false)
    return problem ? fail(422, problem) : json(200, renderIncident(state, i))
  })
  router.on('PATCH', '/v1/pages/:page/incidents/:id', notifying(patchIncident, true))
  router.on('PUT', '/v1/pages/:page/incidents/:id', notifying(patchIncident, true))

  postmortemRoutes(router, { state: () => state, guarded, fail, now, previewKey: statuspageId })

  const standIn = await startStandIn({
    name: 'Statuspage',
    router,
    faults,
    errorBody: statuspageError,
    snapshot: () => state,
    reset: () => { state = options.reseed(); lastUnpaginated = -Infinity },
    port: options.port,
    // POST /__sandbox/component {"component": "<name or id>", "status": "major_outage"}: a colleague
    // changes a component on the web; the subscriber webhook follows.
    control: (method, path, body) => {
      if (path !== '/__sandbox/component' || method !== 'POST') return undefined
      const wanted = String(body.component ?? '').toLowerCase()
      const c = state.components.find(x => !x.group && (x.id === wanted || x.name.toLowerCase() === wanted))
      if (!c) return { status: 404, body: { message: `no component ${JSON.stringify(body.component)} (give its name or id)` } }
      if (!isComponentStatus(body.status)) return { status: 422, body: { message: 'status must be operational, degraded_performance, partial_outage, major_outage or under_maintenance' } }
      const before = componentStatuses(state)
      setStatuses(state, { [c.id]: body.status }, now())
      for (const notification of componentNotifications(state, before)) webhooks.send(notification)
      return { status: 200, body: { ...c } }
    }
  })
  return {
    ...standIn,
    url: `${standIn.origin}/v1`,
    get state () { return state },
    faults,
    webhooks
  }
}

function pageBody (state: StatuspageState): Record<string, unknown> {
  return { ...state.page, status_indicator: 'minor', status_description: 'Partially Degraded Service' }
}

/** One page of rows: `page` is 1-based, `per_page` at most 100 (larger asks get 100). */
function pageOf<T> (rows: T[], req: SandboxRequest, paginated: boolean): T[] {
  if (!paginated) return rows
  const page = Math.max(1, Number.parseInt(req.query.get('page') ?? '1', 10) || 1)
  const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Number.parseInt(req.query.get('per_page') ?? String(MAX_PER_PAGE), 10) || MAX_PER_PAGE))
  return rows.slice((page - 1) * perPage, page * perPage)
}

/**
 * Applies a create/update body to an incident: name, status, impact_override, component_ids (the
 * linked set) and components (a map that also sets their statuses). Sending status, body or
 * components adds an incident update, as the live API does. Returns a validation problem, if any.
 */
function applyIncidentChange (
  state: StatuspageState, incident: StoredIncident, input: Record<string, unknown>, now: string, creating: boolean
): string | undefined {
  if (input.name !== undefined && (typeof input.name !== 'string' || input.name.length > 255)) return 'Name is too long (maximum is 255 characters)'
  if (input.status !== undefined && !isIncidentStatus(input.status)) return 'Status is not included in the list'
  if (input.impact_override !== undefined && input.impact_override !== null && !isImpact(input.impact_override)) return 'Impact override is not included in the list'
  if (input.body !== undefined && (typeof input.body !== 'string' || input.body.length > 25_000)) return 'Body is too long (maximum is 25000 characters)'
  const ids = input.component_ids
  if (ids !== undefined && (!Array.isArray(ids) || ids.some(id => typeof id !== 'string'))) return 'Component ids must be a list of component ids'
  const map = (input.components ?? {}) as Record<string, unknown>
  if (typeof map !== 'object' || Array.isArray(map)) return 'Components must map component ids to statuses'
  for (const [id, status] of Object.entries(map)) {
    if (!isComponentStatus(status)) return `Component status ${JSON.stringify(status)} is not included in the list`
    if (!state.components.some(c => c.id === id && !c.group)) return `Component ${id} could not be found`
  }
  for (const id of (ids as string[] | undefined) ?? []) {
    if (!state.components.some(c => c.id === id)) return `Component ${id} could not be found`
  }

  if (typeof input.name === 'string') incident.name = input.name.trim()
  if (input.impact_override !== undefined) incident.impact_override = input.impact_override as StoredIncident['impact_override']
  for (const field of ['scheduled_for', 'scheduled_until'] as const) {
    if (input[field] !== undefined && (typeof input[field] !== 'string' || Number.isNaN(Date.parse(input[field] as string)))) return `${field} is not a valid time`
  }
  if (typeof input.scheduled_for === 'string' && typeof input.scheduled_until === 'string' && Date.parse(input.scheduled_until) <= Date.parse(input.scheduled_for)) {
    return 'Scheduled until must be after scheduled for'
  }
  for (const field of MAINTENANCE_SWITCHES) {
    if (input[field] !== undefined && typeof input[field] !== 'boolean') return `${field} must be true or false`
  }
  if (typeof input.scheduled_for === 'string') incident.scheduled_for = input.scheduled_for
  if (typeof input.scheduled_until === 'string') incident.scheduled_until = input.scheduled_until
  if (incident.scheduled_for) {
    const switches = incident.maintenance ?? noSwitches()
    for (const field of MAINTENANCE_SWITCHES) if (typeof input[field] === 'boolean') switches[field] = input[field] as boolean
    incident.maintenance = switches
  }
  if (ids !== undefined) incident.component_ids = [...new Set(ids as string[])]
  for (const id of Object.keys(map)) if (!incident.component_ids.includes(id)) incident.component_ids.push(id)
  const affected = setStatuses(state, map as Record<string, ComponentStatus>, now)

  const status = (input.status as IncidentStatus | undefined) ?? (creating && incident.scheduled_for ? 'scheduled' : incident.status)
  if (creating || input.status !== undefined || input.body !== undefined || Object.keys(map).length > 0) {
    const deliver = input.deliver_notifications !== false
    incident.incident_updates.unshift(newIncidentUpdate(incident, status, typeof input.body === 'string' ? input.body : '', affected, deliver, now))
  }
  if (status !== incident.status || creating) {
    incident.status = status
    if (status === 'monitoring') incident.monitoring_at = now
    if (status === 'resolved' || status === 'completed') incident.resolved_at = now
  }
  incident.updated_at = now
  return undefined
}
