// Replies, built from data only (pure, so each layout is unit tested). One reply per command.

import { inert } from '../../util/inert'
import type { ActionOutcome } from '../../alerting/actions'
import type { BulkItem } from '../../alerting/bulk'
import type { RunInfo } from '../../alerting/bulk-lock'
import type { Alert, Schedule } from '../../alerting/types'
import { isServiceError, type ServiceError } from '../../http/errors'
import { formatDuration } from '../../util/duration'
import { age, plural } from '../../util/text'
import { compressLabels } from './ranges'
import { boundedList, count, echo } from '../bounds'

/** Above this many alerts, the status reply shows the newest and ends with "+N more". */
const STATUS_LIST_LIMIT = 15

/** `2026-11-24 14:30 UTC`. */
export function utc (ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC')
}

export function newestFirst (alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort((a, b) => (Date.parse(b.createdAt) || 0) - (Date.parse(a.createdAt) || 0))
}

function alertLine (alert: Alert, now: number): string {
  const who = !alert.acknowledged
    ? 'NOT acked'
    : alert.acknowledgedBy
      ? `acked by ${inert(alert.acknowledgedBy, 80)}`
      // JSM Operations does not say who, only how long after it opened.
      : alert.ackTimeMs !== undefined ? `acked after ${formatDuration(alert.ackTimeMs)}` : 'acked'
  const label = alert.tinyId ? `#${inert(alert.tinyId, 20)}` : inert(alert.id, 80)
  const snoozed = alert.snoozed ? ', snoozed' : ''
  return `${label} ${inert(alert.priority, 4) || '-'} ${inert(alert.message, 200)} (${who}, ${age(alert.createdAt, now)} old, ${alert.count}×${snoozed})`
}

export function formatStatus (
  service: string, alerts: readonly Alert[], now: number, limit = STATUS_LIST_LIMIT
): string {
  const open = newestFirst(alerts.filter(a => a.status === 'open'))
  if (open.length === 0) return `${service}: no open alerts.`
  const acked = open.filter(a => a.acknowledged).length
  const head = `${service}: ${plural(open.length, 'open alert')}, ${acked} acknowledged, ${open.length - acked} not.`
  const lines = open.slice(0, limit).map(a => alertLine(a, now))
  if (open.length > limit) lines.push(`+${open.length - limit} more`)
  return [head, ...lines].join('\n')
}

/** After a send that may have reached the backend: what to do before trying again. */
const MAY_HAVE = 'it may or may not have happened, check with genie before retrying'
/** A rate limit that was not retried: what the service asked for, when it said. */
function rateLimitWait (err: ServiceError): string {
  const seconds = err.retryAfterMs === undefined ? undefined : err.retryAfterMs / 1000
  return seconds === undefined ? 'rate limited' : `rate limited, asked to wait ${seconds} s`
}

/** Why one item failed, in a few words: the backend's own reason where it gave one. */
export function shortReason (outcome: ActionOutcome, service: string, confirmTimeoutMs: number): string {
  if (outcome.state === 'failed' && outcome.reason) return outcome.reason
  if (outcome.state === 'unconfirmed' && outcome.reason === 'timeout') {
    return `${service} had not processed it after ${formatDuration(confirmTimeoutMs)}; it may still happen, check before retrying`
  }
  if (outcome.state === 'unconfirmed' && outcome.reason === 'deadline') {
    return `the command ran out of time before ${service} confirmed it; it may still happen, check with genie before retrying`
  }
  if (outcome.state === 'unconfirmed' && outcome.reason === 'check') {
    return `${service} accepted it, but asking whether it was processed failed (${checkFailure(outcome.error)}); ` +
      'it may have happened, check with genie before retrying'
  }
  const err = outcome.state === 'confirmed' ? undefined : outcome.error
  if (!isServiceError(err)) return err instanceof Error ? err.message : 'unknown error'
  const said = err.apiMessage ? `: ${err.apiMessage}` : ''
  switch (err.kind) {
    case 'not_found': return `not found${said}`
    case 'rate_limited': return err.attempts > 1 ? 'rate limited, retries ran out' : rateLimitWait(err)
    case 'timeout': return `no answer in time; ${MAY_HAVE}`
    case 'network': return `connection failed; ${MAY_HAVE}`
    case 'unavailable': return `${service} answered ${err.status}; ${MAY_HAVE}`
    case 'bad_response': return `the answer was unreadable; ${MAY_HAVE}`
    default: return `${err.status ?? 'error'}${said}`
  }
}

