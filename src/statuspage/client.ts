// The Statuspage v1 client: HTTP only, typed results, never sees a chat message. A factory taking
// its HttpClient, so tests (and other hosts) hand in what they need.

import type { HttpClient } from '../http/client'
import { conform, type Check } from '../http/validate'
import { STATUSPAGE } from './service'
import type {
  Component, ComponentStatus, Incident, IncidentChange, MaintenanceChange, NewIncident, NewMaintenance
} from './types'
import * as shape from './validate'

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
  /** In progress or verifying (`/incidents/active_maintenance`). */
  listActiveMaintenances(): Promise<Incident[]>
  /** Scheduled and not yet started (`/incidents/upcoming`). */
  listUpcomingMaintenances(): Promise<Incident[]>
  createMaintenance(maintenance: NewMaintenance): Promise<Incident>
  updateMaintenance(incidentId: string, change: MaintenanceChange): Promise<Incident>
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

  /** Fetches pages until one returns fewer rows than asked for; every row must fit `rows`. */
  const listAll = async <T>(path: string, rows: Check): Promise<T[]> => {
    const out: T[] = []
    for (let n = 1; n <= MAX_PAGES; n++) {
      const batch = conform<T[]>(await http.get<unknown>(path, { page: n, per_page: pageSize }), rows, info('GET', path))
      out.push(...batch)
      if (batch.length < pageSize) break
    }
    return out
  }

  /** A write: its answer is checked too, and a bad one means the write may have happened (describe-error says so). */
  const write = async <T>(method: string, path: string, body: unknown, check: Check): Promise<T> => {
    const response = await http.request<unknown>(method, path, { body })
    return conform<T>(response.data, check, info(method, path, response.status))
  }

  return {
    listComponents: () => listAll<Component>(`${page}/components`, shape.components),
    updateComponentStatus: (componentId, status) =>
      write<Component>('PATCH', `${page}/components/${one(componentId)}`, { component: { status } }, shape.component),
    listUnresolvedIncidents: () => listAll<Incident>(`${page}/incidents/unresolved`, shape.incidents),
    getIncident: async (incidentId) => {
      const path = `${page}/incidents/${one(incidentId)}`
      return conform<Incident>(await http.get<unknown>(path), shape.incident, info('GET', path))
    },
    createIncident: (incident) =>
      // Creating is not idempotent: the HTTP layer never repeats it after a 5xx or a timeout.
      write<Incident>('POST', `${page}/incidents`, { incident: { ...incident, deliver_notifications: deliver } }, shape.incident),
    updateIncident: (incidentId, change) =>
      write<Incident>('PATCH', `${page}/incidents/${one(incidentId)}`, { incident: { ...change, deliver_notifications: deliver } }, shape.incident),
    listActiveMaintenances: () => listAll<Incident>(`${page}/incidents/active_maintenance`, shape.incidents),
    listUpcomingMaintenances: () => listAll<Incident>(`${page}/incidents/upcoming`, shape.incidents),
    createMaintenance: (maintenance) =>
      write<Incident>('POST', `${page}/incidents`, { incident: { ...maintenance, ...maintenanceNotifications(deliver) } }, shape.incident),
    updateMaintenance: (incidentId, change) =>
      write<Incident>('PATCH', `${page}/incidents/${one(incidentId)}`, { incident: { ...change, deliver_notifications: deliver } }, shape.incident)
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
