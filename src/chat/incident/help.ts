import { formatHelpList, type HelpEntry } from '../../util/help'

// Keep in the same order and words as the `// Commands:` header of src/scripts/incident.ts
// (a test compares them).
export const INCIDENT_HELP: HelpEntry[] = [
  { id: 'incident.start', usage: 'incident start <title> [P1-P5] [on <components>]', description: 'Declare an incident in this room (nothing public yet)' },
  { id: 'incident.show', usage: 'incident', description: 'The room\'s open incident: severity, age, roles, alerts, public incident, latest timeline' },
  { id: 'incident.lead', usage: 'incident lead <me|name>', description: 'Who leads the incident' },
  { id: 'incident.comms', usage: 'incident comms <me|name>', description: 'Who handles communications' },
  { id: 'incident.link', usage: 'incident link #<alert> [#<alert> ...]', description: 'Link alerts (or a Statuspage incident id) to the incident' },
  { id: 'incident.note', usage: 'incident note <text>', description: 'A line on the timeline' },
  { id: 'incident.timeline', usage: 'incident timeline', description: 'The whole timeline (UTC), newest last' },
  { id: 'incident.public', usage: 'incident public[: <message>]', description: 'Open the Statuspage incident, its components set by severity' },
  { id: 'incident.update', usage: 'incident update [investigating|identified|monitoring]: <message>', description: 'Update the public incident and note the linked open alerts' },
  { id: 'incident.resolve', usage: 'incident resolve[: <message>]', description: 'Resolve the public incident, end the incident, write the postmortem draft' },
  { id: 'incident.draft', usage: 'incident postmortem draft', description: 'Write the postmortem draft again from the timeline (after a failed write)' },
  { id: 'incident.publish', usage: 'incident postmortem publish', description: 'Publish the postmortem draft, after incident confirm <code>' },
  { id: 'incident.confirm', usage: 'incident confirm <code>', description: 'Confirm your postmortem publish' },
  { id: 'incident.history', usage: 'incident history [<n>]', description: 'The room\'s recent incidents: duration, time to first ack' },
  { id: 'incident.help', usage: 'incident help', description: 'The incident commands, one a line' }
]

/** `incident help`: every incident command as the room types it, one a line. */
export const formatIncidentHelp = (prefix: string): string => formatHelpList('incident commands:', INCIDENT_HELP, prefix)
