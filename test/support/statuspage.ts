// Shared setup for the Statuspage tests: the environment, the fixtures and nock scopes that
// answer exactly as the API contract sheet says (bare arrays, page/per_page, OAuth header).
import fs from 'node:fs'
import path from 'node:path'
import { expect } from 'chai'
import nock from 'nock'
import type { Component, Incident } from '../../src/statuspage/types'
import type { TestBot } from './bots'

/** Distinctive, so a test can prove it never reaches a reply or a log line. */
export const API_KEY = 'spk-Secret-9f3Qz7LmW2xV'
export const PAGE_ID = 'pg1test00001'
export const API_URL = 'https://api.statuspage.io'
export const PAGE = `/v1/pages/${PAGE_ID}`

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'statuspage')
export const fixture = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as T

export const components = (): Component[] => fixture<Component[]>('components')
export const unresolved = (): Incident[] => fixture<Incident[]>('incidents-unresolved')
export const severalUnresolved = (): Incident[] => fixture<Incident[]>('incidents-unresolved-several')
export const createdIncident = (): Incident => fixture<Incident>('incident-created')
/** Scheduled maintenances as the API answers /incidents/active_maintenance, /incidents/upcoming and a create. */
export const activeMaintenance = (): Incident[] => fixture<Incident[]>('maintenance-active')
export const upcomingMaintenance = (): Incident[] => fixture<Incident[]>('maintenance-upcoming')
export const createdMaintenance = (): Incident => fixture<Incident>('maintenance-created')

export function configure (extra: Record<string, string> = {}): void {
  process.env.HUBOT_STATUSPAGE_API_KEY = API_KEY
  process.env.HUBOT_STATUSPAGE_PAGE_ID = PAGE_ID
  Object.assign(process.env, extra)
}

/** Says `text` and resolves with the one reply, failing if there is not exactly one. */
export async function onlyReply (bot: TestBot, text: string): Promise<string> {
  const replies = await bot.say(text)
  expect(replies, `replies to ${text}`).to.have.length(1)
  return replies[0]
}

/** A scope that only answers requests carrying `Authorization: OAuth <key>`. */
export const api = (): nock.Scope => nock(API_URL).matchHeader('authorization', `OAuth ${API_KEY}`)

const PAGE_QUERY = (page: number) => ({ page: String(page), per_page: '100' })

export function getComponents (scope: nock.Scope, rows: Component[] = components(), page = 1): nock.Scope {
  return scope.get(`${PAGE}/components`).query(PAGE_QUERY(page)).reply(200, rows)
}

/**
 * Mocks every page the client reads for these rows on a cold read: page 1, and after a full page 1
 * pages 2 to 4 at once (empty past the end: Statuspage sends no total), then twice as many.
 */
export function getComponentPages (scope: nock.Scope, rows: Component[]): nock.Scope {
  let page = 1
  for (let wave = 1; ; wave = page === 2 ? 3 : wave * 2) {
    let ended = false
    for (let i = 0; i < wave; i++, page++) {
      const batch = rows.slice((page - 1) * 100, page * 100)
      getComponents(scope, batch, page)
      if (batch.length < 100) ended = true
    }
    if (ended) return scope
  }
}

export function getUnresolved (scope: nock.Scope, rows: Incident[] = unresolved()): nock.Scope {
  return scope.get(`${PAGE}/incidents/unresolved`).query(PAGE_QUERY(1)).reply(200, rows)
}

/** The two maintenance reads `status` and `status <component>?` make (none by default). */
export function getMaintenance (scope: nock.Scope, active: Incident[] = [], upcoming: Incident[] = []): nock.Scope {
  return scope
    .get(`${PAGE}/incidents/active_maintenance`).query(PAGE_QUERY(1)).reply(200, active)
    .get(`${PAGE}/incidents/upcoming`).query(PAGE_QUERY(1)).reply(200, upcoming)
}

/** Everything `status` and `status <component>?` read. */
export const getPage = (
  scope: nock.Scope, rows: Component[] = components(), incidents: Incident[] = unresolved()
): nock.Scope =>
  getMaintenance(getUnresolved(getComponents(scope, rows), incidents))

/** A component row shaped like the API's. */
export function componentRow (id: string, name: string, fields: Partial<Component> = {}): Component {
  return {
    id,
    page_id: PAGE_ID,
    group_id: null,
    group: false,
    name,
    description: null,
    position: 1,
    status: 'operational',
    showcase: true,
    only_show_if_degraded: false,
    start_date: '2024-01-15',
    created_at: '2024-01-15T09:00:00.000Z',
    updated_at: '2025-11-20T10:00:00.000Z',
    ...fields
  }
}

/** The component as the API answers a PATCH: the same row with its new status. */
export function patched (id: string, status: string): Component {
  const row = components().find(c => c.id === id)
  if (!row) throw new Error(`no fixture component ${id}`)
  return { ...row, status: status as Component['status'] }
}

/** Counts the requests an interceptor received (for retry assertions). */
type Reply = [number, unknown, Record<string, string>]

export function counter (): {
  count: number
  reply: (status: number, body: unknown, headers?: Record<string, string>) => () => Reply
} {
  const c = {
    count: 0,
    reply: (status: number, body: unknown, headers: Record<string, string> = {}) => () => {
      c.count++
      return [status, body, headers] as Reply
    }
  }
  return c
}
