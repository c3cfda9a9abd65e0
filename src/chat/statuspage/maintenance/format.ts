// Pure: the replies about scheduled maintenance. Every time shown names its zone (UTC unless the
// person gave one); every list of maintenances or components is bounded.

import { inert } from '../../../util/inert'
import type { Component, Incident, MaintenanceChange } from '../../../statuspage/types'
import { plural } from '../../../util/text'
import { qualifiedName, targetsOf } from '../groups'
import { bounded, componentLines } from '../lists'
import { incidentStatusLabel } from '../states'
import { formatWindow, relative, UTC, wallClock, WINDOW_LIMITS, zoneLabel, type Zone } from './time'
import type { MaintenanceAction } from './parse'

/** What `status` and `status <component>?` know about maintenance: the reads, or why they failed. */
export interface MaintenanceView {
  active: Incident[]
  upcoming: Incident[]
  /** The reads failed: say so rather than staying silent. */
  problem?: string
}

/** How far ahead `status` mentions the next maintenance. */
const SOON_MS = 24 * 3_600_000
/** Maintenances listed per section, components per maintenance. */
const MAINTENANCE_LIMIT = 10
const COMPONENT_LIMIT = 5

const dateOf = (iso: string | null | undefined): Date | undefined => {
  const t = iso ? Date.parse(iso) : NaN
  return Number.isNaN(t) ? undefined : new Date(t)
}

/** `2026-12-01 22:00 → 00:00 UTC (2h)`, or that it has none. */
export function windowOf (m: Incident, zone: Zone = UTC): string {
  const from = dateOf(m.scheduled_for)
  const until = dateOf(m.scheduled_until)
  if (!from || !until) return 'no window set'
  return formatWindow(from, until, zone)
}

/** `starts in 5h`, `ends in 1h 20m`, `was due to end 10m ago`. */
function when (m: Incident, now: Date): string {
  const from = dateOf(m.scheduled_for)
  const until = dateOf(m.scheduled_until)
  if (m.status === 'scheduled') return from ? (from > now ? `starts ${relative(from, now)}` : `was due to start ${relative(from, now)}`) : ''
  if (!until) return ''
  return until > now ? `ends ${relative(until, now)}` : `was due to end ${relative(until, now)}`
}

/** `• Name (id): in progress, 2026-12-01 22:00 → 00:00 UTC (2h), ends in 1h 20m https://...` */
function maintenanceHeadline (m: Incident, now: Date): string {
  const timing = when(m, now)
  return `• ${inert(m.name)} (${m.id}): ${incidentStatusLabel(m.status)}, ${windowOf(m)}${timing ? `, ${timing}` : ''}${m.shortlink ? ` ${m.shortlink}` : ''}`
}

function maintenanceEntry (m: Incident, all: readonly Component[], now: Date): string {
  const components = (m.components ?? []).filter(c => !c.group)
  const lines = [maintenanceHeadline(m, now)]
  if (components.length > 0) lines.push('  On:', ...componentLines(components, all, '    ', COMPONENT_LIMIT))
  return lines.join('\n')
}

const startOf = (m: Incident): number => dateOf(m.scheduled_for)?.getTime() ?? Infinity

/** `status maintenance`: what is in progress, then what is coming, soonest first. */
export function formatMaintenanceList (
  view: MaintenanceView, all: readonly Component[], now: Date, prefix: string
): string {
  const { active, upcoming } = view
  if (active.length === 0 && upcoming.length === 0) {
    return `No maintenance in progress or scheduled. (${prefix}status maintenance <name> from <time> for <duration> [on <components>]: <message> schedules one; times in UTC.)`
  }
  const lines: string[] = []
  if (active.length > 0) {
    lines.push(`In progress (${active.length}):`, ...bounded(active.map(m => maintenanceEntry(m, all, now)), MAINTENANCE_LIMIT))
  } else lines.push('No maintenance in progress.')
  const soonest = [...upcoming].sort((a, b) => startOf(a) - startOf(b))
  if (soonest.length > 0) {
    lines.push(`Upcoming (${soonest.length}):`, ...bounded(soonest.map(m => maintenanceEntry(m, all, now)), MAINTENANCE_LIMIT))
  } else lines.push('No upcoming maintenance.')
  return lines.join('\n')
}

