// The words of the write gate: the one reply a refused command gets, and the startup log lines.

import { isOpen, type Refusal, type WriteRule } from './policy'

const OPERATOR = 'whoever runs the bot'

function writersWanted (rule: WriteRule): string {
  const roles = rule.roles.length === 0 ? '' : ` or a role: ${rule.roles.join(', ')}`
  return `a writer (a user id listed in ${rule.writersVariable}${roles})`
}

/** The one reply to a refused write: what it needs, what this person lacks, and who can grant it. */
/** Who was refused what, where. */
export interface RefusedWrite {
  /** The command's class label (`status set`). */
  label: string
  user: { id: string }
  room: string
}

export function formatRefusal (refusal: Refusal, rule: WriteRule, { label, user, room }: RefusedWrite): string {
  const id = String(user.id)
  switch (refusal.why) {
    case 'room':
      return `"${label}" changes ${rule.name}, which can be changed only from ${rule.rooms.length === 1 ? 'room' : 'rooms'} ` +
        `${rule.rooms.join(', ')}, not from this room (${room}). Nothing was changed. Run it there, or ask ${OPERATOR} ` +
        `to add this room to ${rule.roomsVariable}.`
    case 'writer':
      return `"${label}" changes ${rule.name}: it needs ${writersWanted(rule)}, and you (user id ${id}) are not one. ` +
        `Nothing was changed. Ask ${OPERATOR} to add your user id to ${rule.writersVariable}` +
        `${rule.roles.length > 0 ? ', or whoever manages roles to give you one of those roles' : ''}.`
    case 'no-role-plugin':
      return `"${label}" changes ${rule.name}: it needs ${writersWanted(rule)}, but no role plugin is loaded ` +
        '(nothing provides robot.auth.hasRole), so roles cannot be checked. Nothing was changed. ' +
        `Ask ${OPERATOR} to load a role plugin (hubot-auth on Hubot 3.5) or to add your user id (${id}) to ${rule.writersVariable}.`
  }
}

/** The startup line saying who may write, once per group of commands. */
export function describeRule (rule: WriteRule, hasRolePlugin: boolean): string {
  const commands = rule.writes
  if (isOpen(rule)) {
    return `${commands} (changing ${rule.name}) are open to everyone in every room: ` +
      `set ${rule.writersVariable} and/or ${rule.roomsVariable} to limit them.`
  }
  const who = rule.userIds.length === 0 && rule.roles.length === 0
    ? 'everyone'
    : [...rule.userIds.map(id => `user ${id}`), ...rule.roles.map(r => `role ${r}`)].join(', ')
  const where = rule.rooms.length === 0 ? 'any room' : `${rule.rooms.length === 1 ? 'room' : 'rooms'} ${rule.rooms.join(', ')} only`
  const plugin = rule.roles.length > 0 && !hasRolePlugin
    ? ' No role plugin (robot.auth.hasRole) is loaded yet: until one is, only the listed user ids can write.'
    : ''
  return `${commands} (changing ${rule.name}) are allowed for ${who}, from ${where}.${plugin}`
}
