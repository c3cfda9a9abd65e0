// JSM Operations' data for the stand-in, seeded from the same outage as the OpsGenie stand-in (the
// same alerts, tinyIds and schedules), with people as Atlassian accounts: on-call rotations, overrides
// and the alert log name account ids, and the Jira user API of the "site" maps emails to accounts.
// One person (Ben) hides his email, as Atlassian profile privacy can.

import type { Alert, ActionRequest, AlertLogEntry, Schedule } from './opsgenie-model'
import { seedOpsgenie } from './seed'

export const SANDBOX_JSM_CLOUD_ID = 'a436116f-02ce-4520-8fbb-7301462a1674'
export const SANDBOX_JSM_EMAIL = 'hubot@example.com'
export const SANDBOX_JSM_TOKEN = 'sandbox-jsm-api-token'
export const SANDBOX_JSM_INTEGRATION_KEY = 'sandbox-jsm-integration-key'

export interface JsmPerson { accountId: string, displayName: string, email: string, emailVisible: boolean }

/** The account the API token belongs to: what JSM credits for REST API actions. */
export const TOKEN_ACCOUNT: JsmPerson = {
  accountId: '557058:00000000-0000-4000-8000-00000000b07', displayName: 'Hubot (API token)', email: SANDBOX_JSM_EMAIL, emailVisible: true
}

interface JsmOverride {
  alias: string
  scheduleId: string
  accountId: string
  startDate: string
  endDate: string
}

export interface JsmState {
  /** The OpsGenie stand-in's alert model; the JSM routes write it in JSM's spellings. */
  alerts: Alert[]
  people: JsmPerson[]
  /** Rotations hold account ids. */
  schedules: Schedule[]
  overrides: JsmOverride[]
  requests: Record<string, ActionRequest>
  /** The tinyId of the next alert monitoring creates (POST /__sandbox/alerts). */
  nextTinyId: number
  /**
   * Every action as processed, with who JSM credits (`user`: the person via the integration API,
   * else the token's account).
   */
  actions: Array<AlertLogEntry & { alertId: string | null, tinyId: string | null, isSuccess: boolean, via: 'rest' | 'integration' }>
}

const accountIdFor = (email: string): string =>
  `557058:${Buffer.from(email).toString('hex').padEnd(32, '0').slice(0, 32).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5')}`

export function seedJsm (now: number = Date.now()): JsmState {
  const og = seedOpsgenie(now)
  const people: JsmPerson[] = og.users.map(u => ({
    accountId: accountIdFor(u.username), displayName: u.fullName, email: u.username, emailVisible: !u.username.startsWith('ben@')
  }))
  const byEmail = new Map(people.map(p => [p.email, p.accountId]))
  const schedules = og.schedules.map(s => ({ ...s, rotation: s.rotation.map(e => byEmail.get(e) ?? e) }))
  return {
    alerts: og.alerts,
    people: [...people, TOKEN_ACCOUNT],
    schedules,
    overrides: [],
    requests: {},
    actions: [],
    nextTinyId: og.nextTinyId
  }
}

/** An alert as JSM Operations writes it: `seen`, `lastOccuredAt` (sic), ackTime/closeTime at the top, no `report`. */
export function jsmAlertBody (a: Alert): Record<string, unknown> {
  return {
    id: a.id,
    tinyId: a.tinyId,
    alias: a.alias,
    message: a.message,
    status: a.status,
    acknowledged: a.acknowledged,
    seen: a.isSeen,
    tags: a.tags,
    snoozed: a.snoozed,
    ...(a.snoozedUntil ? { snoozedUntil: a.snoozedUntil } : {}),
    count: a.count,
    lastOccuredAt: a.lastOccurredAt,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    source: a.source,
    owner: a.owner,
    priority: a.priority,
    responders: a.responders,
    ...(a.report.ackTime !== undefined ? { ackTime: a.report.ackTime } : {}),
    ...(a.report.closeTime !== undefined ? { closeTime: a.report.closeTime } : {})
  }
}
