// The audit trail's words: the structured log line for each write, and the `status log` /
// `genie log` reply. Neither ever holds a message's text or a key: only who, where, what, outcome.

import { inert } from '../../util/inert'
import { plural } from '../../util/text'
import type { AuditEntry } from './store'
import type { AuditTarget } from './trail'

/** Prefix of every audit log line, to find them with grep. */
export const AUDIT_LOG_PREFIX = 'hubot-statuspage-opsgenie audit'

/** One line: a fixed prefix, then the entry as JSON (time, user, room, command, service, targets, outcome). */
export const auditLogLine = (entry: AuditEntry): string => `${AUDIT_LOG_PREFIX} ${JSON.stringify(entry)}`

/** Entries `status log` shows when no number is given, and at most. */
export const DEFAULT_LOG_COUNT = 10
export const MAX_LOG_COUNT = 50

const OUTCOME_WORDS: Record<AuditTarget['outcome'], string> = {
  done: 'done',
  failed: 'failed',
  unconfirmed: 'not confirmed',
  'may-have-happened': 'may have happened'
}

const when = (iso: string): string => iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC')

/** Names, ids and rooms come from chat and the services: one inert line each, so none can forge an entry. */
const field = (text: unknown): string => inert(text, 120)

function target (t: AuditTarget): string {
  const what = t.name ? `${field(t.name)} (${field(t.id)})` : field(t.id)
  return `${what} ${field(t.action)}: ${OUTCOME_WORDS[t.outcome]}`
}

function line (entry: AuditEntry): string {
  return `• ${when(entry.time)} ${field(entry.user.name)} (${field(entry.user.id)}) in ${field(entry.room)}: ` +
    `${field(entry.command)} → ${entry.targets.map(target).join('; ')}`
}

/** The last `count` entries, newest first, in one reply. `what` names the history (`Statuspage`). */
export function formatHistory (entries: readonly AuditEntry[], count: number, what: string): string {
  if (entries.length === 0) return `No ${what} change from chat is recorded yet.`
  const shown = entries.slice(-count).reverse()
  const of = shown.length < entries.length ? ` (of ${entries.length} kept)` : ''
  return [`The last ${plural(shown.length, `${what} change`)} from chat${of}, newest first:`, ...shown.map(line)].join('\n')
}
