// Pure: every `incident` reply is built here, from the record and plain facts. Text that came from
// outside (titles, names, alert messages, notes) is made inert; times are UTC.

import { stateLabel } from '../../statuspage/labels'
import { formatDuration } from '../../util/duration'
import { inert } from '../../util/inert'
import { plural } from '../../util/text'
import type { IncidentRecord, LinkedAlert, TimelineEntry } from './model'

/** Timeline lines one `incident timeline` shows (newest last); older ones are counted. */
export const TIMELINE_SHOWN = 50
const LATEST_SHOWN = 5

const pad = (n: number): string => String(n).padStart(2, '0')
/** `2026-12-04 01:04 UTC`. */
const utc = (at: number): string => {
  const d = new Date(at)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`
}
const clock = (at: number): string => utc(at).slice(11)
/** The incident's title in quotes, inert: how every reply names it. */
export const quoted = (incident: IncidentRecord): string => `"${inert(incident.title, 120)}"`
const person = (who: string | undefined): string => (who ? inert(who, 60) : 'nobody yet')

/** Bad input: what was wrong and what to type instead. */
export const invalidReply = (why: string, usage: string, prefix: string): string => `${why}. Try: ${prefix}${usage}`

export const noIncidentReply = (prefix: string): string =>
  `No open incident in this room. Declare one: ${prefix}incident start <title> [P1-P5] [on <components>].`

export const alreadyOpenReply = (open: IncidentRecord, now: number, prefix: string): string =>
  `This room already has an open incident: ${quoted(open)} (${open.severity}, declared by ${person(open.declaredBy)} ` +
  `${formatDuration(now - open.startedAt)} ago). Nothing new was declared. End it first with ${prefix}incident resolve.`

export const startReply = (incident: IncidentRecord, prefix: string): string => {
  const on = incident.components.length ? ` on ${incident.components.map(c => inert(c.name, 80)).join(', ')}` : ''
  return `Incident ${quoted(incident)} declared (${incident.severity}${on}) by ${person(incident.declaredBy)}. Nothing is public yet.\n` +
    `Next: ${prefix}incident lead me, ${prefix}incident link #<alert>, ${prefix}incident public: <message> to open it on Statuspage.`
}

/** `incident start … on <component>` naming no component of the page (`candidates`: the closest names). */
export const unknownComponentReply = (typed: string, candidates: Array<{ name: string }>, prefix: string): string =>
  `No component is called "${inert(typed, 80)}"${candidates.length ? ` (did you mean: ${candidates.map(c => inert(c.name, 80)).join(', ')}?)` : ''}. ` +
  `Nothing was declared. See ${prefix}status components.`

const ROLE_WORDS = { lead: 'Lead', comms: 'Communications' } as const
export const roleReply = (incident: IncidentRecord, role: 'lead' | 'comms', who: string): string =>
  `${ROLE_WORDS[role]} of ${quoted(incident)}: ${inert(who, 60)}.`

export const unknownPersonReply = (who: string, role: 'lead' | 'comms', prefix: string): string =>
  `I know nobody in this chat called "${inert(who, 60)}". Nothing was changed. ` +
  `Try ${prefix}incident ${role} me, or their chat name.`

export const noteReply = (incident: IncidentRecord): string =>
  `Noted on the timeline of ${quoted(incident)} (${plural(incident.timeline.length + incident.dropped, 'entry', 'entries')}).`

const alertState = (a: LinkedAlert): string =>
  a.closedAt !== undefined
    ? 'closed'
    : a.acknowledgedAt !== undefined ? `acknowledged${a.acknowledgedBy ? ` by ${inert(a.acknowledgedBy, 60)}` : ''}` : 'not acknowledged'
const alertLine = (a: LinkedAlert): string =>
  `#${a.tinyId ?? a.id}${a.priority ? ` ${a.priority}` : ''} ${alertState(a)}${a.message ? `: ${inert(a.message, 80)}` : ''}`

