// The audit history, kept in robot.brain so it lasts wherever the brain is persisted
// (hubot-redis-brain): one bounded list per group of commands, oldest dropped first.

import { createHash } from 'node:crypto'
import { defineStore, type Store } from '../../util/brain-store'
import type { GuardedService } from '../authorization/policy'
import type { HubotBrain } from '../hubot'
import type { AuditTarget, Outcome, ServiceName } from './trail'

/** How many entries each history keeps. */
export const HISTORY_LIMIT = 500

export const AUDIT_KEYS: Record<GuardedService, string> = {
  statuspage: 'hubot-statuspage-opsgenie.audit.statuspage',
  opsgenie: 'hubot-statuspage-opsgenie.audit.opsgenie'
}

export interface AuditEntry {
  /** ISO time the command finished. */
  time: string
  user: { id: string, name: string }
  room: string
  /** The command as classed, e.g. `status set`, `genie close` (never the message's text). */
  command: string
  service: ServiceName
  targets: AuditTarget[]
  /** Every target's outcome when they agree, else `mixed`. */
  outcome: Outcome | 'mixed'
}

export function overallOutcome (targets: readonly AuditTarget[]): Outcome | 'mixed' {
  const outcomes = new Set(targets.map(t => t.outcome))
  return outcomes.size === 1 ? [...outcomes][0] : 'mixed'
}

const AUDIT_VERSION = 1
const text = (value: unknown): value is string => typeof value === 'string'

function validTarget (t: unknown): boolean {
  if (typeof t !== 'object' || t === null) return false
  const { id, name, action, outcome } = t as Record<string, unknown>
  return text(id) && text(action) && text(outcome) && (name === undefined || text(name))
}

/** The entry if it has the shape this version reads (version 0: before records had versions). */
function validEntry (data: unknown, version: number): AuditEntry | undefined {
  if (version > AUDIT_VERSION || typeof data !== 'object' || data === null) return undefined
  const e = data as Record<string, unknown>
  const user = e.user as Record<string, unknown> | null | undefined
  if (!text(e.time) || !Number.isFinite(Date.parse(e.time)) || !text(e.room) || !text(e.command)) return undefined
  if (!text(e.service) || !text(e.outcome) || typeof user !== 'object' || user === null) return undefined
  if (!text(user.id) || !text(user.name) || !Array.isArray(e.targets) || !e.targets.every(validTarget)) return undefined
  return data as AuditEntry
}

/** Two copies of one entry (from this process and from Redis) are one record. */
const entryId = (entry: unknown): string => createHash('sha256').update(JSON.stringify(entry)).digest('hex').slice(0, 20)
const entryAt = (entry: unknown): number => {
  const at = Date.parse(String((entry as { time?: unknown } | null)?.time))
  return Number.isFinite(at) ? at : 0
}

const histories: Record<GuardedService, Store<AuditEntry>> = {
  statuspage: historyStore('statuspage', 'Statuspage audit history (status log)'),
  opsgenie: historyStore('opsgenie', 'alerting audit history (genie log)')
}

function historyStore (service: GuardedService, name: string): Store<AuditEntry> {
  return defineStore<AuditEntry>({
    key: AUDIT_KEYS[service],
    name,
    version: AUDIT_VERSION,
    bound: HISTORY_LIMIT,
    validate: validEntry,
    // Before versions: a plain list of entries.
    legacy: (raw) => Array.isArray(raw) ? raw.map(data => ({ id: entryId(data), at: entryAt(data), data })) : undefined
  })
}

/** Oldest first, the newest HISTORY_LIMIT. */
export function readHistory (brain: HubotBrain, service: GuardedService): AuditEntry[] {
  return histories[service].on(brain).list()
}

export function appendHistory (brain: HubotBrain, service: GuardedService, entry: AuditEntry): void {
  histories[service].on(brain).put(entryId(entry), entry, entryAt(entry))
}
