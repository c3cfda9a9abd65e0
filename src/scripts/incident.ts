// Description:
//   The outage as one story in the room: declare an incident, keep its roles and timeline, open and update it on Statuspage, resolve it and publish its postmortem.
//
// Configuration:
//   HUBOT_STATUSPAGE_API_KEY - required for public/update/resolve/postmortem, as for the status commands
//   HUBOT_OPSGENIE_API_KEY - required for incident link #<alert> and notes on linked alerts, as for the genie commands (or JSM Operations' settings)
//
// Commands:
//   hubot incident start <title> [P1-P5] [on <components>] - Declare an incident in this room (nothing public yet)
//   hubot incident - The room's open incident: severity, age, roles, alerts, public incident, latest timeline
//   hubot incident lead <me|name> - Who leads the incident
//   hubot incident comms <me|name> - Who handles communications
//   hubot incident link #<alert> [#<alert> ...] - Link alerts (or a Statuspage incident id) to the incident
//   hubot incident note <text> - A line on the timeline
//   hubot incident timeline - The whole timeline (UTC), newest last
//   hubot incident public[: <message>] - Open the Statuspage incident, its components set by severity
//   hubot incident update [investigating|identified|monitoring]: <message> - Update the public incident and note the linked open alerts
//   hubot incident resolve[: <message>] - Resolve the public incident, end the incident, write the postmortem draft
//   hubot incident postmortem draft - Write the postmortem draft again from the timeline (after a failed write)
//   hubot incident postmortem publish - Publish the postmortem draft, after incident confirm <code>
//   hubot incident confirm <code> - Confirm your postmortem publish
//   hubot incident history [<n>] - The room's recent incidents: duration, time to first ack
//   hubot incident help - The incident commands, one a line
//
// Notes:
//   One open incident per room. Writes (everything but incident, timeline, history, help) are limited by
//   HUBOT_STATUSPAGE_WRITERS and HUBOT_STATUSPAGE_WRITE_ROOMS when set, and recorded on the audit trail (status log).
//   While an incident is open, every write this package makes in its room lands on its timeline.
//
// Author:
//   hubot-statuspage-opsgenie

import * as alerting from '../alerting/settings'
import { auditedBackend, auditedStatuspage } from '../chat/audit/clients'
import { AUDITED_EVENT } from '../chat/audit/record'
import type { AuditEntry } from '../chat/audit/store'
import { addressPrefix, respond } from '../chat/command'
import { describeError } from '../chat/describe-error'
import { registerHelp } from '../chat/help'
import type { HubotRobot } from '../chat/hubot'
import { classifyIncident, INCIDENT_GATE } from '../chat/incident/access'
import { applyAudit } from '../chat/incident/from-audit'
import { applyWebhook, type TimelineEvent } from '../chat/incident/from-webhook'
import { handleIncident } from '../chat/incident/handlers'
import { INCIDENT_HELP } from '../chat/incident/help'
import { incidentStore } from '../chat/incident/model'
import { INCIDENT_PATTERN, parseIncident } from '../chat/incident/parse'
import { findChatUser } from '../chat/opsgenie/identity-admins'
import { actorOf, confirmOptions } from '../chat/opsgenie/context'
import { runtimeOf } from '../chat/runtime'
import { rememberWrites } from '../statuspage/own-changes'
import * as statuspage from '../statuspage/settings'
import type { WebhookEvent } from '../webhooks/events'
import { WEBHOOK_EVENT } from '../webhooks/receiver'

/** The webhook event in the timeline's words (the chat layer does not see the webhooks layer's types). */
function timelineEvent (event: WebhookEvent): TimelineEvent {
  if (event.source === 'alerts') {
    return { source: 'alerts', service: alerting.serviceName(), action: event.action, alertId: event.alertId, tinyId: event.tinyId, user: event.user, note: event.note }
  }
  if (event.type === 'component') return { source: 'component', componentId: event.componentId, name: event.name, newStatus: event.newStatus }
  return { source: 'incident', id: event.id, status: event.status, latest: event.latest }
}

const secrets = (): Array<string | undefined> => [...statuspage.secretVariables(), ...alerting.secretVariables()]

export = (robot: HubotRobot): void => {
  const runtime = runtimeOf(robot)
  registerHelp(robot, INCIDENT_HELP)
  // Every write this package makes in a room with an open incident goes on its timeline.
  robot.on?.(AUDITED_EVENT, (...args: unknown[]) => {
    const [entry, at] = args as [AuditEntry, number]
    const store = incidentStore(robot.brain)
    const open = store.open(entry.room)
    if (open) store.save(applyAudit(open, entry, at), at)
  })
  // Webhook events about an open incident's linked alerts, public incident and its components.
  robot.on?.(WEBHOOK_EVENT, (...args: unknown[]) => {
    const at = runtime.clock.now()
    const store = incidentStore(robot.brain)
    const event = timelineEvent(args[0] as WebhookEvent)
    for (const open of store.allOpen()) {
      const changed = applyWebhook(open, event, at)
      if (changed) store.save(changed, at)
    }
  })
  respond(robot, {
    id: 'incident.incident',
    pattern: INCIDENT_PATTERN,
    secrets,
    parse: match => parseIncident(match[1]),
    classify: classifyIncident,
    gate: INCIDENT_GATE,
    slow: { service: 'Statuspage', check: 'incident' }
  }, async ({ command, user, room, audit }) => {
    const now = (): number => runtime.clock.now()
    let sp: ReturnType<typeof statuspage.createClient> | undefined
    let backend: ReturnType<typeof alerting.createClient> | undefined
    let genie: alerting.GenieSettings | undefined
    const genieSettings = (): alerting.GenieSettings => (genie ??= alerting.readSettings())
    return handleIncident(command, {
      store: incidentStore(robot.brain),
      room,
      user: { id: String(user.id), name: String(user.name ?? user.id) },
      now,
      prefix: addressPrefix(robot),
      statuspage: () => (sp ??= auditedStatuspage(
        rememberWrites(statuspage.createClient(statuspage.readSettings(), runtime), room, runtime.ownChanges), audit)),
      alerting: () => (backend ??= auditedBackend(alerting.createClient(genieSettings(), runtime), audit)),
      alertingName: alerting.serviceName(),
      actor: () => actorOf({ user, brain: robot.brain }),
      confirm: () => confirmOptions({ settings: genieSettings(), clock: runtime.clock }),
      knownPerson: nameOrId => findChatUser(robot.brain, nameOrId)?.name,
      holds: runtime.publishHolds,
      closeAll: runtime.closeAll,
      get closeTtlMs () { return genieSettings().closeAllTtlMs },
      get notify () { return statuspage.readSettings().notify },
      describe: err => describeError(err, { secrets: secrets(), prefix: addressPrefix(robot), now: now() })
    })
  })
}
