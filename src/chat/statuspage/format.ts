// Pure: the replies people read in the room. One reply per command, plain text, no JSON.

import { inert } from '../../util/inert'
import type { Component, ComponentStatus, Incident, IncidentUpdate } from '../../statuspage/types'
import { GROUP_SEPARATOR, isTopLevel, qualifiedName, targetsOf } from './groups'
import { bounded, componentLines, orList } from './lists'
import { maintenanceShowLines, maintenanceSummaryLines, type MaintenanceView } from './maintenance/format'
import { incidentStatusLabel, severity, STATE_HELP, stateLabel } from './states'
import { age, plural } from '../../util/text'
import { echo } from '../bounds'

const LATEST_BODY_CHARS = 280

/** A group's state follows its children: the worst of them. */
export function effectiveStatus (component: Component, all: readonly Component[]): ComponentStatus | '' {
  if (!component.group) return component.status
  const children = targetsOf(component, all)
  if (children.length === 0) return component.status
  return children.reduce<ComponentStatus | ''>((worst, c) => (severity(c.status) > severity(worst) ? c.status : worst), '')
}

const byPosition = (a: Component, b: Component): number => a.position - b.position

export function latestUpdate (incident: Incident): IncidentUpdate | undefined {
  const stamp = (u: IncidentUpdate): number => Date.parse(u.display_at ?? u.created_at) || 0
  return [...(incident.incident_updates ?? [])].sort((a, b) => stamp(b) - stamp(a))[0]
}

/** The impact people see: the one set by hand (`impact_override`) wins over the computed one. */
const impactOf = (incident: Incident): string => incident.impact_override ?? incident.impact ?? 'none'

/** Major or critical: the page is in trouble whichever components the incident names. */
const isSevere = (incident: Incident): boolean => ['major', 'critical'].includes(impactOf(incident))

/** Statuspage's own maintenance statuses: these belong to the maintenance lines, not the incident ones. */
const isMaintenance = (incident: Incident): boolean => ['scheduled', 'in_progress', 'verifying'].includes(incident.status)

/** `Name (id): identified, major impact, opened 2 h ago` (`started` when the incident says when it began). */
function incidentHeadline (incident: Incident, now: Date): string {
  const impact = impactOf(incident)
  const shown = impact && impact !== 'none' ? `, ${impact} impact` : ''
  const when = incident.started_at ? `started ${age(incident.started_at, now, 'words')}` : `opened ${age(incident.created_at, now, 'words')}`
  return `${inert(incident.name)} (${incident.id}): ${incidentStatusLabel(incident.status)}${shown}, ${when}`
}

/** `Affects: Group › Name` for one component; one per line below `Affects` for several (names hold commas). */
function affectsLines (incident: Incident, all: readonly Component[], indent = '  '): string[] {
  const affected = (incident.components ?? []).filter(c => !c.group)
  if (affected.length === 0) return [`${indent}Affects: no components`]
  if (affected.length === 1) return [`${indent}Affects: ${qualifiedName(affected[0], all)}`]
  return [`${indent}Affects ${affected.length} components:`, ...componentLines(affected, all, `${indent}  `)]
}

/** The headline, the latest update, the affected components and the link. */
function incidentDetails (incident: Incident, now: Date, all: readonly Component[] = []): string {
  const lines = [`• ${incidentHeadline(incident, now)}`]
  const latest = latestUpdate(incident)
  if (latest?.body) lines.push(`  Latest (${incidentStatusLabel(latest.status)}, ${age(latest.display_at ?? latest.created_at, now, 'words')}): ${inert(latest.body, LATEST_BODY_CHARS)}`)
  lines.push(...affectsLines(incident, all))
  if (incident.shortlink) lines.push(`  ${incident.shortlink}`)
  return lines.join('\n')
}

const incidentLine = (incident: Incident, now: Date): string =>
  `• ${incidentHeadline(incident, now)}${incident.shortlink ? ` ${incident.shortlink}` : ''}`

/** At most this many incidents in one reply (each has several lines). */
const INCIDENT_LIMIT = 5

