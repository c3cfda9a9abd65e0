// Who may record someone else's identity (HUBOT_OPSGENIE_IDENTITY_ADMINS: chat user ids and
// role:<name>, like the write gate's lists), and finding the chat user an admin names.
// Unlike the write gate, nothing configured means nobody: recording for others is never open.

import { env } from '../../util/config'
import type { HubotBrain, HubotRobot, HubotUser } from '../hubot'
import { decide, parseWriters, roleProvider } from '../authorization/policy'
import { GENIE_GATE } from './access'

const IDENTITY_ADMINS_VARIABLE = 'HUBOT_OPSGENIE_IDENTITY_ADMINS'

export async function mayRecordIdentities (robot: HubotRobot, user: HubotUser): Promise<boolean> {
  const admins = parseWriters(env(IDENTITY_ADMINS_VARIABLE))
  if (admins.userIds.length === 0 && admins.roles.length === 0) return false
  const rule = { ...GENIE_GATE, writersVariable: IDENTITY_ADMINS_VARIABLE, ...admins, rooms: [] }
  return (await decide(rule, user, '', roleProvider(robot))).allowed
}

/** The chat user with this id, else the one with this name (case-insensitive, only when unique). */
export function findChatUser (brain: HubotBrain, nameOrId: string): HubotUser | undefined {
  const users = Object.values(brain.users?.() ?? {})
  const byId = users.find(u => String(u.id) === nameOrId)
  if (byId) return byId
  const named = users.filter(u => typeof u.name === 'string' && u.name.toLowerCase() === nameOrId.toLowerCase())
  return named.length === 1 ? named[0] : undefined
}
