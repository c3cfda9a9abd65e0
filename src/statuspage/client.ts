// The Statuspage v1 client: HTTP only, typed results, never sees a chat message. A factory taking
// its HttpClient, so tests (and other hosts) hand in what they need.

import type { HttpClient } from '../http/client'
import { BadResponseError } from '../http/errors'
import { STATUSPAGE } from './service'
import type { Component, ComponentStatus, Incident, IncidentChange, NewIncident } from './types'

/** The API's largest page; paginated component reads are allowed 60/min, unpaginated only 1/min. */
export const PAGE_SIZE = 100
/** A runaway guard: 50 pages of 100 is far more than any status page has. */
const MAX_PAGES = 50

export interface StatuspageClientOptions {
  http: HttpClient
  pageId: string
  /** Sent as `deliver_notifications` on every incident create and update (subscriber notifications). */
  deliverNotifications?: boolean
  pageSize?: number
}

export interface StatuspageClient {
  listComponents(): Promise<Component[]>
  updateComponentStatus(componentId: string, status: ComponentStatus): Promise<Component>
  listUnresolvedIncidents(): Promise<Incident[]>
  getIncident(incidentId: string): Promise<Incident>
  createIncident(incident: NewIncident): Promise<Incident>
  updateIncident(incidentId: string, change: IncidentChange): Promise<Incident>
}

export function createStatuspageClient (options: StatuspageClientOptions): StatuspageClient {
  const { http } = options
  const pageSize = options.pageSize ?? PAGE_SIZE
  const deliver = options.deliverNotifications ?? true
  const page = `/pages/${encodeURIComponent(options.pageId)}`
  const one = (id: string): string => encodeURIComponent(id)

  /** Fetches pages until one returns fewer rows than asked for. */
  const listAll = async <T>(path: string): Promise<T[]> => {
    const rows: T[] = []
    for (let n = 1; n <= MAX_PAGES; n++) {
      const batch = await http.get<T[]>(path, { page: n, per_page: pageSize })
      if (!Array.isArray(batch)) throw new BadResponseError({ service: STATUSPAGE, method: 'GET', path, status: 200 }, 'answered something that is not a list')
      rows.push(...batch)
      if (batch.length < pageSize) break
    }
    return rows
  }

  return {
    listComponents: () => listAll<Component>(`${page}/components`),
    updateComponentStatus: async (componentId, status) =>
      (await http.request<Component>('PATCH', `${page}/components/${one(componentId)}`, { body: { component: { status } } })).data,
    listUnresolvedIncidents: () => listAll<Incident>(`${page}/incidents/unresolved`),
    getIncident: (incidentId) => http.get<Incident>(`${page}/incidents/${one(incidentId)}`),
    createIncident: async (incident) =>
      // Creating is not idempotent: the HTTP layer never repeats it after a 5xx or a timeout.
      (await http.request<Incident>('POST', `${page}/incidents`, { body: { incident: { ...incident, deliver_notifications: deliver } } })).data,
    updateIncident: async (incidentId, change) =>
      (await http.request<Incident>('PATCH', `${page}/incidents/${one(incidentId)}`, { body: { incident: { ...change, deliver_notifications: deliver } } })).data
  }
}