/** The next upcoming maintenance starting within 24 h (of those given), if any. */
function nextSoon (upcoming: readonly Incident[], now: Date): Incident | undefined {
  return [...upcoming]
    .filter(m => startOf(m) - now.getTime() <= SOON_MS)
    .sort((a, b) => startOf(a) - startOf(b))[0]
}

/** Lines added to `status`: every maintenance in progress, and the next one within 24 h. */
export function maintenanceSummaryLines (view: MaintenanceView, all: readonly Component[], now: Date): string[] {
  if (view.problem) return [`(Could not read scheduled maintenance: ${view.problem})`]
  const lines: string[] = []
  if (view.active.length > 0) {
    lines.push(`${plural(view.active.length, 'maintenance', 'maintenances')} in progress:`,
      ...bounded(view.active.map(m => maintenanceEntry(m, all, now)), 3))
  }
  const next = nextSoon(view.upcoming, now)
  if (next) lines.push('Next maintenance (within 24 h):', maintenanceEntry(next, all, now))
  return lines
}

const touches = (m: Incident, component: Component, all: readonly Component[]): boolean => {
  const ids = new Set(targetsOf(component, all).map(c => c.id).concat(component.id))
  return (m.components ?? []).some(c => ids.has(c.id))
}

/** Lines added to `status <component>?`: the maintenance on it now, and the next one within 24 h. */
export function maintenanceShowLines (
  component: Component, all: readonly Component[], view: MaintenanceView, now: Date
): string[] {
  if (view.problem) return [`(Could not read scheduled maintenance: ${view.problem})`]
  const name = qualifiedName(component, all)
  const lines: string[] = []
  const active = view.active.filter(m => touches(m, component, all))
  if (active.length > 0) lines.push(`Maintenance on ${name} now:`, ...bounded(active.map(m => maintenanceHeadline(m, now)), 3))
  else if (component.status === 'under_maintenance') lines.push('No maintenance in progress names it: its state was set by hand.')
  const next = nextSoon(view.upcoming.filter(m => touches(m, component, all)), now)
  if (next) lines.push('Next maintenance on it (within 24 h):', maintenanceHeadline(next, now))
  return lines
}

export interface CreatedFacts {
  zone: Zone
  components: readonly Component[]
  all: readonly Component[]
  notify: boolean
}

/** After creating: what was scheduled, when (in the zone given, and UTC), on what, and what happens by itself. */
export function formatScheduled (created: Incident, facts: CreatedFacts, now: Date): string {
  const from = dateOf(created.scheduled_for)
  const utcWindow = windowOf(created)
  const zoned = facts.zone.kind === 'offset' && facts.zone.minutes === 0 ? utcWindow : `${windowOf(created, facts.zone)}, that is ${utcWindow}`
  const lines = [
    `Scheduled maintenance ${inert(created.name)} (${created.id}): ${zoned}${from ? `, starts ${relative(from, now)}` : ''}.${created.shortlink ? ` ${created.shortlink}` : ''}`
  ]
  if (facts.components.length === 0) lines.push('No components linked: the page shows the notice, no component changes state.')
  else {
    const n = facts.components.length
    lines.push(`${plural(n, 'component')} ${n === 1 ? 'goes' : 'go'} to under maintenance when it starts and back to operational when it ends:`,
      ...componentLines(facts.components, facts.all, '  ', COMPONENT_LIMIT))
  }
  lines.push(facts.notify
    ? 'It starts and completes by itself; subscribers are notified, and reminded before it starts.'
    : 'It starts and completes by itself; subscribers are not notified (HUBOT_STATUSPAGE_NOTIFY=false).')
  return lines.join('\n')
}

/** `which one?` for start/complete/cancel/update without an id. */
export function formatMaintenanceChoice (
  candidates: readonly Incident[], verb: string, prefix: string, now: Date
): string {
  if (candidates.length === 0) {
    const what = verb === 'complete' ? 'in progress' : verb === 'update' ? 'in progress or upcoming' : 'upcoming'
    return `There is no maintenance ${what} to ${verb}. Nothing was changed. (${prefix}status maintenance lists them.)`
  }
  const soonest = [...candidates].sort((a, b) => startOf(a) - startOf(b))
  return [`${plural(candidates.length, 'maintenance', 'maintenances')} could be meant: which one? Nothing was changed.`,
    ...bounded(soonest.map(m => maintenanceHeadline(m, now)), MAINTENANCE_LIMIT),
    `Say it with the id, e.g. ${prefix}status maintenance ${verb} ${soonest[0].id}`].join('\n')
}

