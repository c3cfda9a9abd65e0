// Jira Service Management Operations (OpsGenie's successor; OpsGenie's API ends 2027-04-05) behind
// the same AlertingBackend seam. Three HTTP clients, one per API it needs:
//   - the JSM Operations REST API, https://api.atlassian.com/jsm/ops/api/{cloudId}/v1, Basic email:API token
//     (alerts, request status, schedules, on-calls, overrides; JSM Operations OpenAPI spec);
//   - the Integration Events API, https://api.atlassian.com/jsm/ops/integration/v2, GenieKey (optional:
//     acknowledge / close / note with the person's name, see integration-events.ts);
//   - the Jira platform user API of the site, https://<site>.atlassian.net/rest/api/3 (see jira-users.ts).
// Shapes, from the JSM Operations OpenAPI spec and Atlassian's Terraform provider for JSM Operations:
// lists `{values, links: {next}, count}` paged by `size` + `offset` (offset + size within 20,000);
// alerts looked up by id only (JSDCLOUD-14179), so a tinyId is found with `query=tinyId:<n>`;
// on-calls `{onCallParticipants: [{id, type}]}` or, flat, `{onCallUsers: [accountId]}` (no `data`);
// overrides `{responder: {type: 'user', id: accountId}, startDate, endDate}`.

import { createHttpClient, type HttpClient, type HttpRuntime } from '../../http/client'
import { systemClock } from '../../util/clock'
import { BadResponseError, NotFoundError } from '../../http/errors'
import type { AlertingBackend } from '../backend'
import { budgetOption, perSecond } from '../rate-policy'
import {
  ACTION_PATH, alertQuery, collectPages, IDEMPOTENT_ACTIONS, PAGE_SIZE, readRequestState, requestIdOf, segment
} from '../shared'
import type { Accepted, Actor, Alert, AlertAction, AlertRef, Attribution, Schedule, UserLookup } from '../types'
import { listValues, toJsmAlert, unwrap, type JsmList, type RawJsmAlert } from './alerts'
import { createIntegrationEvents, INTEGRATION_ACTIONS } from './integration-events'
import { createJiraUsers, jiraNames, type JiraNames } from './jira-users'
import { createJsmPaging } from './paging'
import { JSM } from './service'

export { jiraNames, type JiraNames } from './jira-users'

export const JSM_GATEWAY = 'https://api.atlassian.com'
/** JSM refuses a page whose offset + size goes past this window. */
const JSM_LIST_WINDOW = 20_000

export interface JsmOptions {
  cloudId: string
  email: string
  apiToken: string
  /** https://<site>.atlassian.net: the Jira user API (identity, names). */
  siteUrl: string
  /** The Integration Events API key (GenieKey), to act under the person's name. */
  integrationKey?: string
  /** Default https://api.atlassian.com (the REST and integration paths follow it). */
  gatewayUrl?: string
  timeoutMs?: number
  /** Calls per second allowed (Atlassian's numbers are unpublished; 0: no client-side budget). */
  ratePerSecond?: number
  /** Injected in tests; built from the options otherwise. */
  http?: { rest?: HttpClient, integration?: HttpClient, jira?: HttpClient }
  /** The robot's clock and governors (see http/client.ts). */
  runtime?: Partial<HttpRuntime>
  /** The robot's cache of people's display names; without it, names are cached for this backend only. */
  names?: JiraNames
}

const jsmRestUrl = (gateway: string, cloudId: string): string =>
  `${gateway.replace(/\/+$/, '')}/jsm/ops/api/${encodeURIComponent(cloudId)}/v1`

/**
 * The REST API's body: no `user` (JSM credits the token's account whatever is sent). Escalate by
 * `escalationId`, assign by `accountId`, priority with PATCH (Atlassian's swagger as generated
 * clients list it); UNCONFIRMED, our reading: responders as OpsGenie's `{responder: {type, id}}`.
 */
