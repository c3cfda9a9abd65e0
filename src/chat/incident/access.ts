// Which `incident` commands change something (writes: gated and audited) and which only read.
// A Record over every kind: a new kind does not compile until it is classed here.

import type { Access, CommandClass, Gate } from '../authorization/policy'
import type { IncidentCommand } from './parse'

const ACCESS: Record<IncidentCommand['kind'], Access> = {
  show: 'read',
  help: 'read',
  timeline: 'read',
  history: 'read',
  invalid: 'read',
  start: 'write',
  role: 'write',
  note: 'write',
  'link-alerts': 'write',
  'link-public': 'write',
  public: 'write',
  update: 'write',
  resolve: 'write',
  publish: 'write',
  draft: 'write',
  confirm: 'write'
}

export const classifyIncident = (command: IncidentCommand): CommandClass =>
  ({ label: `incident ${command.kind}`, access: ACCESS[command.kind] })

/**
 * An incident is the public page's story: its writes are gated by Statuspage's writers and rooms,
 * and recorded on Statuspage's audit trail (`status log`).
 */
export const INCIDENT_GATE: Gate = {
  service: 'statuspage',
  name: 'Statuspage',
  writersVariable: 'HUBOT_STATUSPAGE_WRITERS',
  roomsVariable: 'HUBOT_STATUSPAGE_WRITE_ROOMS',
  writes: 'incident start/lead/comms/note/link/public/update/resolve/postmortem'
}