export function formatIncidents (incidents: readonly Incident[], now: Date, all: readonly Component[] = []): string {
  if (incidents.length === 0) return 'No unresolved incidents.'
  return [`${plural(incidents.length, 'unresolved incident')}:`,
    ...bounded(incidents.map(i => incidentDetails(i, now, all)), INCIDENT_LIMIT)].join('\n')
}

export function formatSummary (
  components: readonly Component[], incidents: readonly Incident[], now: Date, maintenance?: MaintenanceView
): string {
  const troubled = components.filter(c => !c.group && c.status !== 'operational').sort(byPosition)
  const realtime = withoutMaintenance(incidents, maintenance)
  const notes = maintenance ? maintenanceSummaryLines(maintenance, components, now) : []
  if (troubled.length === 0 && realtime.length === 0) return ['All systems operational.', ...notes].join('\n')
  const lines: string[] = []
  if (troubled.length === 0) lines.push('All components are operational.')
  else lines.push('Not operational:', ...bounded(troubled.map(c => `• ${qualifiedName(c, components)}: ${stateLabel(c.status)}`)))
  if (realtime.length === 0) lines.push('No unresolved incidents.')
  else lines.push(`${plural(realtime.length, 'unresolved incident')}:`, ...bounded(realtime.map(i => incidentLine(i, now))))
  return [...lines, ...notes].join('\n')
}

/** The realtime incidents: unresolved lists may hold maintenances too; they are shown as maintenance. */
function withoutMaintenance (incidents: readonly Incident[], maintenance?: MaintenanceView): Incident[] {
  const ids = new Set([...(maintenance?.active ?? []), ...(maintenance?.upcoming ?? [])].map(m => m.id))
  return incidents.filter(i => !ids.has(i.id) && !isMaintenance(i))
}

/** Children shown under each group in `status components`; the rest are counted. */
const CHILD_LIMIT = 10
/** Children shown when one group is asked about. */
const GROUP_SHOW_LIMIT = 30

/**
 * Entries in page order; past `limit`, the ones in trouble first (never hidden behind "+N more"),
 * then `+N more` saying whether all the rest are operational.
 */
interface TroubleFirst<T> {
  ok: (item: T) => boolean
  line: (item: T) => string
  limit: number
  /** Put before the "+N more" line. */
  indent?: string
}

function boundedByTrouble<T> (items: readonly T[], { ok, line, limit, indent = '' }: TroubleFirst<T>): string[] {
  if (items.length <= limit) return items.map(line)
  const ordered = [...items.filter(i => !ok(i)), ...items.filter(ok)]
  const rest = ordered.slice(limit)
  return [...ordered.slice(0, limit).map(line), `${indent}+${rest.length} more${rest.every(ok) ? ', all operational' : ''}`]
}

function childLines (group: Component, all: readonly Component[], limit = CHILD_LIMIT): string[] {
  const line = (c: Component): string => `    • ${inert(c.name)}: ${stateLabel(c.status)}`
  return boundedByTrouble(targetsOf(group, all), { ok: c => c.status === 'operational', line, limit, indent: '    ' })
}

/** Top-level entries (groups and ungrouped components) shown in `status components`. */
const TOP_LIMIT = 40

export function formatComponents (components: readonly Component[]): string {
  if (components.length === 0) return 'This page has no components.'
  const top = components.filter(c => isTopLevel(c, components)).sort(byPosition)
  const entry = (c: Component): string => c.group
    ? [`${inert(c.name)} (group): ${stateLabel(effectiveStatus(c, components))}`, ...childLines(c, components)].join('\n')
    : `• ${inert(c.name)}: ${stateLabel(c.status)}`
  const ok = (c: Component): boolean => effectiveStatus(c, components) === 'operational'
  return [`${plural(components.filter(c => !c.group).length, 'component')}:`, ...boundedByTrouble(top, { ok, line: entry, limit: TOP_LIMIT })].join('\n')
}

