// The service clients as a command sees them: the same calls, with every write recorded on the
// command's audit trail and every name read remembered to label it. Each wrapper lists every method
// of its interface, so a new client method does not compile until it is passed through or recorded.

import type { AlertingBackend } from '../../alerting/backend'
import type { Accepted, Alert, AlertAction } from '../../alerting/types'
import type { StatuspageClient } from '../../statuspage/client'
import { STATUSPAGE } from '../../statuspage/service'
import { outcomeOfError, type AuditTrail } from './trail'

export function auditedStatuspage (client: StatuspageClient, trail: AuditTrail): StatuspageClient {
  const learn = <T extends { id: string, name: string }>(rows: T[]): T[] => {
    for (const row of rows) trail.learn(row.id, row.name)
    return rows
  }
  const named = (row: { id: string, name: string }) => ({ id: row.id, name: row.name })
  return {
    listComponents: async (options) => learn(await client.listComponents(options)),
    listUnresolvedIncidents: async (options) => learn(await client.listUnresolvedIncidents(options)),
    getIncident: async (id) => learn([await client.getIncident(id)])[0],
    updateComponentStatus: (id, status) =>
      trail.track({ service: STATUSPAGE.name, id, action: status }, () => client.updateComponentStatus(id, status),
        named),
    // The incident has no id until it is created: a failure names it by the name it was to have.
    createIncident: (incident) => {
      trail.learn('(new incident)', incident.name)
      const write = { service: STATUSPAGE.name, id: '(new incident)', action: `open ${incident.status ?? ''}`.trim() }
      return trail.track(write, () => client.createIncident(incident), named)
    },
    updateIncident: (id, change) =>
      trail.track({ service: STATUSPAGE.name, id, action: change.status ?? 'update' }, () => client.updateIncident(id, change), named),
    listActiveMaintenances: async () => learn(await client.listActiveMaintenances()),
    listUpcomingMaintenances: async () => learn(await client.listUpcomingMaintenances()),
    createMaintenance: (maintenance) => {
      trail.learn('(new maintenance)', maintenance.name)
      const window = `schedule ${maintenance.scheduled_for} → ${maintenance.scheduled_until}`
      const write = { service: STATUSPAGE.name, id: '(new maintenance)', action: window }
      return trail.track(write, () => client.createMaintenance(maintenance), named)
    },
    updateMaintenance: (id, change) =>
      trail.track({ service: STATUSPAGE.name, id, action: `maintenance ${change.status ?? 'update'}` },
        () => client.updateMaintenance(id, change), named),
    getPostmortem: (id) => client.getPostmortem(id),
    // The draft's text is never on the trail, only that it was written or published.
    putPostmortemDraft: (id, draft) =>
      trail.track({ service: STATUSPAGE.name, id, action: 'postmortem draft' }, () => client.putPostmortemDraft(id, draft)),
    publishPostmortem: (id, options) =>
      trail.track({ service: STATUSPAGE.name, id, action: 'postmortem publish' }, () => client.publishPostmortem(id, options))
  }
}

const alertLabel = (alert: Alert): string | undefined => (alert.tinyId ? `#${alert.tinyId}` : undefined)

/** What was done to an alert, without the note's text (which could carry anything). */
function actionLabel (action: AlertAction): string {
  switch (action.name) {
    case 'snooze': return `snooze until ${action.endTime}`
    case 'responder': return `add responder ${action.responder.type} ${action.responder.name}`
    case 'escalate': return `escalate to ${action.escalation.name}`
    case 'assign': return `assign to ${action.owner.username}`
    case 'priority': return `priority ${action.priority}`
    default: return action.name
  }
}

/** The audit id of an alert being created, until its request status names it. */
const NEW_ALERT = '(new alert)'

export function auditedBackend (backend: AlertingBackend, trail: AuditTrail): AlertingBackend {
  const service = backend.service
  const creates = new Set<string>()
  return {
    service,
    supportsTinyIds: backend.supportsTinyIds,
    listAlerts: async (filter) => {
      const alerts = await backend.listAlerts(filter)
      for (const alert of alerts) trail.learn(alert.id, alertLabel(alert))
      return alerts
    },
    getAlert: async (ref) => {
      const alert = await backend.getAlert(ref)
      if (alert) trail.learn(alert.id, alertLabel(alert))
      return alert
    },
    peopleBy: backend.peopleBy,
    attribution: (action) => backend.attribution(action),
    act: async (alertId, action, actor) => {
      let accepted: Accepted
      try {
        accepted = await backend.act(alertId, action, actor)
      } catch (err) {
        trail.add(service, { id: alertId, action: actionLabel(action), outcome: outcomeOfError(err) })
        throw err
      }
      // A queued request is settled when its state is read; one done at once (a JSM note) is done now.
      if (accepted.kind === 'queued') trail.accepted(service, accepted.requestId, alertId, actionLabel(action))
      else trail.add(service, { id: alertId, action: actionLabel(action), outcome: 'done' })
      return accepted
    },
    createAlert: async (alert, actor) => {
      const action = `page ${alert.responders.map(r => `${r.type} ${r.name}`).join(', ')}${alert.priority ? ` ${alert.priority}` : ''}`
      let accepted: Accepted
      try {
        accepted = await backend.createAlert(alert, actor)
      } catch (err) {
        trail.add(service, { id: NEW_ALERT, action, outcome: outcomeOfError(err) })
        throw err
      }
      if (accepted.kind === 'queued') {
        creates.add(accepted.requestId)
        trail.accepted(service, accepted.requestId, NEW_ALERT, action)
      } else trail.add(service, { id: NEW_ALERT, action, outcome: 'done' })
      return accepted
    },
    createdBy: backend.createdBy,
    listTeams: async () => {
      const teams = await backend.listTeams()
      for (const t of teams) trail.learn(t.id, t.name)
      return teams
    },
    listEscalations: () => backend.listEscalations(),
    requestState: async (requestId) => {
      const state = await backend.requestState(requestId)
      // A create's state names the new alert: the audit entry then carries its id (and #tinyId once read).
      if (state.processed) trail.settle(requestId, state.isSuccess, creates.has(requestId) ? state.alertId : undefined)
      return state
    },
    listSchedules: async () => {
      const schedules = await backend.listSchedules()
      for (const s of schedules) trail.learn(s.id, s.name)
      return schedules
    },
    onCall: (scheduleId) => backend.onCall(scheduleId),
    findUser: (ref) => backend.findUser(ref),
    createOverride: (request) =>
      trail.track({ service, id: request.scheduleId, action: `on call: ${request.username} until ${request.endDate}` },
        () => backend.createOverride(request))
  }
}