export type WindowProblem = 'past' | 'reversed' | 'short' | 'long' | 'far'

/** Why a window cannot be scheduled, its times shown in the zone they were given in. */
export function formatBadWindow (
  problem: WindowProblem, w: { from: Date, until: Date, now: Date, zone: Zone }
): string {
  const shown = (d: Date): string => `${wallClock(d, w.zone)} ${zoneLabel(w.zone)}`
  switch (problem) {
    case 'past': return `That window starts in the past (${shown(w.from)}, ${relative(w.from, w.now)}). Nothing was scheduled: give a time ahead of now (it is ${shown(w.now)}).`
    case 'reversed': return `That window ends before it starts (${shown(w.from)} → ${shown(w.until)}). Nothing was scheduled.`
    case 'short':
    case 'long': return `That window is too ${problem}: ${WINDOW_LIMITS.rule}. Nothing was scheduled.`
    case 'far': return `That window starts more than a year ahead (${shown(w.from)}). Nothing was scheduled.`
  }
}

/** A component reply ("Nothing was changed.") said of a maintenance that was not scheduled. */
export const nothingScheduled = (reply: string): string => reply.replace('Nothing was changed.', 'Nothing was scheduled.')

export const formatNoSuchMaintenanceId = (id: string, choice: string): string =>
  `No maintenance in progress or upcoming has the id "${id}".\n${choice}`

export const formatNotAMaintenance = (m: Incident, prefix: string): string =>
  `${inert(m.name)} (${m.id}) is an incident, not a scheduled maintenance. Nothing was changed. (${prefix}status update or ${prefix}status resolve work on incidents.)`

/** Why `verb` does not apply to a maintenance in its state now. */
export function formatNotEligible (m: Incident, verb: MaintenanceAction | 'update', prefix: string): string {
  const name = `${inert(m.name)} (${m.id})`
  const state = incidentStatusLabel(m.status)
  if (m.status === 'completed') return `Maintenance ${name} is already completed. Nothing was changed.`
  if (verb === 'start') return `Maintenance ${name} is already ${state}. Nothing was changed. (${prefix}status maintenance complete ${m.id} ends it.)`
  if (verb === 'cancel') return `Maintenance ${name} has started (${state}): it cannot be cancelled, only completed. Nothing was changed. (${prefix}status maintenance complete ${m.id})`
  return `Maintenance ${name} has not started (${state}). Nothing was changed. (${prefix}status maintenance start ${m.id} starts it; ${prefix}status maintenance cancel ${m.id} calls it off.)`
}

export const formatWouldReopenMaintenance = (m: Incident, prefix: string): string =>
  `Maintenance ${inert(m.name)} (${m.id}) is completed: an update would reopen it and notify its subscribers. Nothing was changed. To reopen it, say its new status: ${prefix}status maintenance update ${m.id} in_progress <message>`

export const formatSayWhatToAddTo = (m: Incident, prefix: string): string =>
  `Say what to add: ${prefix}status maintenance update ${m.id} [<status>] <message>. Nothing was changed.`

export function formatChanged (m: Incident, verb: MaintenanceAction | 'update', change: MaintenanceChange): string {
  const done = { start: 'Started', complete: 'Completed', cancel: 'Cancelled', update: 'Updated' }[verb]
  const count = Object.keys(change.components ?? {}).length
  const components = count === 0
    ? ''
    : change.components && Object.values(change.components)[0] === 'under_maintenance'
      ? ` ${count} linked component${count === 1 ? '' : 's'} set to under maintenance.`
      : ` ${count} linked component${count === 1 ? '' : 's'} set back to operational.`
  return `${done} maintenance ${inert(m.name)} (${m.id}): ${incidentStatusLabel(m.status)}, ${windowOf(m)}.${components}${m.shortlink ? ` ${m.shortlink}` : ''}`
}