function restBody (action: AlertAction): Record<string, unknown> {
  switch (action.name) {
    case 'note': return { note: action.note }
    case 'snooze': return { endTime: action.endTime }
    case 'responder': return { responder: { type: action.responder.type, id: action.responder.id } }
    case 'escalate': return { escalationId: action.escalation.id }
    case 'assign':
      if (!action.owner.accountId) throw new Error('JSM Operations needs an account id to assign an alert')
      return { accountId: action.owner.accountId }
    case 'priority': return { priority: action.priority }
    default: return {}
  }
}

/** Account ids from either on-call shape, teams' nested participants included. */
export function onCallAccounts (body: unknown): string[] {
  const b = unwrap<{ onCallUsers?: unknown, onCallParticipants?: unknown }>(body) ?? {}
  if (Array.isArray(b.onCallUsers)) return b.onCallUsers.filter((x): x is string => typeof x === 'string' && x !== '')
  const out: string[] = []
  const walk = (list: unknown): void => {
    if (!Array.isArray(list)) return
    for (const p of list as Array<{ id?: unknown, type?: unknown, onCallParticipants?: unknown }>) {
      if (p?.type === 'user' && typeof p.id === 'string' && p.id !== '') out.push(p.id)
      walk(p?.onCallParticipants)
    }
  }
  walk(b.onCallParticipants)
  return [...new Set(out)]
}

