// The audit history, kept in robot.brain so it lasts wherever the brain is persisted
// (hubot-redis-brain): one bounded list per group of commands, oldest dropped first.

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

export function readHistory (brain: HubotBrain, service: GuardedService): AuditEntry[] {
  const value = brain.get(AUDIT_KEYS[service])
  return Array.isArray(value) ? value as AuditEntry[] : []
}

export function appendHistory (brain: HubotBrain, service: GuardedService, entry: AuditEntry,
  limit = HISTORY_LIMIT): void {
  // A new array each time, so brains that compare or serialise on set see the change.
  brain.set(AUDIT_KEYS[service], [...readHistory(brain, service), entry].slice(-limit))
}
