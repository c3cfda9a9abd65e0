// JSM Operations alerts in the stand-in, on both APIs that touch them:
//   REST   /jsm/ops/api/{cloudId}/v1/alerts...   Basic email:token. Lists `{values, links: {next}, count}`
//          paged by `size` + `offset` (offset + size within 20,000; `limit` is refused: it is not a
//          parameter). Alerts by id only (a tinyId is found with `query=tinyId:<n>`). Actions answer 202
//          + requestId and are credited to the token's account (no `user`); a note answers 201 with the note.
//   Events /jsm/ops/integration/v2/alerts/{identifier}/acknowledge|close|notes?identifierType=id|tiny|alias,
//          GenieKey, body `user`, `source`, `note`: 202 + requestId, credited to `user`.
// Request status (either API): 404 while queued, then the outcome.

import type { Router, SandboxReply, SandboxRequest } from './http-kit'
import { uuid } from './ids'
import { jsmAlertBody, TOKEN_ACCOUNT, type JsmState } from './jsm-model'
import type { Alert, AlertLogEntry } from './opsgenie-model'
import { parseQuery, QueryError } from './opsgenie-query'
import { addResponder, escalationsOf, resolveResponder } from './paging-directory'

type Guard = (handler: (req: SandboxRequest) => SandboxReply) => (req: SandboxRequest) => SandboxReply

export interface JsmAlertOptions {
  state: () => JsmState
  actionDelayMs: () => number
  timers: Set<NodeJS.Timeout>
  /** Called for every action applied (its webhook name, e.g. Acknowledge), like JSM's outgoing webhook. */
  onAction?: (action: string, alert: Alert, body: Record<string, unknown>) => void
}

/** JSM's newer error shape. */
export const jsmError = (status: number, title: string): Record<string, unknown> =>
  ({ errors: [{ status, code: status === 404 ? 'NOT_FOUND' : status === 401 ? 'UNAUTHORIZED' : 'BAD_REQUEST', title }] })
export const jsmFail = (status: number, title: string): SandboxReply => ({ status, body: jsmError(status, title) })

const WINDOW = 20_000
const ACTIONS: Record<string, string> = {
  acknowledge: 'Acknowledge',
  unacknowledge: 'UnAcknowledge',
  close: 'Close',
  notes: 'AddNote',
  snooze: 'Snooze',
  // REST only (sandbox/jsm-paging.ts has create and priority): escalate by escalationId, assign by accountId.
  responders: 'AddResponder',
  escalate: 'Escalate',
  assign: 'AssignOwnership',
  priority: 'UpdatePriority'
}
const INTEGRATION_ACTIONS = new Set(['acknowledge', 'close', 'notes'])

