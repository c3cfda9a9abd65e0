// The Statuspage v1 client: HTTP only, typed results, never sees a chat message. A factory taking
// its HttpClient, so tests (and other hosts) hand in what they need.

import type { HttpClient } from '../http/client'
import { conform, type Check } from '../http/validate'
import { STATUSPAGE } from './service'
import type {
  Component, ComponentStatus, Incident, IncidentChange, MaintenanceChange, NewIncident, NewMaintenance, Postmortem,
  PostmortemPublishOptions
} from './types'
import * as shape from './validate'

/** The API's largest page; paginated component reads are allowed 60/min, unpaginated only 1/min. */
const PAGE_SIZE = 100
/** A runaway guard: 50 pages of 100 is far more than any status page has. */
const MAX_PAGES = 50

export interface StatuspageClientOptions {
  http: HttpClient
  pageId: string
  /** Sent as `deliver_notifications` on every incident create and update (subscriber notifications). */
  deliverNotifications?: boolean
  pageSize?: number
}

/**
 * Pages fetched at once after a full first page when nothing says how many there are: Statuspage
 * sends no total, so up to 399 components take two round trips (a 4th page of a 300-row list is the
 * one empty page that proves the end).
 */
const SPECULATIVE_PAGES = 3

export interface ListOptions {
  /** How many rows the list had last time: all its pages are fetched at once. */
  expectedRows?: number
  /**
   * Read from Statuspage itself, never from a cache: for a read a write is decided on (whether
   * anything is left to change, which incident to update). The answer refills the cache.
   */
  fresh?: boolean
}

export interface StatuspageClient {
  listComponents(options?: ListOptions): Promise<Component[]>
  updateComponentStatus(componentId: string, status: ComponentStatus): Promise<Component>
  listUnresolvedIncidents(options?: ListOptions): Promise<Incident[]>
  getIncident(incidentId: string): Promise<Incident>
  createIncident(incident: NewIncident): Promise<Incident>
  updateIncident(incidentId: string, change: IncidentChange): Promise<Incident>
  /** In progress or verifying (`/incidents/active_maintenance`). */
  listActiveMaintenances(): Promise<Incident[]>
  /** Scheduled and not yet started (`/incidents/upcoming`). */
  listUpcomingMaintenances(): Promise<Incident[]>
  createMaintenance(maintenance: NewMaintenance): Promise<Incident>
  updateMaintenance(incidentId: string, change: MaintenanceChange): Promise<Incident>
  /** The incident's postmortem. A 404 (no such incident, or no postmortem yet) is a NotFoundError. */
  getPostmortem(incidentId: string): Promise<Postmortem>
  /** Creates or replaces the draft (`body_draft`); nothing is published. */
  putPostmortemDraft(incidentId: string, bodyDraft: string): Promise<Postmortem>
  /**
   * Publishes the draft. Subscribers and Twitter are notified per `deliverNotifications` unless told
   * otherwise. Never repeated after an answer that did not come: a second publish could notify twice.
   */
  publishPostmortem(incidentId: string, options?: PostmortemPublishOptions): Promise<Postmortem>
}

