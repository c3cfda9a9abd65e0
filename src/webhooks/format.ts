// What the room sees: one line for one event, or one summary for a batch that accounts for every
// event in it (each summary line starts with its count). Pure functions of the events.

import { numberRuns } from '../util/ranges'
import { plural } from '../util/text'
import { incidentStatusLabel, stateLabel } from '../statuspage/labels'
import type { AlertEvent, AlertKind, ComponentEvent, IncidentEvent, WebhookEvent } from './events'

export interface FormatContext {
  /** The chat command that acknowledges this alert (`/genie ack 201`), or undefined. */
  ack: (event: AlertEvent) => string | undefined
  /** The alert's web page, or undefined. */
  link: (event: AlertEvent) => string | undefined
}

const MAX_IDS = 12
const MAX_MESSAGES = 3
const MAX_ITEMS = 5
const SHORT = 60

const short = (text: string | undefined, max = SHORT): string =>
  text === undefined ? '' : text.length > max ? `${text.slice(0, max - 1)}…` : text

/** `#201` (the tinyId people type), else the alert id. */
const ref = (e: AlertEvent): string => (e.tinyId ? `#${e.tinyId}` : e.alertId ?? 'an alert')
const by = (e: AlertEvent): string => (e.user ? ` by ${e.user}` : '')
const what = (e: AlertEvent): string => (e.message ? `: ${e.message}` : '')
const tags = (e: AlertEvent): string => (e.tags.length > 0 ? ` [${e.tags.join(', ')}]` : '')
const prio = (e: AlertEvent): string => (e.priority ? ` ${e.priority}` : '')
const tail = (e: AlertEvent, ctx: FormatContext): string => {
  const ack = ctx.ack(e)
  const link = ctx.link(e)
  return `${ack ? ` Ack: ${ack}` : ''}${link ? ` ${link}` : ''}`
}

/** One alert event, one line. */
function formatAlert (e: AlertEvent, ctx: FormatContext): string {
  switch (e.kind) {
    case 'create': return `New alert ${ref(e)}${prio(e)}${what(e)}${tags(e)}.${tail(e, ctx)}`
    case 'escalate': return `ESCALATED: ${ref(e)}${prio(e)}${what(e)} went to the next responders${e.escalation ? ` (${e.escalation})` : ''}.${tail(e, ctx)}`
    case 'sla': return `SLA BREACHED: ${ref(e)}${prio(e)}${what(e)}.${tail(e, ctx)}`
    case 'acknowledge': return `${ref(e)} acknowledged${by(e)}${what(e)}`
    case 'unacknowledge': return `${ref(e)} unacknowledged${by(e)}${what(e)}.${tail(e, ctx)}`
    case 'close': return `${ref(e)} closed${by(e)}${what(e)}`
    case 'note': return `${ref(e)} note${e.user ? ` from ${e.user}` : ''}: "${short(e.note ?? '', 200)}"${e.message ? ` (${short(e.message)})` : ''}`
    case 'assign': return `${ref(e)} assigned${e.owner ? ` to ${e.owner}` : ''}${by(e)}${what(e)}`
    case 'take': return `${ref(e)} taken${e.owner ? ` by ${e.owner}` : by(e)}${what(e)}`
    case 'snooze': return `${ref(e)} snoozed${e.snoozedUntil ? ` until ${utc(e.snoozedUntil)}` : ''}${by(e)}${what(e)}`
    case 'seen': return `${ref(e)} seen${by(e)}${what(e)}`
    case 'other': return `${ref(e)} ${e.action}${by(e)}${what(e)}`
  }
}

