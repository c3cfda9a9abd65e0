// Who may change a service from chat, and from where. Pure: the environment's lists in, a decision
// out; the only outside call is the role plugin's hasRole, handed in. Reads are never gated.
//
// Users are compared by chat user id, never by name: some adapters let anyone rename themselves.

import { env } from '../../util/config'
import type { HubotUser } from '../hubot'

export type Access = 'read' | 'write'

/** How a parsed command is classed: what it is called in logs, and whether it changes the service. */
export interface CommandClass {
  /** The command as logs name it, e.g. `status set`, `genie close` (never the message's text). */
  label: string
  access: Access
}

/** The two groups of commands, each with its own writers, rooms and audit history. */
export type GuardedService = 'statuspage' | 'opsgenie'

/** A group of commands' gate: its variables, and how logs and replies name it. */
export interface Gate {
  service: GuardedService
  /** How replies name what the commands change: `Statuspage`, `OpsGenie`. */
  name: string
  writersVariable: string
  roomsVariable: string
  /** How the startup log names the write commands, e.g. `status set/open/update/resolve`. */
  writes: string
}

export interface WriteRule extends Gate {
  /** Chat user ids allowed to write. */
  userIds: string[]
  /** Role names (from `role:<name>` entries), checked through robot.auth.hasRole. */
  roles: string[]
  /** Room ids writes are allowed from; empty: every room. */
  rooms: string[]
}

/** What a role plugin provides (hubot-auth on Hubot 3.5, or any plugin exposing the same call). */
export interface RoleProvider {
  hasRole(user: HubotUser, role: string): unknown
}

const ROLE_PREFIX = /^role:/i

/** Comma-separated entries, trimmed, empty ones dropped. */
const listOf = (raw: string | undefined): string[] => (raw ?? '').split(',').map(s => s.trim()).filter(Boolean)

/** Splits `U1, U2, role:ops` into user ids and role names. */
export function parseWriters (raw: string | undefined): { userIds: string[], roles: string[] } {
  const entries = listOf(raw)
  return {
    userIds: entries.filter(e => !ROLE_PREFIX.test(e)),
    roles: entries.filter(e => ROLE_PREFIX.test(e)).map(e => e.replace(ROLE_PREFIX, '').trim()).filter(Boolean)
  }
}

/** The rule for a group of commands, from the environment as it is now. */
export function readWriteRule (gate: Gate): WriteRule {
  return { ...gate, ...parseWriters(env(gate.writersVariable)), rooms: listOf(env(gate.roomsVariable)) }
}

const hasWriters = (rule: WriteRule): boolean => rule.userIds.length > 0 || rule.roles.length > 0

/** Nothing configured: everyone may write from every room, as before this gate existed. */
export const isOpen = (rule: WriteRule): boolean => !hasWriters(rule) && rule.rooms.length === 0

export type Refusal =
  /** Rooms are configured and this is not one of them. */
  | { why: 'room' }
  /** Writers are configured and this user is neither listed nor has a listed role. */
  | { why: 'writer' }
  /** The user is not listed by id, roles are configured, and no plugin can check roles. */
  | { why: 'no-role-plugin' }

export type Decision = { allowed: true } | ({ allowed: false } & Refusal)

/**
 * Whether `user` may run a write command in `room`. The room is checked first (the cheapest answer,
 * and the one that holds even for writers); then the user id; then each role. A role plugin that
 * throws or answers anything but true counts as "no".
 */
export async function decide (rule: WriteRule, user: HubotUser, room: string,
  auth: RoleProvider | undefined): Promise<Decision> {
  if (rule.rooms.length > 0 && !rule.rooms.includes(String(room))) return { allowed: false, why: 'room' }
  if (!hasWriters(rule)) return { allowed: true }
  if (rule.userIds.includes(String(user.id))) return { allowed: true }
  if (rule.roles.length === 0) return { allowed: false, why: 'writer' }
  if (!auth || typeof auth.hasRole !== 'function') return { allowed: false, why: 'no-role-plugin' }
  for (const role of rule.roles) {
    try {
      if (await auth.hasRole(user, role) === true) return { allowed: true }
    } catch {
      // A broken plugin must not open the gate: treat it as "does not have the role".
    }
  }
  return { allowed: false, why: 'writer' }
}

/** robot.auth when it provides hasRole, else undefined. */
export function roleProvider (robot: { auth?: unknown }): RoleProvider | undefined {
  const auth = robot.auth as Partial<RoleProvider> | undefined
  return auth && typeof auth.hasRole === 'function' ? auth as RoleProvider : undefined
}