export function jsmAlertRoutes (router: Router, rest: Guard, integration: Guard, options: JsmAlertOptions): void {
  const { state } = options
  const base = '/jsm/ops/api/:cloudId/v1'

  router.on('GET', `${base}/alerts`, rest((req) => {
    if (req.query.has('limit')) return jsmFail(400, 'limit is not a parameter of this endpoint: use size')
    let matches: (a: Alert) => boolean
    try {
      matches = parseQuery(req.query.get('query'))
    } catch (err) {
      return jsmFail(400, err instanceof QueryError ? err.message : 'Invalid query')
    }
    const size = int(req.query.get('size'), 20)
    const offset = int(req.query.get('offset'), 0)
    if (size === undefined || size < 1 || size > 100) return jsmFail(400, 'size must be between 1 and 100')
    if (offset === undefined || offset < 0 || offset + size > WINDOW) return jsmFail(400, `offset + size must be at most ${WINDOW}`)
    const desc = (req.query.get('order') ?? 'desc') !== 'asc'
    const sign = desc ? -1 : 1
    const found = state().alerts.filter(matches).sort((a, b) => sign * a.createdAt.localeCompare(b.createdAt))
    const next = offset + size < found.length ? nextLink(req, offset + size, size) : undefined
    const values = found.slice(offset, offset + size).map(jsmAlertBody)
    return { status: 200, body: { values, links: next ? { next } : {}, count: found.length } }
  }))

  const requestStatus = (wrap: boolean) => (req: SandboxRequest): SandboxReply => {
    const r = state().requests[req.params.requestId]
    if (!r || !r.processed) return jsmFail(404, 'Request not found. It might not be processed, yet.')
    const data = { success: true, action: r.action, processedAt: r.processedAt, isSuccess: r.isSuccess, status: r.status, alertId: r.alertId ?? '', alias: r.alias ?? '' }
    return { status: 200, body: wrap ? { data, took: 0.002, requestId: uuid() } : data }
  }
  router.on('GET', `${base}/alerts/requests/:requestId`, rest(requestStatus(false)))
  router.on('GET', '/jsm/ops/integration/v2/alerts/requests/:requestId', integration(requestStatus(true)))

  router.on('GET', `${base}/alerts/:id`, rest((req) => {
    // By id only (JSDCLOUD-14179): a tinyId or alias here is just an unknown id.
    const alert = state().alerts.find(a => a.id === req.params.id)
    return alert ? { status: 200, body: jsmAlertBody(alert) } : jsmFail(404, 'Alert does not exist')
  }))

  router.on('POST', `${base}/alerts/:id/:action`, rest((req) => {
    const action = req.params.action
    // Priority is PATCH …/priority (sandbox/jsm-paging.ts).
    if (!ACTIONS[action] || action === 'priority') return jsmFail(404, `No route for ${action}`)
    const body = (req.body ?? {}) as Record<string, unknown>
    if (body.user !== undefined) return jsmFail(400, 'Unrecognized field "user": the REST API credits the API token\'s account')
    const problem = validate(action, body)
    if (problem) return problem
    if (action === 'notes') {
      // Answered at once, with the note.
      const alert = state().alerts.find(a => a.id === req.params.id)
      if (!alert) return jsmFail(404, 'Alert does not exist')
      const { isSuccess: _ok, status: _status, ...note } = apply(state(), alert, action, body, TOKEN_ACCOUNT.accountId, 'rest', uuid())
      options.onAction?.(ACTIONS[action], alert, { ...body, user: TOKEN_ACCOUNT.displayName })
      return { status: 201, body: note }
    }
    return enqueue(options, action, 'rest', () => state().alerts.find(a => a.id === req.params.id), body, TOKEN_ACCOUNT.accountId)
  }))

  router.on('POST', '/jsm/ops/integration/v2/alerts/:identifier/:action', integration((req) => {
    const action = req.params.action
    if (!INTEGRATION_ACTIONS.has(action)) return jsmFail(404, `The Integration Events API has no ${action} action`)
    const type = req.query.get('identifierType') ?? 'id'
    if (!['id', 'tiny', 'alias'].includes(type)) return jsmFail(400, 'identifierType must be id, tiny or alias')
    const body = (req.body ?? {}) as Record<string, unknown>
    const problem = validate(action, body)
    if (problem) return problem
    const id = req.params.identifier
    const find = (): Alert | undefined => state().alerts.find(a => (type === 'tiny' ? a.tinyId === id : type === 'alias' ? a.alias === id : a.id === id))
    return enqueue(options, action, 'integration', find, body, typeof body.user === 'string' ? body.user : 'Integration')
  }))
}

function int (raw: string | null, fallback: number): number | undefined {
  if (raw === null || raw === '') return fallback
  const n = Number(raw)
  return Number.isInteger(n) ? n : undefined
}

/** Relative, as JSM writes it. */
function nextLink (req: SandboxRequest, offset: number, size: number): string {
  const q = new URLSearchParams(req.query)
  q.set('offset', String(offset))
  q.set('size', String(size))
  return `/v1/alerts?${q.toString()}`
}

function validate (action: string, body: Record<string, unknown>): SandboxReply | undefined {
  for (const field of ['user', 'source', 'note']) {
    if (body[field] !== undefined && typeof body[field] !== 'string') return jsmFail(400, `${field} must be a string`)
  }
  if (action === 'notes' && (typeof body.note !== 'string' || !body.note.trim())) return jsmFail(400, 'note can not be empty')
  if (action === 'snooze') {
    const end = typeof body.endTime === 'string' ? Date.parse(body.endTime) : NaN
    if (Number.isNaN(end) || end <= Date.now()) return jsmFail(400, 'endTime must be an ISO 8601 date in the future')
  }
  if (action === 'escalate' && typeof body.escalationId !== 'string') return jsmFail(400, 'escalationId is required')
  if (action === 'assign' && typeof body.accountId !== 'string') return jsmFail(400, 'accountId is required')
  if (action === 'responders' && typeof (body.responder as { id?: unknown } | undefined)?.id !== 'string') return jsmFail(400, 'responder.id is required')
  return undefined
}

