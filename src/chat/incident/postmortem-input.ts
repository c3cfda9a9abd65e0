// Pure: what the postmortem draft is built from, out of the incident as the bot kept it.

import { firstAck } from './format'
import type { IncidentRecord } from './model'
import type { PostmortemInput } from './postmortem-format'

export const postmortemInput = (incident: IncidentRecord): PostmortemInput => {
  const ack = firstAck(incident)
  return {
    title: incident.title,
    severity: incident.severity,
    startedAt: incident.startedAt,
    ...(incident.endedAt !== undefined ? { endedAt: incident.endedAt } : {}),
    ...(ack ? { firstAck: ack } : {}),
    roles: { declaredBy: incident.declaredBy, lead: incident.lead, comms: incident.comms },
    ...(incident.publicIncident ? { publicIncident: incident.publicIncident } : {}),
    components: incident.components.map(c => ({ name: c.name, before: c.before, changes: c.changes })),
    timeline: incident.timeline,
    droppedEntries: incident.dropped,
    alerts: incident.alerts
  }
}
