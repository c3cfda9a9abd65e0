// OpsGenie REST API v2 behind the AlertingBackend seam. HTTP only: no chat objects here.
// Shapes follow the OpsGenie REST API v2 reference (alerts, schedules, users).

import { createHttpClient, type HttpClient, type HttpRuntime } from '../http/client'
import { NotFoundError } from '../http/errors'
import type { ServiceDescriptor } from '../http/service'
import { conform, object, type Check } from '../http/validate'
import type { AlertingBackend } from './backend'
import { budgetOption, opsgenieDomain, perSecond } from './rate-policy'
import {
  ACTION_PATH, actionBody, alertQuery, collectPages, IDEMPOTENT_ACTIONS, ownership, PAGE_SIZE, readRequestState, segment
} from './shared'
import { createBody } from './paging'
import type {
  Accepted, Actor, Alert, AlertAction, AlertFilter, AlertRef, Escalation, NewAlert, OverrideRequest, RequestState,
  Schedule, Team, UserLookup, UserRef
} from './types'
import * as shape from './validate'

export const OPSGENIE_DEFAULT_URL = 'https://api.opsgenie.com'

/** OpsGenie's code for "this key is from API Key Management, not from an API integration". */
const INTEGRATION_KEY_NEEDED = 40301

export const OPSGENIE: ServiceDescriptor = {
  name: 'OpsGenie',
  hints: {
    keyVariable: 'HUBOT_OPSGENIE_API_KEY',
    web: 'the OpsGenie app',
    check: ['genie'],
    explainRefusal: ({ kind, code, method, path }) => {
      if (kind !== 'forbidden') return undefined
      // A user lookup (genie me as) is not an alert action: the integration-key advice would mislead.
      if (path.startsWith('/v2/users/')) {
        return 'OpsGenie refused: this key may not look up users, so the address could not be checked and was not stored ' +
          '(keys from an API integration often cannot read users). Nothing was changed.'
      }
      if (code === INTEGRATION_KEY_NEEDED && method.toUpperCase() === 'POST' && path.startsWith('/v2/alerts/')) {
        return 'OpsGenie refused: alert actions need a key from an API integration, not one from API Key Management. ' +
          'Create an API integration in OpsGenie and put its key in HUBOT_OPSGENIE_API_KEY. Nothing was changed.'
      }
      return undefined
    }
  },
  // RequestNotProcessed on a 404 from the request-status call: the action is still queued.
  errorHeaders: ['x-opsgenie-errortype']
}

export interface OpsGenieOptions {
  apiKey: string
  baseURL?: string
  timeoutMs?: number
  /** Calls per second allowed in each of OpsGenie's rate-limit domains (0: no client-side budget). */
  ratePerSecond?: number
  /** Injected in tests; built from the options otherwise. */
  http?: HttpClient
  /** The robot's clock and governors (see http/client.ts). */
  runtime?: Partial<HttpRuntime>
}

interface RawAlert {
  id: string
  tinyId?: string | number
  message?: string
  status?: string
  acknowledged?: boolean
  isSeen?: boolean
  snoozed?: boolean
  count?: number
  createdAt?: string
  lastOccurredAt?: string
  priority?: string
  owner?: string
  tags?: unknown
  responders?: unknown
  report?: { acknowledgedBy?: string, ackTime?: number }
}

interface ListEnvelope { data?: RawAlert[], paging?: { next?: string } }

export function toAlert (raw: RawAlert): Alert {
  return {
    id: raw.id,
    tinyId: raw.tinyId === undefined ? undefined : String(raw.tinyId),
    message: raw.message ?? '',
    status: raw.status === 'closed' ? 'closed' : 'open',
    acknowledged: raw.acknowledged === true,
    acknowledgedBy: raw.report?.acknowledgedBy,
    ackTimeMs: typeof raw.report?.ackTime === 'number' ? raw.report.ackTime : undefined,
    priority: raw.priority,
    count: raw.count ?? 1,
    createdAt: raw.createdAt ?? '',
    lastOccurredAt: raw.lastOccurredAt,
    snoozed: raw.snoozed,
    seen: raw.isSeen,
    ...ownership(raw)
  }
}