/** Incidents whose components include `component` (or, for a group, any of its children). */
export function incidentsAffecting (
  component: Component, all: readonly Component[], incidents: readonly Incident[]
): Incident[] {
  const ids = new Set([component.id, ...targetsOf(component, all).map(c => c.id)])
  return incidents.filter(i => (i.components ?? []).some(c => ids.has(c.id)))
}

/** What `status <component>?` shows: the component, the page it is on, and what is going on there. */
export interface ShowView {
  component: Component
  all: readonly Component[]
  incidents: readonly Incident[]
  now: Date
  maintenance?: MaintenanceView
}

export function formatShow ({ component, all, incidents, now, maintenance }: ShowView): string {
  const name = qualifiedName(component, all)
  const lines = [component.group
    ? `${name} (group): ${stateLabel(effectiveStatus(component, all))}`
    : `${name}: ${stateLabel(component.status)}`]
  if (component.description) lines.push(`  (${inert(component.description, LATEST_BODY_CHARS)})`)
  if (component.group) lines.push(...childLines(component, all, GROUP_SHOW_LIMIT))
  const realtime = withoutMaintenance(incidents, maintenance)
  const affecting = incidentsAffecting(component, all, realtime)
  // An incident linked to other components (or a placeholder one) can still be the outage this
  // component is in: a severe one is always shown, so the reply never sounds like all is well.
  const severe = realtime.filter(i => isSevere(i) && !affecting.includes(i))
  if (affecting.length > 0) lines.push(...bounded(affecting.map(i => incidentDetails(i, now, all)), INCIDENT_LIMIT))
  else if (severe.length === 0) lines.push('No unresolved incident affects it.')
  else lines.push('No unresolved incident names it.')
  if (severe.length > 0) {
    lines.push(`But the page has ${severe.length === 1 ? 'a major or critical incident' : `${severe.length} major or critical incidents`} that may affect it:`)
    lines.push(...bounded(severe.map(i => incidentDetails(i, now, all)), 3))
  }
  if (maintenance) lines.push(...maintenanceShowLines(component, all, maintenance, now))
  return lines.join('\n')
}

/**
 * What was wrong with the command, and its right form as the room must type it
 * (`Name the incident: /status open ...`).
 */
export function formatInvalid (command: { why: string, usage?: string }, prefix: string): string {
  return command.usage ? `${command.why} ${prefix}${command.usage}` : command.why
}

export function formatUnknown (
  query: string, suggestions: readonly Component[], all: readonly Component[], prefix: string
): string {
  const did = suggestions.length ? ` Did you mean ${orList(suggestions.map(c => qualifiedName(c, all)))}?` : ''
  return `No component is called "${echo(query)}".${did} Nothing was changed. (${prefix}status components lists them all.)`
}

/** `words` followed a component's exact name but are not a state (`Build Processing degarded`). */
export function formatNotAState (
  words: string, component: Component, all: readonly Component[], prefix: string
): string {
  return `"${echo(words)}" is not a state. Say ${prefix}status ${qualifiedName(component, all)} <state>, the state one of: ${STATE_HELP}. Nothing was changed.`
}

/** "Which one?": the candidates one per line with their groups, bounded. */
export function formatAmbiguous (query: string, candidates: readonly Component[], all: readonly Component[]): string {
  return [`"${echo(query)}" could be ${plural(candidates.length, 'component')}: which one? Nothing was changed.`,
    ...componentLines(candidates, all, ''),
    `Say the whole name, with its group where two share a name: Group${GROUP_SEPARATOR}Name (or Group / Name).`].join('\n')
}

export function formatIncidentChoice (incidents: readonly Incident[], prefix: string, verb: 'update' | 'resolve'): string {
  const example = verb === 'update' ? `${prefix}status update ${incidents[0].id} <message>` : `${prefix}status resolve ${incidents[0].id}`
  return [`${plural(incidents.length, 'unresolved incident')}: which one? Nothing was changed.`,
    ...bounded(incidents.map(i => `• ${i.id}: ${inert(i.name)} (${incidentStatusLabel(i.status)})`)),
    `Say it with the id, e.g. ${example}`].join('\n')
}