export function createStatuspageClient (options: StatuspageClientOptions): StatuspageClient {
  const { http } = options
  const pageSize = options.pageSize ?? PAGE_SIZE
  const deliver = options.deliverNotifications ?? true
  const page = `/pages/${encodeURIComponent(options.pageId)}`
  const one = (id: string): string => {
    // Ids come from checked answers or from what people typed: an empty one is a bug, never a path.
    if (typeof id !== 'string' || id === '') throw new Error('an empty id would go into a request path')
    return encodeURIComponent(id)
  }
  const info = (method: string, path: string, status = 200) => ({ service: STATUSPAGE, method, path, status })

  /** One page; every row must fit `rows`. */
  const fetchPage = async <T>(path: string, n: number, rows: Check): Promise<T[]> =>
    conform<T[]>(await http.get<unknown>(path, { page: n, per_page: pageSize }), rows, info('GET', path))

  /**
   * Every row, in as few round trips as the API allows. A page with fewer rows than asked for is
   * the last. With a row count from last time, all the pages it needs go at once (one round trip;
   * a count that fills its last page exactly still needs the next, empty page, since the API sends
   * no total). Without one, page 1 alone, then pages 2..4 at once, then twice as many, until a
   * short page.
   */
  const listAll = async <T>(path: string, rows: Check, options: ListOptions = {}): Promise<T[]> => {
    const out: T[] = []
    const expected = options.expectedRows
    let wave = expected === undefined ? 1 : Math.max(1, Math.ceil((expected + 1) / pageSize))
    let next = 1
    while (next <= MAX_PAGES) {
      const numbers = Array.from({ length: Math.min(wave, MAX_PAGES - next + 1) }, (_, i) => next + i)
      // Every page of the wave settles before a failure is thrown: nothing runs on after the reply.
      // A page past the end (after a short one) does not count, whatever it answered.
      const pages = await Promise.allSettled(numbers.map(n => fetchPage<T>(path, n, rows)))
      let ended = false
      for (const page of pages) {
        if (page.status === 'rejected') throw page.reason
        out.push(...page.value)
        if (page.value.length < pageSize) { ended = true; break }
      }
      if (ended) break
      next += numbers.length
      wave = next === 2 ? SPECULATIVE_PAGES : wave * 2
    }
    return out
  }

  /** A write: its answer is checked too, and a bad one means the write may have happened (describe-error says so). */
  const write = async <T>(
    method: string, path: string, { body, check, idempotent }: { body: unknown, check: Check, idempotent?: boolean }
  ): Promise<T> => {
    const response = await http.request<unknown>(method, path, { body, idempotent })
    return conform<T>(response.data, check, info(method, path, response.status))
  }
  const postmortem = (incidentId: string): string => `${page}/incidents/${one(incidentId)}/postmortem`
  /** The postmortem answers' shape is not on the contract sheet: an empty 2xx body is taken as `{}`. */
  const orEmpty = (answer: Postmortem | undefined): Postmortem => answer ?? {}

  return {
    listComponents: (opts) => listAll<Component>(`${page}/components`, shape.components, opts),
    updateComponentStatus: (componentId, status) =>
      write<Component>('PATCH', `${page}/components/${one(componentId)}`, { body: { component: { status } }, check: shape.component }),
    listUnresolvedIncidents: (opts) => listAll<Incident>(`${page}/incidents/unresolved`, shape.incidents, opts),
    getIncident: async (incidentId) => {
      const path = `${page}/incidents/${one(incidentId)}`
      return conform<Incident>(await http.get<unknown>(path), shape.incident, info('GET', path))
    },
    createIncident: (incident) =>
      // Creating is not idempotent: the HTTP layer never repeats it after a 5xx or a timeout.
      write<Incident>('POST', `${page}/incidents`, { body: { incident: { ...incident, deliver_notifications: deliver } }, check: shape.incident }),
    updateIncident: (incidentId, change) =>
      write<Incident>('PATCH', `${page}/incidents/${one(incidentId)}`, { body: { incident: { ...change, deliver_notifications: deliver } }, check: shape.incident }),
    listActiveMaintenances: () => listAll<Incident>(`${page}/incidents/active_maintenance`, shape.incidents),
    listUpcomingMaintenances: () => listAll<Incident>(`${page}/incidents/upcoming`, shape.incidents),
    createMaintenance: (maintenance) =>
      write<Incident>('POST', `${page}/incidents`, { body: { incident: { ...maintenance, ...maintenanceNotifications(deliver) } }, check: shape.incident }),
    updateMaintenance: (incidentId, change) =>
      write<Incident>('PATCH', `${page}/incidents/${one(incidentId)}`, { body: { incident: { ...change, deliver_notifications: deliver } }, check: shape.incident }),
    getPostmortem: async (incidentId) => {
      const path = postmortem(incidentId)
      return orEmpty(conform<Postmortem | undefined>(await http.get<unknown>(path), shape.postmortem, info('GET', path)))
    },
    putPostmortemDraft: async (incidentId, bodyDraft) =>
      orEmpty(await write<Postmortem | undefined>('PUT', postmortem(incidentId), { body: { postmortem: { body_draft: bodyDraft } }, check: shape.postmortem })),
    publishPostmortem: async (incidentId, opts = {}) => {
      const body = {
        postmortem: {
          notify_subscribers: opts.notifySubscribers ?? deliver,
          notify_twitter: opts.notifyTwitter ?? deliver,
          ...(opts.customTweet === undefined ? {} : { custom_tweet: opts.customTweet })
        }
      }
      return orEmpty(await write<Postmortem | undefined>('PUT', `${postmortem(incidentId)}/publish`, { body, check: shape.postmortem, idempotent: false }))
    }
  }
}

/**
 * One switch (HUBOT_STATUSPAGE_NOTIFY) for every notification a maintenance sends: when it is
 * created, the reminder before it starts, and when it starts and ends by itself.
 */
const maintenanceNotifications = (deliver: boolean): Record<string, boolean> => ({
  deliver_notifications: deliver,
  scheduled_remind_prior: deliver,
  auto_transition_deliver_notifications_at_start: deliver,
  auto_transition_deliver_notifications_at_end: deliver
})