export function createOpsGenieBackend (options: OpsGenieOptions): AlertingBackend {
  const http = options.http ?? createHttpClient({
    service: OPSGENIE,
    baseURL: options.baseURL ?? OPSGENIE_DEFAULT_URL,
    authorization: `GenieKey ${options.apiKey}`,
    secrets: [options.apiKey],
    timeoutMs: options.timeoutMs,
    runtime: options.runtime,
    ...budgetOption(perSecond(options.ratePerSecond), opsgenieDomain)
  })
  /** A GET whose answer must fit `check` (a bad_response error otherwise). */
  const read = async <T>(path: string, check: Check, params?: Record<string, string | number | boolean>): Promise<T> =>
    conform<T>(await http.get<unknown>(path, params), check, { service: OPSGENIE, method: 'GET', path, status: 200 })

  const listAlerts = async (filter: AlertFilter): Promise<Alert[]> => {
    const query = alertQuery(filter)
    return await collectPages(async offset => {
      const body = await read<ListEnvelope>('/v2/alerts', shape.alertList, { query, offset, limit: PAGE_SIZE, sort: 'createdAt', order: 'desc' })
      return { items: (body.data ?? []).map(toAlert), hasNext: Boolean(body.paging?.next) }
    })
  }

  const getAlert = async (ref: AlertRef): Promise<Alert | undefined> => {
    try {
      const body = await read<{ data: RawAlert }>(`/v2/alerts/${segment(ref.value)}`, shape.oneAlert, { identifierType: ref.kind })
      return toAlert(body.data)
    } catch (err) {
      if (err instanceof NotFoundError) return undefined
      throw err
    }
  }

  const act = async (alertId: string, action: AlertAction, actor: Actor): Promise<Accepted> => {
    const path = `/v2/alerts/${segment(alertId)}/${ACTION_PATH[action.name]}`
    // Priority is the one action sent with PUT (OpsGenie alert API).
    const method = action.name === 'priority' ? 'PUT' : 'POST'
    const response = await http.request<unknown>(method, path, {
      params: { identifierType: 'id' },
      body: actionBody(action, actor),
      idempotent: IDEMPOTENT_ACTIONS[action.name]
    })
    const where = { service: OPSGENIE, method, path, status: response.status }
    const { requestId } = conform<{ requestId: string }>(response.data, shape.accepted, where)
    return { kind: 'queued', requestId }
  }

  // Resent after a timeout or 5xx: the alias makes OpsGenie deduplicate it, nobody is paged twice.
  const createAlert = async (alert: NewAlert, actor: Actor): Promise<Accepted> => {
    const path = '/v2/alerts'
    const body = createBody(alert, actor.user, actor.source)
    const response = await http.request<unknown>('POST', path, { body, idempotent: true })
    const where = { service: OPSGENIE, method: 'POST', path, status: response.status }
    const { requestId } = conform<{ requestId: string }>(response.data, shape.accepted, where)
    return { kind: 'queued', requestId }
  }

  const listTeams = async (): Promise<Team[]> =>
    (await read<{ data: Array<{ id: string, name: string }> }>('/v2/teams', shape.namedList)).data.map(t => ({ id: t.id, name: t.name }))

  const listEscalations = async (): Promise<Escalation[]> =>
    (await read<{ data: Array<{ id: string, name: string, ownerTeam?: { id?: string } | null }> }>('/v2/escalations', shape.namedList))
      .data.map(e => ({ id: e.id, name: e.name, ...(typeof e.ownerTeam?.id === 'string' ? { ownerTeamId: e.ownerTeam.id } : {}) }))

  const requestState = async (requestId: string): Promise<RequestState> => {
    const path = `/v2/alerts/requests/${segment(requestId)}`
    const where = { service: OPSGENIE, method: 'GET', path }
    const fetch = async (): Promise<unknown> => (await read<{ data: unknown }>(path, object({ data: object({}) }))).data
    return await readRequestState(fetch, where)
  }

  const listSchedules = async (): Promise<Schedule[]> => {
    const body = await read<{ data: Array<{ id: string, name: string, enabled?: boolean, timezone?: string }> }>('/v2/schedules', shape.scheduleList)
    return body.data.map(s => ({ id: s.id, name: s.name, enabled: s.enabled !== false, timezone: s.timezone }))
  }

  const onCall = async (scheduleId: string): Promise<string[]> => {
    const path = `/v2/schedules/${segment(scheduleId)}/on-calls`
    const body = await read<{ data: { onCallRecipients?: string[] | null } }>(path, shape.onCall, { scheduleIdentifierType: 'id', flat: true })
    return body.data.onCallRecipients ?? []
  }

  const createOverride = async (request: OverrideRequest): Promise<string> => {
    const path = `/v2/schedules/${segment(request.scheduleId)}/overrides`
    const response = await http.request<unknown>('POST', path, {
      params: { scheduleIdentifierType: 'id' },
      body: { user: { type: 'user', username: request.username }, startDate: request.startDate, endDate: request.endDate }
    })
    // A 201 without the override's alias may still have created it: describe-error says to check genie oncall.
    return conform<{ data: { alias: string } }>(response.data, shape.override, { service: OPSGENIE, method: 'POST', path, status: response.status }).data.alias
  }

  // GET /v2/users/{identifier} takes the username (an email) or the user id alike.
  const findUser = async (ref: UserRef): Promise<UserLookup> => {
    const identifier = 'email' in ref ? ref.email : ref.id
    try {
      const path = `/v2/users/${segment(identifier)}`
      const body = await read<{ data: { id: string, username: string, fullName?: string | null } }>(path, shape.user)
      return { kind: 'found', user: { id: body.data.id, username: body.data.username, fullName: body.data.fullName ?? undefined } }
    } catch (err) {
      if (err instanceof NotFoundError) return { kind: 'none' }
      throw err
    }
  }

  return {
    service: OPSGENIE.name,
    supportsTinyIds: true,
    peopleBy: 'username',
    listAlerts,
    getAlert,
    act,
    createAlert,
    createdBy: { by: 'person' },
    listTeams,
    listEscalations,
    requestState,
    // Every OpsGenie action takes `user`, which the alert log shows.
    attribution: () => ({ by: 'person' }),
    listSchedules,
    onCall,
    createOverride,
    findUser
  }
}
