// Pure: a write this package made in the room (an audit entry: `status set`, `genie ack`, `genie page`…)
// as a line on the room's open incident's timeline, with who, when and the real outcome. Alerts
// acknowledged, closed, noted or paged from the room are linked by themselves; an acknowledgement
// or a close that was done is kept on the linked alert (for the postmortem's first ack).

import type { AuditEntry } from '../audit/store'
import { withEntry, type IncidentRecord, type LinkedAlert } from './model'

const LINKING = /^(acknowledge|close|note|page\b)/
const TINY = /^#(\d+)$/

export function applyAudit (incident: IncidentRecord, entry: AuditEntry, at: number): IncidentRecord {
  // The incident's own commands write their own lines.
  if (entry.command.startsWith('incident ')) return incident
  const what = entry.targets.map(t => `${t.name ?? t.id} ${t.action} (${t.outcome})`).join(', ')
  let alerts = incident.alerts
  if (entry.service !== 'Statuspage') {
    for (const target of entry.targets) {
      const tinyId = TINY.exec(target.name ?? '')?.[1]
      let linked = alerts.find(a => a.id === target.id)
      if (!linked && LINKING.test(target.action) && target.outcome !== 'failed') {
        linked = { id: target.id, ...(tinyId ? { tinyId } : {}) }
        alerts = [...alerts, linked]
      }
      if (!linked || target.outcome !== 'done') continue
      const changed: LinkedAlert = target.action === 'acknowledge' && linked.acknowledgedAt === undefined
        ? { ...linked, acknowledgedAt: at, acknowledgedBy: entry.user.name }
        : target.action === 'close' && linked.closedAt === undefined ? { ...linked, closedAt: at } : linked
      alerts = alerts.map(a => (a === linked ? changed : a))
    }
  }
  return withEntry({ ...incident, alerts }, { at, who: entry.user.name, text: `${entry.command}: ${what}` })
}
