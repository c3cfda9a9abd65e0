// Jira Service Management Operations (OpsGenie's successor; OpsGenie's API ends 2027-04-05)
// behind the same AlertingBackend seam. What differs from opsgenie.ts is exactly what the seam
// hides: base URL with the cloud id, Basic auth (email:API token), the `values`/`links.next` list
// envelope, ids only (no tinyId, no identifierType), and the `seen`/`lastOccuredAt` spellings.
// Where the contract leaves a shape UNCONFIRMED (page size name, `data` envelope on single
// objects), both readings are accepted.

import { createHttpClient, type HttpClient } from '../http/client'
import { NotFoundError } from '../http/errors'
import type { ServiceDescriptor } from '../http/service'
import { conform, type Check } from '../http/validate'
import type { AlertingBackend } from './backend'
import {
  actionBody, alertQuery, collectPages, IDEMPOTENT_ACTIONS, PAGE_SIZE, readRequestState, segment, type RawRequestState
} from './shared'
import type { Alert, AlertAction, AlertRef, RequestState, Schedule } from './types'
import * as shape from './validate'

export interface JsmOptions {
  cloudId: string
  email: string
  apiToken: string
  /** Default https://api.atlassian.com/jsm/ops/api/{cloudId}/v1. */
  baseURL?: string
  timeoutMs?: number
  http?: HttpClient
}

export const JSM: ServiceDescriptor = {
  name: 'JSM Operations',
  hints: { keyVariable: 'HUBOT_JSM_API_TOKEN', web: 'Jira Service Management', check: ['genie'] }
}

export const jsmBaseUrl = (cloudId: string): string => `https://api.atlassian.com/jsm/ops/api/${encodeURIComponent(cloudId)}/v1`

interface RawJsmAlert {
  id: string
  message?: string
  status?: string
  acknowledged?: boolean
  seen?: boolean
  snoozed?: boolean
  count?: number
  createdAt?: string
  lastOccuredAt?: string
  priority?: string
  report?: { acknowledgedBy?: string }
}

export function toJsmAlert (raw: RawJsmAlert): Alert {
  return {
    id: raw.id,
    message: raw.message ?? '',
    status: raw.status === 'closed' ? 'closed' : 'open',
    acknowledged: raw.acknowledged === true,
    acknowledgedBy: raw.report?.acknowledgedBy,
    priority: raw.priority,
    count: raw.count ?? 1,
    createdAt: raw.createdAt ?? '',
    lastOccurredAt: raw.lastOccuredAt,
    snoozed: raw.snoozed,
    seen: raw.seen
  }
}

const ACTION_PATH: Record<AlertAction['name'], string> = {
  acknowledge: 'acknowledge', unacknowledge: 'unacknowledge', close: 'close', note: 'notes', snooze: 'snooze'
}

/** A single object may come bare or inside `data`. */
const unwrap = <T>(body: unknown): T => ((body && typeof body === 'object' && 'data' in body) ? (body as { data: T }).data : body as T)

export function createJsmBackend (options: JsmOptions): AlertingBackend {
  const http = options.http ?? createHttpClient({
    service: JSM,
    baseURL: options.baseURL ?? jsmBaseUrl(options.cloudId),
    authorization: `Basic ${Buffer.from(`${options.email}:${options.apiToken}`).toString('base64')}`,
    secrets: [options.apiToken],
    timeoutMs: options.timeoutMs
  })

  const info = (method: string, path: string, status = 200) => ({ service: JSM, method, path, status })
  /** A GET whose answer (unwrapped from any `data`) must fit `check`. */
  const read = async <T>(path: string, check: Check, params?: Record<string, string | number | boolean>): Promise<T> =>
    conform<T>(unwrap(await http.get<unknown>(path, params)), check, info('GET', path))

  const list = async <T>(path: string, params: Record<string, string | number>, row: Check): Promise<T[]> =>
    await collectPages(async offset => {
      const body = conform<{ values: T[], links?: { next?: string | null } | null }>(
        await http.get<unknown>(path, { ...params, offset, size: PAGE_SIZE, limit: PAGE_SIZE }), shape.jsmList(row), info('GET', path))
      return { items: body.values, hasNext: Boolean(body.links?.next) }
    })

  return {
    service: JSM.name,
    supportsTinyIds: false,
    listAlerts: async filter =>
      (await list<RawJsmAlert>('/alerts', { query: alertQuery(filter), sort: 'createdAt', order: 'desc' }, shape.alert)).map(toJsmAlert),
    getAlert: async (ref: AlertRef) => {
      if (ref.kind !== 'id') return undefined
      try {
        return toJsmAlert(await read<RawJsmAlert>(`/alerts/${segment(ref.value)}`, shape.alert))
      } catch (err) {
        if (err instanceof NotFoundError) return undefined
        throw err
      }
    },
    act: async (alertId, action, actor) => {
      const path = `/alerts/${segment(alertId)}/${ACTION_PATH[action.name]}`
      const response = await http.request<unknown>('POST', path, {
        body: actionBody(action, actor),
        idempotent: IDEMPOTENT_ACTIONS[action.name]
      })
      const body = conform<{ requestId?: string, data?: { requestId: string } }>(response.data, shape.jsmAccepted, info('POST', path, response.status))
      return body.requestId ?? body.data?.requestId ?? ''
    },
    requestState: async (requestId): Promise<RequestState> =>
      await readRequestState(async () => await read<RawRequestState>(`/alerts/requests/${segment(requestId)}`, shape.requestState)),
    listSchedules: async () => (await list<{ id: string, name: string, enabled?: boolean, timezone?: string }>('/schedules', {}, shape.schedule))
      .map((s): Schedule => ({ id: s.id, name: s.name, enabled: s.enabled !== false, timezone: s.timezone })),
    onCall: async scheduleId => unwrap<{ onCallRecipients?: string[] }>(await http.get(`/schedules/${segment(scheduleId)}/on-calls`, { flat: true }))?.onCallRecipients ?? [],
    createOverride: async request => {
      const response = await http.request<unknown>('POST', `/schedules/${segment(request.scheduleId)}/overrides`, {
        body: { user: { type: 'user', username: request.username }, startDate: request.startDate, endDate: request.endDate }
      })
      return unwrap<{ alias?: string }>(response.data)?.alias ?? ''
    },
    // The contract lists no user lookup for JSM Operations: the address is taken as given.
    findUser: async identifier => ({ id: identifier, username: identifier })
  }
}
