// The postmortem draft written to Statuspage when an incident ends: pure, from plain data the
// incident store hands in. Plain text with simple Markdown headings and lists (the markup Statuspage
// takes is UNCONFIRMED on the contract sheet), every time in UTC, and every text from outside made
// inert: one line each, no mentions, no links, images or HTML (the draft may become a public page).
// Bounded: the whole draft stays under MAX_POSTMORTEM_DRAFT; a long timeline keeps its first and last
// entries and says how many in between are left out.

import { stateLabel } from '../../statuspage/labels'
import { MAX_POSTMORTEM_DRAFT } from '../../statuspage/types'
import { formatDuration } from '../../util/duration'
import { inert } from '../../util/inert'
import type { LinkedAlert } from './model'

interface PostmortemTimelineEntry {
  /** Epoch milliseconds. */
  at: number
  /** Who did it (a chat name), when a person did. */
  who?: string
  /** What happened, as the timeline shows it (`acknowledged #12 (done)`, a note's text). */
  text: string
}

interface PostmortemComponent {
  name: string
  /** Its state before the incident touched it (a Statuspage component status), when known. */
  before?: string
  /** Each state it was set to, with when. */
  changes: ReadonlyArray<{ at: number, status: string }>
}

/** A linked alert as the incident keeps it (chat/incident/model.ts). */
type PostmortemAlert = LinkedAlert

export interface PostmortemInput {
  title: string
  /** P1..P5. */
  severity: string
  startedAt: number
  /** When it was resolved; absent while it is still open. */
  endedAt?: number
  /** The first acknowledgement of a linked alert. */
  firstAck?: { at: number, by?: string }
  roles: { declaredBy?: string, lead?: string, comms?: string }
  /** The public Statuspage incident, when there is one. */
  publicIncident?: { id: string, name?: string, shortlink?: string }
  components: readonly PostmortemComponent[]
  /** Oldest first (sorted again here, stably). */
  timeline: readonly PostmortemTimelineEntry[]
  /** Entries the store no longer keeps (its own bound), older than every entry in `timeline`. */
  droppedEntries?: number
  alerts: readonly PostmortemAlert[]
}

const TITLE_CHARS = 255
const NAME_CHARS = 100
const TEXT_CHARS = 300
/** Timeline lines at most; the first few are always kept, then the newest that fit. */
const TIMELINE_LINES = 200
const TIMELINE_HEAD = 20
/** With these, summary, impact and alerts take under 17,000 characters: the timeline always has 8,000. */
const COMPONENTS = 20
const CHANGES_PER_COMPONENT = 6
const ALERTS = 30
const MESSAGE_CHARS = 100

/**
 * Outside text for a page that may render Markdown: inert (one line, no mentions or controls), and
 * no HTML tags, links or images (`<`/`>` become ‹ ›, `](` and `![` are broken apart).
 */
