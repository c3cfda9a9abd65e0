// OpsGenie v2 alerts: search with paging, one alert by id|tiny|alias, and the asynchronous actions.
// An action answers 202 at once and is applied after `actionDelayMs`; until then its request
// status is 404 + `X-Opsgenie-Errortype: RequestNotProcessed`, as on the real service.

import type { Router, SandboxReply, SandboxRequest } from './http-kit'
import { uuid } from './ids'
import { fail, invalid, ok } from './opsgenie-envelope'
import { fullAlert, listAlert, PRIORITIES, type Alert, type OpsgenieState, type Priority, type Schedule } from './opsgenie-model'
import { addResponder, resolveResponder, respondersOf } from './paging-directory'
import { parseQuery, QueryError } from './opsgenie-query'

type Guard = (handler: (req: SandboxRequest) => SandboxReply) => (req: SandboxRequest) => SandboxReply

export interface AlertRoutesOptions {
  state: () => OpsgenieState
  actionDelayMs: () => number
  /** Pending action timers, so stop() can clear them. */
  timers: Set<NodeJS.Timeout>
  /** Called for each action that succeeded on an alert (the webhook integration's moment). */
  onAction?: (action: string, alert: Alert, body: Record<string, unknown>, status: string) => void
}

const SORT_FIELDS = new Set(['createdAt', 'updatedAt', 'tinyId', 'alias', 'message', 'status', 'acknowledged', 'isSeen', 'snoozed', 'snoozedUntil', 'count', 'lastOccurredAt', 'source', 'owner', 'priority'])

/** Action path segment → the name OpsGenie reports in the request status. */
const ACTION_NAMES: Record<string, string> = {
  acknowledge: 'Acknowledge',
  unacknowledge: 'UnAcknowledge',
  close: 'Close',
  notes: 'AddNote',
  snooze: 'Snooze',
  assign: 'AssignOwnership',
  escalate: 'Escalate',
  responders: 'AddResponder'
}

export function alertRoutes (router: Router, guarded: Guard, options: AlertRoutesOptions): void {
  const { state } = options

  router.on('GET', '/v2/alerts', guarded((req) => {
    let matches: (a: Alert) => boolean
    try {
      matches = parseQuery(req.query.get('query'))
    } catch (err) {
      return fail(422, err instanceof QueryError ? err.message : 'Invalid query')
    }
    const limit = intParam(req, 'limit', 20)
    const offset = intParam(req, 'offset', 0)
    if (limit === undefined || limit < 1 || limit > 100) return fail(422, 'Limit should be between 1 and 100')
    if (offset === undefined || offset < 0 || offset + limit > 20000) return fail(422, 'Offset should be 0 or more and offset + limit at most 20000')
    const sort = req.query.get('sort') ?? 'createdAt'
    const order = (req.query.get('order') ?? 'desc').toLowerCase()
    if (!SORT_FIELDS.has(sort)) return fail(422, `Invalid sort field: ${sort}`)
    if (order !== 'asc' && order !== 'desc') return fail(422, `Invalid order: ${order}`)
    const found = state().alerts.filter(matches).sort(compareBy(sort, order))
    return ok(200, {
      data: found.slice(offset, offset + limit).map(listAlert),
      paging: paging(req, found.length, offset, limit)
    })
  }))

  // Registered before /v2/alerts/:identifier/:action so `requests` is never taken for an alert id.
  router.on('GET', '/v2/alerts/requests/:requestId', guarded((req) => {
    const r = state().requests[req.params.requestId]
    if (!r || !r.processed) {
      return fail(404, 'Request not found. It might not be processed, yet.', {}, { 'X-Opsgenie-Errortype': 'RequestNotProcessed' })
    }
    return ok(200, {
      data: {
        success: true,
        action: r.action,
        processedAt: r.processedAt,
        integrationId: SANDBOX_INTEGRATION.id,
        isSuccess: r.isSuccess,
        status: r.status,
        alertId: r.alertId ?? '',
        alias: r.alias ?? ''
      }
    })
  }))

  router.on('GET', '/v2/alerts/:identifier', guarded((req) => {
    const found = findAlert(state(), req)
    if (typeof found === 'string') return fail(found === 'type' ? 422 : 404, found === 'type' ? 'Invalid identifierType, use id, tiny or alias' : 'Alert does not exist')
    return ok(200, { data: fullAlert(found) })
  }))

  router.on('GET', '/v2/alerts/:identifier/notes', guarded((req) => {
    const found = findAlert(state(), req)
    if (typeof found === 'string') return fail(404, 'Alert does not exist')
    const data = [...found.notes].reverse().map((n, i) => ({ note: n.note, owner: n.owner ?? 'System', createdAt: n.createdAt, offset: String(i + 1) }))
    return ok(200, { data, paging: {} })
  }))

  router.on('GET', '/v2/alerts/:identifier/logs', guarded((req) => {
    const found = findAlert(state(), req)
    if (typeof found === 'string') return fail(404, 'Alert does not exist')
    const data = [...found.log].reverse().map((l, i) => ({ log: `${l.action}${l.note ? `: ${l.note}` : ''}`, type: 'system', owner: l.user ?? 'System', createdAt: l.createdAt, offset: String(i + 1) }))
    return ok(200, { data, paging: {} })
  }))

  router.on('POST', '/v2/alerts', guarded((req) => {
    const body = (req.body ?? {}) as Record<string, unknown>
    if (typeof body.message !== 'string' || !body.message.trim()) return invalid('message', 'Message can not be empty.')
    if (body.message.length > 130) return invalid('message', 'Message length must be at most 130.')
    if (body.priority !== undefined && !PRIORITIES.includes(body.priority as Priority)) return invalid('priority', 'Priority should be one of P1, P2, P3, P4, P5')
    return enqueue(options, 'Create', null, body, () => createAlert(state(), body))
  }))

  router.on('POST', '/v2/alerts/:identifier/:action', guarded((req) => {
    const action = ACTION_NAMES[req.params.action]
    if (!action) return fail(404, `Unknown alert action ${req.params.action}`)
    const body = (req.body ?? {}) as Record<string, unknown>
    const problem = validateAction(req.params.action, body)
    if (problem) return problem
    const type = req.query.get('identifierType') ?? 'id'
    if (!['id', 'tiny', 'alias'].includes(type)) return fail(422, 'Invalid identifierType, use id, tiny or alias')
    // Looked up when processed, like the real queue: an unknown id fails then, not now.
    return enqueue(options, action, req.params.identifier, body, () => {
      const alert = lookup(state(), req.params.identifier, type)
      if (!alert) return { isSuccess: false, status: 'Alert does not exist', alert: undefined }
      return { ...applyAction(alert, req.params.action, body, state().schedules), alert }
    })
  }))
}