/** Why asking for a request's state failed, in a few words (the action itself was accepted). */
function checkFailure (err: unknown): string {
  if (!isServiceError(err)) return 'an error in the bot'
  switch (err.kind) {
    case 'auth': return `${err.status}, the key may not read request states`
    case 'forbidden': return `${err.status}, not permitted`
    case 'bad_response': return 'its answer could not be read'
    case 'timeout': return 'no answer in time'
    case 'network': return 'the connection failed'
    case 'rate_limited': return 'rate limited'
    default: return `answered ${err.status ?? 'with an error'}`
  }
}

export interface VerbWords {
  /** `Acknowledged`, `Closed`. */
  done: string
  /** `acknowledge`, `close`. */
  infinitive: string
  /** `Acknowledging`, `Closing` (the progress line of a slow bulk action). */
  doing: string
}

export const VERBS: Record<'acknowledge' | 'unacknowledge' | 'close', VerbWords> = {
  acknowledge: { done: 'Acknowledged', infinitive: 'acknowledge', doing: 'Acknowledging' },
  unacknowledge: { done: 'Unacknowledged', infinitive: 'unacknowledge', doing: 'Unacknowledging' },
  close: { done: 'Closed', infinitive: 'close', doing: 'Closing' }
}

/** Above this many distinct reasons, a bulk reply lists the first ones and counts the rest. */
const BULK_REASON_LIMIT = 5

/** `Failed (3): #14, #15 — Alert does not exist; #20 — not found.` Items with the same reason share one entry. */
function reasonLine (title: string, items: readonly BulkItem[], reason: (i: BulkItem) => string): string {
  const byReason = new Map<string, string[]>()
  for (const item of items) {
    const why = reason(item)
    byReason.set(why, [...(byReason.get(why) ?? []), item.target.label])
  }
  const groups = [...byReason.entries()]
  const shown = groups.slice(0, BULK_REASON_LIMIT).map(([why, labels]) => `${compressLabels(labels)} — ${why}`)
  const hidden = groups.slice(BULK_REASON_LIMIT).reduce((n, [, labels]) => n + labels.length, 0)
  return `${title}${items.length > 1 ? ` (${items.length})` : ''}: ${shown.join('; ')}${hidden > 0 ? `; +${hidden} more for other reasons` : ''}.`
}

/**
 * The report of a bulk action: the count first, then the ids in numeric order with ranges.
 * "Acknowledged" counts only what the backend confirmed; refusals and unconfirmed requests are
 * listed apart, with their reasons. Each alert is counted once, however often a list returned it.
 */
/** How an action's outcomes are told: the backend's name, the verb, and how long a confirmation may take. */
interface OutcomeWords {
  service: string
  confirmTimeoutMs: number
}

/** How a filtered bulk action names its alerts: `4 P1 alerts`, `2 alerts tagged db`. */
export interface FilterWords {
  /** Before the noun: `P1`, `P1/P2`. */
  adjective?: string
  /** After the noun: ` tagged db`, ` owned by or assigned to you`. */
  suffix?: string
}

/** `4 P1 alerts`, `1 alert tagged db`: the count with the filter that chose them. */
function alertCount (n: number, filter: FilterWords = {}): string {
  const noun = filter.adjective ? `${filter.adjective} alert` : 'alert'
  return `${plural(n, noun)}${filter.suffix ?? ''}`
}

export interface BulkWords extends OutcomeWords {
  words: VerbWords
  /** The ids asked for that match no alert. */
  unknown: readonly string[]
  /** The filter that chose the alerts (genie ack P1), repeated in the count. */
  filter?: FilterWords
}