export const linkedReply = (
  incident: IncidentRecord, linked: LinkedAlert[], already: string[], unknown: string[]
): string => {
  const parts: string[] = []
  if (linked.length) parts.push(`Linked to ${quoted(incident)}: ${linked.map(alertLine).join('; ')}.`)
  if (already.length) parts.push(`Already linked: ${already.map(t => `#${t}`).join(', ')}.`)
  if (unknown.length) parts.push(`No open or known alert ${unknown.map(t => `#${t}`).join(', ')}: not linked.`)
  return parts.join(' ')
}

export const alreadyPublicAsReply = (incident: IncidentRecord, publicId: string): string =>
  `${quoted(incident)} is already public as Statuspage incident ${publicId}. Nothing was changed.`

export const noSuchPublicReply = (incidentId: string): string =>
  `Statuspage has no incident ${inert(incidentId, 40)}. Nothing was linked.`

export const linkedPublicReply = (incident: IncidentRecord, status: string): string =>
  `Linked Statuspage incident ${inert(incident.publicIncident?.name ?? incident.publicIncident?.id, 120)} (${status}) to ${quoted(incident)}.`

const entryLine = (e: TimelineEntry): string => `${clock(e.at)} ${e.who ? `${inert(e.who, 60)}: ` : ''}${inert(e.text, 300)}`

const publicName = (p: NonNullable<IncidentRecord['publicIncident']>): string =>
  `Statuspage incident ${inert(p.name ?? p.id, 120)}${p.shortlink?.startsWith('https://') ? ` ${p.shortlink}` : ''}`
const componentNow = (c: IncidentRecord['components'][number]): string =>
  `${inert(c.name, 80)} ${stateLabel(c.changes.at(-1)?.status ?? c.before ?? 'operational')}`

export function showReply (incident: IncidentRecord, now: number): string {
  const lines = [
    `Incident ${quoted(incident)}, ${incident.severity}, open ${formatDuration(now - incident.startedAt)} ` +
      `(since ${utc(incident.startedAt)}), declared by ${person(incident.declaredBy)}. ` +
      `Lead: ${person(incident.lead)}. Comms: ${person(incident.comms)}.`,
    `Alerts: ${incident.alerts.length ? incident.alerts.map(alertLine).join('; ') : 'none linked'}.`,
    incident.publicIncident ? `Public: ${publicName(incident.publicIncident)}.` : 'Not public yet.',
    `Components: ${incident.components.length ? incident.components.map(componentNow).join(', ') : 'none given'}.`
  ]
  const latest = incident.timeline.slice(-LATEST_SHOWN)
  lines.push(latest.length ? 'Latest:' : 'Latest: nothing yet.', ...latest.map(e => `  ${entryLine(e)}`))
  return lines.join('\n')
}

export function timelineReply (incident: IncidentRecord): string {
  const shown = incident.timeline.slice(-TIMELINE_SHOWN)
  const earlier = incident.dropped + incident.timeline.length - shown.length
  return [
    `Timeline of ${quoted(incident)} (UTC, ${utc(incident.startedAt).slice(0, 10)}):`,
    ...(earlier > 0 ? [`+${earlier} earlier`] : []),
    ...shown.map(entryLine)
  ].join('\n')
}

/** Time from the start to the first acknowledgement of a linked alert, when there was one. */
export const firstAck = (incident: IncidentRecord): { at: number, by?: string } | undefined =>
  incident.alerts.filter(a => a.acknowledgedAt !== undefined)
    .sort((a, b) => (a.acknowledgedAt ?? 0) - (b.acknowledgedAt ?? 0))
    .map(a => ({ at: a.acknowledgedAt as number, ...(a.acknowledgedBy ? { by: a.acknowledgedBy } : {}) }))[0]

export function historyReply (incidents: IncidentRecord[], count: number, now: number): string {
  if (incidents.length === 0) return 'No incidents in this room yet.'
  const lines = incidents.slice(0, count).map(i => {
    const ack = firstAck(i)
    const end = i.endedAt === undefined
      ? `still open after ${formatDuration(now - i.startedAt)}`
      : `resolved after ${formatDuration(i.endedAt - i.startedAt)}`
    const acked = ack ? `first ack after ${formatDuration(ack.at - i.startedAt)}` : 'no linked alert acknowledged'
    return `${utc(i.startedAt)} ${quoted(i)} ${i.severity}: ${end}, ${acked}.`
  })
  return [`The last ${plural(lines.length, 'incident')} in this room:`, ...lines].join('\n')
}