export const SANDBOX_INTEGRATION = { id: uuid('integration'), name: 'Sandbox API integration', type: 'API' }

function intParam (req: SandboxRequest, name: string, fallback: number): number | undefined {
  const raw = req.query.get(name)
  if (raw === null || raw === '') return fallback
  const n = Number(raw)
  return Number.isInteger(n) ? n : undefined
}

function compareBy (field: string, order: string): (a: Alert, b: Alert) => number {
  const sign = order === 'asc' ? 1 : -1
  return (a, b) => {
    const x = (a as unknown as Record<string, unknown>)[field]
    const y = (b as unknown as Record<string, unknown>)[field]
    const cmp = field === 'tinyId' || field === 'count' ? Number(x) - Number(y) : String(x ?? '').localeCompare(String(y ?? ''))
    return sign * cmp
  }
}

/** `next` only while more rows follow; links are absolute, as OpsGenie's are. */
function paging (req: SandboxRequest, total: number, offset: number, limit: number): Record<string, string> {
  const link = (at: number): string => {
    const q = new URLSearchParams(req.query)
    q.set('offset', String(at))
    q.set('limit', String(limit))
    return `${req.origin}/v2/alerts?${q.toString()}`
  }
  const last = total === 0 ? 0 : Math.floor((total - 1) / limit) * limit
  return { ...(offset + limit < total ? { next: link(offset + limit) } : {}), first: link(0), last: link(last) }
}

export function lookup (state: OpsgenieState, identifier: string, type: string): Alert | undefined {
  if (type === 'tiny') return state.alerts.find(a => a.tinyId === identifier)
  if (type === 'alias') return state.alerts.find(a => a.alias === identifier)
  return state.alerts.find(a => a.id === identifier)
}

function findAlert (state: OpsgenieState, req: SandboxRequest): Alert | 'type' | 'missing' {
  const type = req.query.get('identifierType') ?? 'id'
  if (!['id', 'tiny', 'alias'].includes(type)) return 'type'
  return lookup(state, req.params.identifier, type) ?? 'missing'
}

function validateAction (action: string, body: Record<string, unknown>): SandboxReply | undefined {
  for (const [field, max] of [['user', 100], ['source', 100], ['note', 25000]] as const) {
    if (body[field] !== undefined && (typeof body[field] !== 'string' || (body[field] as string).length > max)) return invalid(field, `${field} must be a string of at most ${max} characters.`)
  }
  if (action === 'notes' && (typeof body.note !== 'string' || !body.note.trim())) return invalid('note', 'Note can not be empty.')
  if (action === 'snooze') {
    const end = typeof body.endTime === 'string' ? Date.parse(body.endTime) : NaN
    if (Number.isNaN(end)) return invalid('endTime', 'endTime must be an ISO 8601 date.')
    if (end <= Date.now()) return invalid('endTime', 'endTime must be in the future.')
  }
  if (action === 'assign') {
    const owner = body.owner as { username?: unknown, id?: unknown } | undefined
    if (!owner || (typeof owner.username !== 'string' && typeof owner.id !== 'string')) return invalid('owner', 'Owner must have an id or username.')
  }
  if (action === 'responders') {
    const r = body.responder as { type?: unknown } | undefined
    if (!r || typeof r.type !== 'string') return invalid('responder', 'Responder must have a type and an id, name or username.')
  }
  if (action === 'escalate') {
    const esc = body.escalation as { name?: unknown, id?: unknown } | undefined
    if (!esc || (typeof esc.name !== 'string' && typeof esc.id !== 'string')) return invalid('escalation', 'Escalation must have an id or name.')
  }
  return undefined
}

