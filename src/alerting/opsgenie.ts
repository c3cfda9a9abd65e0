// OpsGenie REST API v2 behind the AlertingBackend seam. HTTP only: no chat objects here.
// Shapes follow the OpsGenie REST API v2 reference (alerts, schedules, users).

import { createHttpClient, type HttpClient } from '../http/client'
import { BadResponseError, NotFoundError } from '../http/errors'
import { collectPages, IDEMPOTENT_ACTIONS, PAGE_SIZE, readRequestState, segment, type AlertingBackend, type RawRequestState } from './backend'
import type { Actor, Alert, AlertAction, AlertFilter, AlertRef, OverrideRequest, RequestState, Schedule, UserInfo } from './types'

export const OPSGENIE_DEFAULT_URL = 'https://api.opsgenie.com'

export interface OpsGenieOptions {
  apiKey: string
  baseURL?: string
  timeoutMs?: number
  /** Injected in tests; built from the options otherwise. */
  http?: HttpClient
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
  report?: { acknowledgedBy?: string }
}

interface ListEnvelope { data?: RawAlert[], paging?: { next?: string } }

/** OpsGenie's query language: `field: value` joined with AND. */
export function alertQuery (filter: AlertFilter): string {
  const parts: string[] = []
  if (filter.status) parts.push(`status: ${filter.status}`)
  if (filter.acknowledged !== undefined) parts.push(`acknowledged: ${filter.acknowledged}`)
  return parts.join(' AND ')
}

export function toAlert (raw: RawAlert): Alert {
  return {
    id: raw.id,
    tinyId: raw.tinyId === undefined ? undefined : String(raw.tinyId),
    message: raw.message ?? '',
    status: raw.status === 'closed' ? 'closed' : 'open',
    acknowledged: raw.acknowledged === true,
    acknowledgedBy: raw.report?.acknowledgedBy,
    priority: raw.priority,
    count: raw.count ?? 1,
    createdAt: raw.createdAt ?? '',
    lastOccurredAt: raw.lastOccurredAt,
    snoozed: raw.snoozed,
    seen: raw.isSeen
  }
}

const ACTION_PATH: Record<AlertAction['name'], string> = {
  acknowledge: 'acknowledge',
  unacknowledge: 'unacknowledge',
  close: 'close',
  note: 'notes',
  snooze: 'snooze'
}

export function actionBody (action: AlertAction, actor: Actor): Record<string, string> {
  const body: Record<string, string> = { user: actor.user, source: actor.source }
  if (action.name === 'note') body.note = action.note
  if (action.name === 'snooze') body.endTime = action.endTime
  return body
}

export function createOpsGenieBackend (options: OpsGenieOptions): AlertingBackend {
  const http = options.http ?? createHttpClient({
    service: 'OpsGenie',
    baseURL: options.baseURL ?? OPSGENIE_DEFAULT_URL,
    authorization: `GenieKey ${options.apiKey}`,
    secrets: [options.apiKey],
    timeoutMs: options.timeoutMs
  })

  const listAlerts = async (filter: AlertFilter): Promise<Alert[]> => {
    const query = alertQuery(filter)
    return await collectPages(async offset => {
      const body = await http.get<ListEnvelope>('/v2/alerts', { query, offset, limit: PAGE_SIZE, sort: 'createdAt', order: 'desc' })
      return { items: (body?.data ?? []).map(toAlert), hasNext: Boolean(body?.paging?.next) }
    })
  }

  const getAlert = async (ref: AlertRef): Promise<Alert | undefined> => {
    try {
      const body = await http.get<{ data: RawAlert }>(`/v2/alerts/${segment(ref.value)}`, { identifierType: ref.kind })
      return toAlert(body.data)
    } catch (err) {
      if (err instanceof NotFoundError) return undefined
      throw err
    }
  }

  const act = async (alertId: string, action: AlertAction, actor: Actor): Promise<string> => {
    const path = `/v2/alerts/${segment(alertId)}/${ACTION_PATH[action.name]}`
    const response = await http.request<{ requestId?: string }>('POST', path, {
      params: { identifierType: 'id' },
      body: actionBody(action, actor),
      idempotent: IDEMPOTENT_ACTIONS[action.name]
    })
    const requestId = response.data?.requestId
    if (typeof requestId !== 'string' || requestId === '') {
      throw new BadResponseError({ service: 'OpsGenie', method: 'POST', path, status: response.status }, 'accepted the action without a requestId to confirm it by')
    }
    return requestId
  }

  const requestState = async (requestId: string): Promise<RequestState> =>
    await readRequestState(async () => (await http.get<{ data?: RawRequestState }>(`/v2/alerts/requests/${segment(requestId)}`))?.data)

  const listSchedules = async (): Promise<Schedule[]> => {
    const body = await http.get<{ data?: Array<{ id: string, name: string, enabled?: boolean, timezone?: string }> }>('/v2/schedules')
    return (body?.data ?? []).map(s => ({ id: s.id, name: s.name, enabled: s.enabled !== false, timezone: s.timezone }))
  }

  const onCall = async (scheduleId: string): Promise<string[]> => {
    const body = await http.get<{ data?: { onCallRecipients?: string[] } }>(`/v2/schedules/${segment(scheduleId)}/on-calls`, { scheduleIdentifierType: 'id', flat: true })
    return body?.data?.onCallRecipients ?? []
  }

  const createOverride = async (request: OverrideRequest): Promise<string> => {
    const response = await http.request<{ data?: { alias?: string } }>('POST', `/v2/schedules/${segment(request.scheduleId)}/overrides`, {
      params: { scheduleIdentifierType: 'id' },
      body: { user: { type: 'user', username: request.username }, startDate: request.startDate, endDate: request.endDate }
    })
    return response.data?.data?.alias ?? ''
  }

  const findUser = async (identifier: string): Promise<UserInfo | undefined> => {
    try {
      const body = await http.get<{ data: { id: string, username: string, fullName?: string } }>(`/v2/users/${segment(identifier)}`)
      return { id: body.data.id, username: body.data.username, fullName: body.data.fullName }
    } catch (err) {
      if (err instanceof NotFoundError) return undefined
      throw err
    }
  }

  return { service: 'OpsGenie', supportsTinyIds: true, listAlerts, getAlert, act, requestState, listSchedules, onCall, createOverride, findUser }
}