function md (value: unknown, max = TEXT_CHARS): string {
  return inert(value, max)
    .replace(/</g, '\u2039').replace(/>/g, '\u203a')
    .replace(/\]\(/g, '] (').replace(/!\[/g, '! [')
}

/** `2026-12-04 01:02 UTC`. */
const utc = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC')
const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
const bullet = (label: string, value: string): string => `- ${label}: ${value}`

function summary (input: PostmortemInput): string[] {
  const { roles } = input
  const lines = [
    bullet('Severity', md(input.severity, 8) || 'not set'),
    bullet('Started', utc(input.startedAt)),
    bullet('Ended', input.endedAt === undefined ? 'not yet (still open when this draft was written)' : utc(input.endedAt))
  ]
  if (input.endedAt !== undefined) lines.push(bullet('Duration', formatDuration(input.endedAt - input.startedAt)))
  const ack = input.firstAck
  lines.push(bullet('Time to first acknowledgement', ack
    ? `${formatDuration(ack.at - input.startedAt)} (${ack.by ? `${md(ack.by, NAME_CHARS)}, ` : ''}${utc(ack.at)})`
    : 'no linked alert was acknowledged'))
  lines.push(bullet('Declared by', md(roles.declaredBy, NAME_CHARS) || 'unknown'))
  lines.push(bullet('Lead', md(roles.lead, NAME_CHARS) || 'nobody took the role'))
  lines.push(bullet('Communications', md(roles.comms, NAME_CHARS) || 'nobody took the role'))
  const pub = input.publicIncident
  if (pub) {
    const link = pub.shortlink && /^https:\/\/[^\s<>()[\]]+$/.test(pub.shortlink) ? ` ${pub.shortlink}` : ''
    lines.push(bullet('Public incident', `${md(pub.name ?? input.title, TITLE_CHARS)} (${md(pub.id, NAME_CHARS)})${link}`))
  } else lines.push(bullet('Public incident', 'none (nothing was posted on the status page)'))
  return lines
}

function impact (input: PostmortemInput): string[] {
  if (input.components.length === 0) return ['No component was marked on the status page.']
  const lines = input.components.slice(0, COMPONENTS).map(c => {
    const steps = [...c.changes].sort((a, b) => a.at - b.at)
    const shown = steps.slice(0, CHANGES_PER_COMPONENT).map(s => `${stateLabel(md(s.status, 40))} (${utc(s.at)})`)
    const more = steps.length > CHANGES_PER_COMPONENT ? ` → +${steps.length - CHANGES_PER_COMPONENT} more changes` : ''
    const chain = [...(c.before ? [stateLabel(md(c.before, 40))] : []), ...shown].join(' → ')
    return `- ${md(c.name, NAME_CHARS)}: ${chain || 'no change recorded'}${more}`
  })
  if (input.components.length > COMPONENTS) lines.push(`- +${input.components.length - COMPONENTS} more components`)
  return lines
}

function alertLines (input: PostmortemInput): string[] {
  if (input.alerts.length === 0) return ['No alert was linked.']
  const lines = input.alerts.slice(0, ALERTS).map(a => {
    const name = a.tinyId ? `#${md(a.tinyId, 20)}` : md(a.id, NAME_CHARS)
    const priority = a.priority ? ` [${md(a.priority, 8)}]` : ''
    const message = a.message ? ` ${md(a.message, MESSAGE_CHARS)}` : ''
    const ack = a.acknowledgedAt === undefined
      ? 'never acknowledged'
      : `acknowledged${a.acknowledgedBy ? ` by ${md(a.acknowledgedBy, NAME_CHARS)}` : ''} at ${utc(a.acknowledgedAt)}`
    const closed = a.closedAt === undefined ? '' : `; closed at ${utc(a.closedAt)}`
    return `- ${name}${priority}${message}: ${ack}${closed}`
  })
  if (input.alerts.length > ALERTS) lines.push(`- +${input.alerts.length - ALERTS} more alerts`)
  return lines
}

const entryLine = (e: PostmortemTimelineEntry): string =>
  `- ${utc(e.at)}: ${e.who ? `${md(e.who, NAME_CHARS)}: ` : ''}${md(e.text) || '(empty)'}`

/** The timeline within `budget` characters: the first entries, a gap line, then the newest that fit. */
function timeline (input: PostmortemInput, budget: number): string[] {
  const entries = input.timeline.map((e, i) => ({ e, i })).sort((a, b) => a.e.at - b.e.at || a.i - b.i).map(x => x.e)
  const dropped = input.droppedEntries ?? 0
  const lines: string[] = []
  if (dropped > 0) lines.push(`- (${plural(dropped, 'earlier entry', 'earlier entries')} no longer kept)`)
  if (entries.length === 0) return [...lines, 'Nothing was recorded.']
  const all = entries.map(entryLine)
  const cost = (xs: string[]): number => xs.reduce((n, x) => n + x.length + 1, 0)
  const gap = (n: number): string => `- … ${plural(n, 'entry', 'entries')} left out here …`
  if (all.length <= TIMELINE_LINES && cost(all) + cost(lines) <= budget) return [...lines, ...all]
  // Room for the gap line, then the head (a quarter of what is left at most), then as many of the newest as fit.
  let left = budget - cost(lines) - gap(all.length).length - 1
  const headBudget = left / 4
  const head: string[] = []
  for (const line of all.slice(0, TIMELINE_HEAD)) {
    if (cost(head) + line.length + 1 > headBudget) break
    head.push(line)
    left -= line.length + 1
  }
  const tail: string[] = []
  for (let i = all.length - 1; i >= head.length && head.length + tail.length < TIMELINE_LINES - 1; i--) {
    if (all[i].length + 1 > left) break
    tail.unshift(all[i])
    left -= all[i].length + 1
  }
  return [...lines, ...head, gap(all.length - head.length - tail.length), ...tail]
}

/** The draft's text: summary, impact, timeline, linked alerts, and headings left for the team. */
export function formatPostmortemDraft (input: PostmortemInput): string {
  const before = [
    `# Postmortem: ${md(input.title, TITLE_CHARS) || 'untitled incident'}`,
    '',
    '## Summary', ...summary(input),
    '',
    '## Impact', ...impact(input),
    '',
    '## Timeline'
  ]
  const after = [
    '',
    '## Linked alerts', ...alertLines(input),
    '',
    '## Root cause',
    '(to be written)',
    '',
    '## Follow-up actions',
    '- (to be written)',
    ''
  ]
  const fixed = before.join('\n').length + after.join('\n').length + 2
  return [...before, ...timeline(input, MAX_POSTMORTEM_DRAFT - fixed), ...after].join('\n')
}
