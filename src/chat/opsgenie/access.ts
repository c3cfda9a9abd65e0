// Which `genie` commands change alerts or schedules (writes, gated and audited) and which only read.
// `me as` and `forget me` change only what the bot remembers about you, so they are reads here.
// A Record over every kind: a new kind does not compile until it is classed here.

import type { LogCommand } from '../audit/parse'
import type { Access, CommandClass, Gate } from '../authorization/policy'
import type { GenieCommand } from './parse'

const ACCESS: Record<GenieCommand['kind'] | LogCommand['kind'], Access> = {
  status: 'read',
  'me-as': 'read',
  'me-as-account': 'read',
  whoami: 'read',
  'forget-me': 'read',
  // Changes only what the bot remembers; gated in its handler by HUBOT_OPSGENIE_IDENTITY_ADMINS.
  'identity-record': 'read',
  oncall: 'read',
  teams: 'read',
  help: 'read',
  invalid: 'read',
  // Over a bound on one message: refused before anything is sent.
  refused: 'read',
  unknown: 'read',
  log: 'read',
  'ack-all': 'write',
  ack: 'write',
  unack: 'write',
  close: 'write',
  'close-all': 'write',
  confirm: 'write',
  note: 'write',
  snooze: 'write',
  take: 'write',
  'ack-filtered': 'write',
  'close-filtered': 'write',
  page: 'write',
  'page-responder': 'write',
  escalate: 'write',
  assign: 'write',
  priority: 'write'
}

export const classifyGenie = (command: GenieCommand | LogCommand): CommandClass =>
  ({ label: `genie ${command.kind}`, access: ACCESS[command.kind] })

/** Who may run the writes, and from where: user ids and `role:<name>` entries, and room ids. */
export const GENIE_GATE: Gate = {
  service: 'opsgenie',
  name: 'OpsGenie',
  writersVariable: 'HUBOT_OPSGENIE_WRITERS',
  roomsVariable: 'HUBOT_OPSGENIE_WRITE_ROOMS',
  writes: 'genie ack/unack/close/close all/confirm/note/snooze/take/page/escalate/assign/priority'
}