const utc = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`

function formatComponent (e: ComponentEvent): string {
  return e.oldStatus
    ? `Statuspage: ${e.name}: ${stateLabel(e.oldStatus)} → ${stateLabel(e.newStatus)}.`
    : `Statuspage: ${e.name} is now ${stateLabel(e.newStatus)}.`
}

function formatIncident (e: IncidentEvent): string {
  const impact = e.impact && e.impact !== 'none' ? `, ${e.impact} impact` : ''
  const latest = e.latest ? ` "${short(e.latest, 200)}"` : ''
  return `Statuspage incident ${e.name} (${e.id}): ${incidentStatusLabel(e.status)}${impact}.${latest}${e.shortlink ? ` ${e.shortlink}` : ''}`
}

export function formatEvent (e: WebhookEvent, ctx: FormatContext): string {
  if (e.source === 'alerts') return formatAlert(e, ctx)
  return e.type === 'component' ? formatComponent(e) : formatIncident(e)
}

/** The message for a batch: the event itself when alone, else a summary that counts every event. */
export function formatBatch (events: readonly WebhookEvent[], overflow: number, ctx: FormatContext): string {
  if (events.length === 1 && overflow === 0) return formatEvent(events[0], ctx)
  const alerts = events.filter((e): e is AlertEvent => e.source === 'alerts')
  const components = events.filter((e): e is ComponentEvent => e.source === 'statuspage' && e.type === 'component')
  const incidents = events.filter((e): e is IncidentEvent => e.source === 'statuspage' && e.type === 'incident')
  const lines: string[] = []
  for (const kind of KIND_ORDER) {
    const group = alerts.filter(e => e.kind === kind)
    if (group.length > 0) lines.push(...alertGroup(kind, group, ctx))
  }
  if (components.length > 0) lines.push(listLine(plural(components.length, 'component change'), components.map(c => formatComponent(c).replace(/^Statuspage: /, '').replace(/\.$/, ''))))
  if (incidents.length > 0) lines.push(listLine(plural(incidents.length, 'incident update'), incidents.map(i => formatIncident(i).replace(/^Statuspage incident /, ''))))
  if (overflow > 0) lines.push(`${plural(overflow, 'more event')} not itemised (too many at once; see OpsGenie / Statuspage).`)
  const total = events.length + overflow
  return [`${plural(total, 'event')} since the last message:`, ...lines].join('\n')
}

const KIND_ORDER: AlertKind[] = ['escalate', 'sla', 'create', 'unacknowledge', 'acknowledge', 'close', 'note', 'assign', 'take', 'snooze', 'seen', 'other']

const LABELS: Record<AlertKind, [string, string]> = {
  escalate: ['ESCALATED alert', 'ESCALATED alerts'],
  sla: ['SLA BREACHED alert', 'SLA BREACHED alerts'],
  create: ['new alert', 'new alerts'],
  unacknowledge: ['unacknowledged', 'unacknowledged'],
  acknowledge: ['acknowledged', 'acknowledged'],
  close: ['closed', 'closed'],
  note: ['note', 'notes'],
  assign: ['assigned', 'assigned'],
  take: ['taken', 'taken'],
  snooze: ['snoozed', 'snoozed'],
  seen: ['seen', 'seen'],
  other: ['other action', 'other actions']
}

function alertGroup (kind: AlertKind, group: AlertEvent[], ctx: FormatContext): string[] {
  const [one, many] = LABELS[kind]
  const head = plural(group.length, one, many)
  const ids = idList(group)
  if (kind === 'escalate' || kind === 'sla') {
    // Loud ones are listed one by one (up to a bound), each with its ack command.
    return [listLine(head, group.map(e => `${ref(e)}${prio(e)} "${short(e.message)}"${ctx.ack(e) ? ` (${ctx.ack(e)})` : ''}`))]
  }
  if (kind === 'create') {
    const acks = group.map(ctx.ack).filter((a): a is string => a !== undefined)
    const ackAll = acks.length === 0 ? '' : group.length <= 10 ? ` Ack: ${joinAcks(acks)}` : ''
    return [`${head}: ${ids}, ${messageCounts(group)}.${ackAll}`]
  }
  if (kind === 'note') return [listLine(head, group.map(e => `${ref(e)}${e.user ? ` ${e.user}` : ''}: "${short(e.note ?? '')}"`))]
  if (kind === 'other') return [`${head}: ${countBy(group, e => e.action)} on ${ids}`]
  const who = countBy(group, e => e.user ?? e.owner ?? '')
  return [`${head}: ${ids}${who ? ` (by ${who})` : ''}`]
}

/** `/genie ack 201`, `/genie ack 202` → `/genie ack 201 202`. */
function joinAcks (acks: string[]): string {
  const [first] = acks
  const stem = first.slice(0, first.lastIndexOf(' ') + 1)
  return acks.every(a => a.startsWith(stem)) ? `${stem}${acks.map(a => a.slice(stem.length)).join(' ')}` : acks.join(', ')
}

function listLine (head: string, items: string[]): string {
  const shown = items.slice(0, MAX_ITEMS)
  const more = items.length - shown.length
  return `${head}: ${shown.join('; ')}${more > 0 ? `; +${more} more` : ''}`
}

/** `#201–#212, #215` (numeric tinyIds as ranges), bounded. */
export function idList (events: readonly AlertEvent[]): string {
  const numeric = events.filter(e => e.tinyId && /^\d+$/.test(e.tinyId)).map(e => Number(e.tinyId))
  const others = [...new Set(events.filter(e => !(e.tinyId && /^\d+$/.test(e.tinyId))).map(ref))]
  const parts = [...numberRuns(numeric, 2).map(run => run.text), ...others]
  const shown = parts.slice(0, MAX_IDS)
  return `${shown.join(', ')}${parts.length > shown.length ? `, +${parts.length - shown.length} more` : ''}`
}

/** `P3 "disk usage 91% on build-07" ×11, P1 "API down"`, the most frequent first, bounded. */
function messageCounts (events: readonly AlertEvent[]): string {
  const counts = new Map<string, number>()
  for (const e of events) {
    const key = `${e.priority ? `${e.priority} ` : ''}"${short(e.message ?? '(no message)')}"`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1])
  const shown = sorted.slice(0, MAX_MESSAGES).map(([k, n]) => (n > 1 ? `${k} ×${n}` : k))
  const rest = sorted.length - MAX_MESSAGES
  return `${shown.join(', ')}${rest > 0 ? `, +${plural(rest, 'other message')}` : ''}`
}

/** `ana@example.com ×4, ben` ('' when nobody is named). */
function countBy (events: readonly AlertEvent[], keyOf: (e: AlertEvent) => string): string {
  const counts = new Map<string, number>()
  for (const e of events) {
    const key = keyOf(e)
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1])
  const shown = sorted.slice(0, MAX_ITEMS).map(([k, n]) => (n > 1 ? `${k} ×${n}` : k))
  return `${shown.join(', ')}${sorted.length > MAX_ITEMS ? `, +${sorted.length - MAX_ITEMS} more` : ''}`
}