export function enqueue (options: JsmAlertOptions, action: string, via: 'rest' | 'integration', find: () => Alert | undefined, body: Record<string, unknown>, user: string): SandboxReply {
  const requestId = uuid()
  const state = options.state()
  state.requests[requestId] = { requestId, action: ACTIONS[action], alertId: null, alias: null, processed: false }
  const timer = setTimeout(() => {
    options.timers.delete(timer)
    const alert = find()
    const outcome = alert ? apply(state, alert, action, body, user, via, requestId) : undefined
    if (alert && outcome?.isSuccess) options.onAction?.(ACTIONS[action], alert, { ...body, user: via === 'rest' ? TOKEN_ACCOUNT.displayName : user })
    Object.assign(state.requests[requestId], {
      processed: true,
      isSuccess: outcome?.isSuccess ?? false,
      status: outcome?.status ?? 'Alert does not exist',
      processedAt: new Date().toISOString(),
      alertId: alert?.id ?? null,
      alias: alert?.alias ?? null
    })
    if (!alert) {
      state.actions.push({
        ...entry(action, user, body, requestId, new Date()), alertId: null, tinyId: null, isSuccess: false, via
      })
    }
  }, options.actionDelayMs())
  timer.unref()
  options.timers.add(timer)
  return { status: 202, body: { result: 'Request will be processed', took: 0.004, requestId } }
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)

/** One alert log line: who JSM credits, from which source, with which note. */
function entry (
  action: string, user: string, body: Record<string, unknown>, requestId: string, at: Date
): AlertLogEntry {
  return {
    action: ACTIONS[action],
    user,
    source: str(body.source),
    note: str(body.note),
    requestId,
    createdAt: at.toISOString()
  }
}

/** Applies the action; the log and notes credit `user` (the token's account on the REST API). */
function apply (state: JsmState, alert: Alert, action: string, body: Record<string, unknown>, user: string, via: 'rest' | 'integration', requestId: string): { isSuccess: boolean, status: string, note?: unknown } & Record<string, unknown> {
  const now = new Date()
  const since = now.getTime() - Date.parse(alert.createdAt)
  let isSuccess = true
  let status = `${ACTIONS[action]} request processed successfully`
  switch (action) {
    case 'acknowledge':
      if (alert.status === 'closed') { isSuccess = false; status = 'Alert is already closed'; break }
      if (!alert.acknowledged) Object.assign(alert.report, { ackTime: since, acknowledgedBy: user })
      alert.acknowledged = true
      alert.isSeen = true
      break
    case 'unacknowledge': alert.acknowledged = false; break
    case 'close':
      if (alert.status !== 'closed') Object.assign(alert.report, { closeTime: since, closedBy: user })
      alert.status = 'closed'
      break
    case 'snooze': alert.snoozed = true; alert.snoozedUntil = new Date(String(body.endTime)).toISOString(); break
    case 'assign': alert.owner = String(body.accountId); break
    case 'priority': alert.priority = body.priority as Alert['priority']; break
    case 'escalate':
      if (!escalationsOf(state.schedules).some(e => e.id === body.escalationId)) { isSuccess = false; status = 'Escalation does not exist' }
      break
    case 'responders': {
      const responder = resolveResponder(state.schedules, body.responder)
      if (!responder) { isSuccess = false; status = 'Responder does not exist'; break }
      addResponder(alert, responder)
      break
    }
  }
  const note = typeof body.note === 'string' && body.note.trim() ? { note: body.note, owner: user, source: str(body.source), createdAt: now.toISOString() } : undefined
  if (isSuccess) {
    alert.updatedAt = now.toISOString()
    if (note) alert.notes.push(note)
    alert.log.push(entry(action, user, body, requestId, now))
  }
  state.actions.push({
    ...entry(action, user, body, requestId, now), alertId: alert.id, tinyId: alert.tinyId, isSuccess, via
  })
  return { isSuccess, status, ...(note ? { id: requestId, ...note } : {}) }
}