export interface Outcome { isSuccess: boolean, status: string, alert?: Alert }

export function enqueue (
  options: AlertRoutesOptions, action: string, identifier: string | null, body: Record<string, unknown>,
  run: () => Outcome
): SandboxReply {
  const requestId = uuid()
  const state = options.state()
  state.requests[requestId] = { requestId, action, alertId: null, alias: null, processed: false }
  const timer = setTimeout(() => {
    options.timers.delete(timer)
    const outcome = run()
    const now = new Date().toISOString()
    const entry = {
      action, user: str(body.user), source: str(body.source), note: str(body.note), requestId, createdAt: now
    }
    if (outcome.alert && outcome.isSuccess) {
      outcome.alert.log.push(entry)
      options.onAction?.(action, outcome.alert, body, outcome.status)
    }
    state.actions.push({
      ...entry,
      alertId: outcome.alert?.id ?? identifier,
      tinyId: outcome.alert?.tinyId ?? null,
      isSuccess: outcome.isSuccess
    })
    Object.assign(state.requests[requestId], {
      processed: true,
      isSuccess: outcome.isSuccess,
      status: outcome.status,
      processedAt: now,
      alertId: outcome.alert?.id ?? null,
      alias: outcome.alert?.alias ?? null
    })
  }, options.actionDelayMs())
  timer.unref()
  options.timers.add(timer)
  return { status: 202, body: { result: 'Request will be processed', took: 0.004, requestId } }
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)

function applyAction (
  alert: Alert, action: string, body: Record<string, unknown>, schedules: readonly Schedule[]
): Outcome {
  const now = new Date()
  const since = now.getTime() - Date.parse(alert.createdAt)
  const user = str(body.user) ?? 'System'
  alert.updatedAt = now.toISOString()
  switch (action) {
    case 'acknowledge':
      if (alert.status === 'closed') return { isSuccess: false, status: 'Alert is already closed' }
      if (!alert.acknowledged) Object.assign(alert.report, { ackTime: since, acknowledgedBy: user })
      alert.acknowledged = true
      alert.isSeen = true
      break
    case 'unacknowledge':
      alert.acknowledged = false
      break
    case 'close':
      if (alert.status !== 'closed') Object.assign(alert.report, { closeTime: since, closedBy: user })
      alert.status = 'closed'
      break
    case 'snooze':
      alert.snoozed = true
      alert.snoozedUntil = new Date(String(body.endTime)).toISOString()
      break
    case 'assign': {
      const owner = body.owner as { username?: string, id?: string }
      alert.owner = owner.username ?? owner.id ?? ''
      break
    }
    case 'responders': {
      const responder = resolveResponder(schedules, body.responder)
      if (!responder) return { isSuccess: false, status: 'Responder does not exist' }
      addResponder(alert, responder)
      break
    }
  }
  // Any action may carry a note; the notes action is nothing else.
  if (typeof body.note === 'string' && body.note.trim()) alert.notes.push({ note: body.note, owner: str(body.user), source: str(body.source), createdAt: now.toISOString() })
  return { isSuccess: true, status: `${ACTION_NAMES[action] ?? action} request processed successfully` }
}

export function createAlert (state: Pick<OpsgenieState, 'alerts' | 'nextTinyId' | 'schedules'>, body: Record<string, unknown>): Outcome {
  const now = new Date().toISOString()
  const alias = str(body.alias) ?? uuid()
  const existing = state.alerts.find(a => a.alias === alias && a.status === 'open')
  if (existing) {
    existing.count += 1
    existing.lastOccurredAt = now
    return { isSuccess: true, status: 'Alert count incremented', alert: existing }
  }
  const alert: Alert = {
    id: uuid(),
    tinyId: String(state.nextTinyId++),
    alias,
    message: String(body.message),
    status: 'open',
    acknowledged: false,
    isSeen: false,
    tags: Array.isArray(body.tags) ? body.tags.map(String) : [],
    snoozed: false,
    count: 1,
    lastOccurredAt: now,
    createdAt: now,
    updatedAt: now,
    source: str(body.source) ?? '127.0.0.1',
    owner: '',
    priority: (body.priority as Priority | undefined) ?? 'P3',
    teams: [],
    responders: [],
    integration: SANDBOX_INTEGRATION,
    report: {},
    description: str(body.description) ?? '',
    details: (body.details as Record<string, string> | undefined) ?? {},
    actions: Array.isArray(body.actions) ? body.actions.map(String) : [],
    entity: str(body.entity) ?? '',
    notes: typeof body.note === 'string' ? [{ note: body.note, owner: str(body.user), source: str(body.source), createdAt: now }] : [],
    log: []
  }
  for (const r of respondersOf(state.schedules, body.responders)) addResponder(alert, r)
  state.alerts.push(alert)
  return { isSuccess: true, status: 'Created alert', alert }
}