export function createJsmBackend (options: JsmOptions): AlertingBackend {
  const gateway = (options.gatewayUrl ?? JSM_GATEWAY).replace(/\/+$/, '')
  const basic = `Basic ${Buffer.from(`${options.email}:${options.apiToken}`).toString('base64')}`
  const secrets = [options.apiToken, ...(options.integrationKey ? [options.integrationKey] : [])]
  const client = (baseURL: string, authorization: string): HttpClient =>
    createHttpClient({
      service: JSM,
      baseURL,
      authorization,
      secrets,
      timeoutMs: options.timeoutMs,
      runtime: options.runtime,
      ...budgetOption(perSecond(options.ratePerSecond))
    })
  const rest = options.http?.rest ?? client(jsmRestUrl(gateway, options.cloudId), basic)
  const clock = options.runtime?.clock ?? systemClock
  const names = options.names ?? jiraNames(() => clock.now())
  const jira = createJiraUsers(options.http?.jira ?? client(options.siteUrl, basic), options.siteUrl, names)
  const key = options.integrationKey
  const integration = key ? createIntegrationEvents(options.http?.integration ?? client(gateway, `GenieKey ${key}`)) : undefined
  // Which request ids the integration API gave, so their status is asked there.
  const viaIntegration = new Set<string>()

  const list = async <T>(path: string, params: Record<string, string>): Promise<T[]> =>
    await collectPages(async offset => {
      if (offset + PAGE_SIZE > JSM_LIST_WINDOW) return { items: [], hasNext: false }
      return listValues(await rest.get<JsmList<T>>(path, { ...params, offset, size: PAGE_SIZE }), { method: 'GET', path })
    })

  const listAlerts = async (filter: Parameters<AlertingBackend['listAlerts']>[0]): Promise<Alert[]> =>
    (await list<RawJsmAlert>('/alerts', { query: alertQuery(filter), sort: 'createdAt', order: 'desc' }))
      .map(raw => toJsmAlert(raw, { method: 'GET', path: '/alerts' }))

  const getAlert = async (ref: AlertRef): Promise<Alert | undefined> => {
    if (ref.kind === 'tiny') {
      // By id only on the REST API (JSDCLOUD-14179): a tinyId is a query. tinyIds roll over, so an
      // open alert wins over closed ones that once had the number.
      const page = listValues(await rest.get<JsmList<RawJsmAlert>>('/alerts', { query: `tinyId:${ref.value}`, offset: 0, size: 20, sort: 'createdAt', order: 'desc' }), { method: 'GET', path: '/alerts' })
      const alerts = page.items.map(raw => toJsmAlert(raw, { method: 'GET', path: '/alerts' })).filter(a => a.tinyId === ref.value)
      return alerts.find(a => a.status === 'open') ?? alerts[0]
    }
    try {
      const path = `/alerts/${segment(ref.value)}`
      return toJsmAlert(unwrap<RawJsmAlert>(await rest.get(path)) ?? {}, { method: 'GET', path: '/alerts/{id}' })
    } catch (err) {
      if (err instanceof NotFoundError) return undefined
      throw err
    }
  }

  const act = async (alertId: string, action: AlertAction, actor: Actor): Promise<Accepted> => {
    if (integration && INTEGRATION_ACTIONS.has(action.name)) {
      const accepted = await integration.act(alertId, action, actor)
      if (accepted.kind === 'queued') viaIntegration.add(accepted.requestId)
      return accepted
    }
    const path = `/alerts/${segment(alertId)}/${ACTION_PATH[action.name]}`
    const method = action.name === 'priority' ? 'PATCH' : 'POST'
    const body = restBody(action)
    const response = await rest.request<unknown>(method, path, { body, idempotent: IDEMPOTENT_ACTIONS[action.name] })
    const requestId = requestIdOf(response.data)
    if (requestId) return { kind: 'queued', requestId }
    // A note comes back at once, 200/201 with the note itself: that is the confirmation.
    if (action.name === 'note' && (response.status === 200 || response.status === 201) && response.data && typeof response.data === 'object') return { kind: 'done' }
    throw new BadResponseError({ service: JSM, method, path, status: response.status }, 'accepted the action without a requestId to confirm it by')
  }

  const paging = createJsmPaging(rest, path => list(path, {}), integration, id => viaIntegration.add(id))

  const requestState = async (requestId: string) => {
    if (integration && viaIntegration.has(requestId)) return await integration.requestState(requestId)
    const path = `/alerts/requests/${segment(requestId)}`
    return await readRequestState(async () => unwrap(await rest.get(path)), { service: JSM, method: 'GET', path })
  }

  const attribution = (action: AlertAction['name']): Attribution => {
    if (integration && INTEGRATION_ACTIONS.has(action)) return { by: 'person' }
    return INTEGRATION_ACTIONS.has(action) ? { by: 'token', remedy: 'integration-key' } : { by: 'token' }
  }

  const listSchedules = async (): Promise<Schedule[]> =>
    (await list<{ id?: unknown, name?: unknown, enabled?: unknown, timezone?: unknown }>('/schedules', {}))
      .filter((s): s is { id: string, name?: unknown, enabled?: unknown, timezone?: unknown } => typeof s?.id === 'string' && s.id !== '')
      .map(s => ({ id: s.id, name: typeof s.name === 'string' ? s.name : s.id, enabled: s.enabled !== false, timezone: typeof s.timezone === 'string' ? s.timezone : undefined }))

  const onCall = async (scheduleId: string): Promise<string[]> => {
    const accounts = onCallAccounts(await rest.get(`/schedules/${segment(scheduleId)}/on-calls`, { flat: true }))
    return await Promise.all(accounts.map(id => jira.displayName(id)))
  }

  const createOverride = async (request: Parameters<AlertingBackend['createOverride']>[0]): Promise<string> => {
    if (!request.accountId) throw new Error('JSM Operations needs an account id to put someone on call')
    const response = await rest.request<unknown>('POST', `/schedules/${segment(request.scheduleId)}/overrides`, {
      body: { responder: { type: 'user', id: request.accountId }, startDate: request.startDate, endDate: request.endDate }
    })
    const alias = unwrap<{ alias?: unknown }>(response.data)?.alias
    return typeof alias === 'string' ? alias : ''
  }

  const findUser = async (ref: Parameters<AlertingBackend['findUser']>[0]): Promise<UserLookup> => {
    if ('email' in ref) return await jira.byEmail(ref.email)
    const user = await jira.byAccountId(ref.id)
    return user ? { kind: 'found', user } : { kind: 'none' }
  }

  return {
    service: JSM.name,
    supportsTinyIds: true,
    peopleBy: 'accountId',
    listAlerts,
    getAlert,
    act,
    createAlert: paging.createAlert,
    createdBy: integration ? { by: 'person' } : { by: 'token', remedy: 'integration-key' },
    listTeams: paging.listTeams,
    listEscalations: paging.listEscalations,
    requestState,
    attribution,
    listSchedules,
    onCall,
    createOverride,
    findUser
  }
}
