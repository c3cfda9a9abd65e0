// Pure: a webhook event about an open incident's linked alert, its public incident or one of that
// incident's components, as a timeline line (and, for a component, a change of its state over time).
// The events the bot caused itself on Statuspage never reach here (own changes); an alert action
// taken from the room comes back from the vendor and is shown as the vendor's word on it.

import { stateLabel } from '../../statuspage/labels'
import { withEntry, type IncidentRecord } from './model'

/** The webhook event, in the few fields the timeline uses (the webhooks layer's own type stays there). */
export type TimelineEvent =
  | { source: 'alerts', service: string, action: string, alertId?: string, tinyId?: string, user?: string, note?: string }
  | { source: 'component', componentId: string, name: string, newStatus: string }
  | { source: 'incident', id: string, status: string, latest?: string }

/** The incident changed by the event, or undefined when the event is not about it. */
export function applyWebhook (incident: IncidentRecord, event: TimelineEvent, at: number): IncidentRecord | undefined {
  if (event.source === 'alerts') {
    const linked = incident.alerts.find(a =>
      (event.alertId && a.id === event.alertId) || (event.tinyId && a.tinyId === event.tinyId))
    if (!linked) return undefined
    const by = event.user ? ` by ${event.user}` : ''
    const note = event.note ? `: ${event.note}` : ''
    return withEntry(incident, { at, text: `${event.service}: #${linked.tinyId ?? linked.id} ${event.action}${by}${note}` })
  }
  if (!incident.publicIncident) return undefined
  if (event.source === 'incident') {
    if (event.id !== incident.publicIncident.id) return undefined
    const latest = event.latest ? `: ${event.latest}` : ''
    return withEntry(incident, { at, text: `Statuspage: the public incident is ${event.status}${latest}` })
  }
  const component = incident.components.find(c => c.id === event.componentId)
  if (!component) return undefined
  const components = incident.components.map(c =>
    c === component ? { ...c, changes: [...c.changes, { at, status: event.newStatus }] } : c)
  return withEntry({ ...incident, components }, { at, text: `Statuspage: ${component.name} is ${stateLabel(event.newStatus)}` })
}
