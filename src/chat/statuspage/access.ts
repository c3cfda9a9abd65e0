// Which `status` commands change the page (writes, gated and audited) and which only read it.
// A Record over every kind: a new kind does not compile until it is classed here.

import type { LogCommand } from '../audit/parse'
import type { Access, CommandClass, Gate } from '../authorization/policy'
import type { StatusCommand } from './parse'

const ACCESS: Record<StatusCommand['kind'] | LogCommand['kind'], Access> = {
  summary: 'read',
  help: 'read',
  components: 'read',
  incidents: 'read',
  show: 'read',
  invalid: 'read',
  log: 'read',
  'maintenance-list': 'read',
  set: 'write',
  open: 'write',
  update: 'write',
  resolve: 'write',
  'maintenance-create': 'write',
  'maintenance-transition': 'write',
  'maintenance-update': 'write'
}

export const classifyStatus = (command: StatusCommand | LogCommand): CommandClass =>
  ({ label: `status ${command.kind}`, access: ACCESS[command.kind] })

/** Who may run the writes, and from where: user ids and `role:<name>` entries, and room ids. */
export const STATUS_GATE: Gate = {
  service: 'statuspage',
  name: 'Statuspage',
  writersVariable: 'HUBOT_STATUSPAGE_WRITERS',
  roomsVariable: 'HUBOT_STATUSPAGE_WRITE_ROOMS',
  writes: 'status set/open/update/resolve/maintenance'
}