export function formatBulk (
  all: readonly BulkItem[], { service, words, unknown, confirmTimeoutMs, filter }: BulkWords
): string {
  const items = all.filter((item, i) => all.findIndex(other => other.target.alertId === item.target.alertId) === i)
  const done = items.filter(i => i.outcome.state === 'confirmed').map(i => i.target.label)
  const failed = items.filter(i => i.outcome.state === 'failed')
  const unconfirmed = items.filter(i => i.outcome.state === 'unconfirmed')
  const lines: string[] = []
  const why = (i: BulkItem): string => shortReason(i.outcome, service, confirmTimeoutMs)
  if (done.length > 0) {
    const summary = done.length === items.length
      ? `${alertCount(done.length, filter)}, ${done.length === 1 ? '' : 'all '}confirmed by ${service}`
      : `${done.length} of ${alertCount(items.length, filter)} (confirmed by ${service})`
    lines.push(`${words.done} ${summary}: ${compressLabels(done)}.`)
  }
  if (failed.length > 0) lines.push(reasonLine('Failed', failed, why))
  if (unconfirmed.length > 0) lines.push(reasonLine('Not confirmed', unconfirmed, why))
  if (unknown.length > 0) lines.push(`Unknown: ${compressLabels(unknown.map(u => echo(/^\d+$/.test(u) ? `#${u}` : u, 40)))} (no such alert).`)
  // Unconfirmed may have happened: "Nothing was acknowledged" would be a claim we cannot make.
  if (items.length > 0 && done.length === 0) lines.unshift(`Nothing was ${unconfirmed.length > 0 ? 'confirmed as ' : ''}${words.done.toLowerCase()}.`)
  if (items.length === 0 && unknown.length > 0) lines.unshift(`Nothing to ${words.infinitive}.`)
  return lines.join('\n')
}

/**
 * The `genie close all` prompt: how many would close, which (the newest first, "+N more" past the
 * limit), and the code.
 */
export interface CloseAllPrompt {
  code: string
  prefix: string
  /** How long the code is good for. */
  ttlMs: number
  /** Labels shown before "+N more". */
  limit?: number
  /** The filter of genie close P1 / mine / tag:<tag>, repeated in the count. */
  filter?: FilterWords
}

export function formatCloseAllPrompt (
  labels: readonly string[], { code, prefix, ttlMs, limit = STATUS_LIST_LIMIT, filter }: CloseAllPrompt
): string {
  const shown = labels.slice(0, limit).join(', ') + (labels.length > limit ? ` +${labels.length - limit} more` : '')
  const what = filter ? alertCount(labels.length, { ...filter, adjective: `open ${filter.adjective ?? ''}`.trim() }) : plural(labels.length, 'open alert')
  return `This would close ${what}: ${shown}. To do it, say: ${prefix}genie confirm ${code} ` +
    `(you, in this room, within ${formatDuration(ttlMs)}). Anything else and nothing is closed.`
}

/** One-item actions (note, snooze): a sentence for the outcome. */
export interface SingleWords extends OutcomeWords {
  label: string
  /** What is said when the backend confirmed it. */
  doneSentence: string
}

export function formatSingle (
  outcome: ActionOutcome, { service, label, doneSentence, confirmTimeoutMs }: SingleWords
): string {
  if (outcome.state === 'confirmed') return doneSentence
  const why = shortReason(outcome, service, confirmTimeoutMs)
  return outcome.state === 'failed' ? `${label}: ${service} refused — ${why}.` : `${label}: not confirmed — ${why}.`
}

export interface OnCallRow {
  schedule: Schedule
  recipients?: string[]
  error?: string
}

export function formatOnCall (rows: readonly OnCallRow[], asked?: string): string {
  if (rows.length === 0) return 'There are no schedules.'
  const lines = rows.map(r => {
    const who = r.error ? `could not check (${r.error})` : r.recipients && r.recipients.length > 0 ? r.recipients.map(n => inert(n, 80)).join(', ') : 'nobody'
    return `${inert(r.schedule.name, 120)}${r.schedule.enabled ? '' : ' (disabled)'}: ${who}`
  })
  const nobody = rows.every(r => !r.error && (r.recipients ?? []).length === 0)
  if (nobody) return asked ? `Nobody is on call for ${inert(rows[0].schedule.name, 120)} right now.` : `Nobody is on call right now (${plural(rows.length, 'schedule')} checked).`
  return rows.length === 1 ? `On call now — ${lines[0]}` : ['On call now:', ...lines].join('\n')
}

/** `genie ack 1 2 ... 1500`: more ids than one command may name. */
export function formatTooManyIds (named: number, max: number, words: VerbWords, prefix: string): string {
  const all = words.infinitive === 'acknowledge' ? ` (${prefix}genie ack alone acknowledges every open alert)` : ''
  return `That names ${count(named)} alerts; one command may ${words.infinitive} at most ${count(max)} (HUBOT_OPSGENIE_MAX_IDS). ` +
    `Nothing was changed: split them into several commands${all}.`
}

export interface JoinedItem { target: { label: string }, run: RunInfo }

/**
 * The alerts another command was already acting on, and who started it: their result is that
 * command's, nothing was sent twice. One line per command joined.
 */
export function formatJoined (joined: readonly JoinedItem[], now: number): string {
  const runs = new Map<RunInfo, string[]>()
  for (const j of joined) {
    const labels = runs.get(j.run)
    if (labels) labels.push(j.target.label)
    else runs.set(j.run, [j.target.label])
  }
  return [...runs].map(([run, labels]) =>
    `${run.what} by ${run.who} (started ${age(new Date(run.startedAt).toISOString(), now)} ago) was already acting on ` +
    `${boundedList(labels)}: its result for them is below; nothing was sent twice.`).join('\n')
}
