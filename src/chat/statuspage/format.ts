// Pure: the replies people read in the room. One reply per command, plain text, no JSON.

import type { Component, ComponentStatus, Incident, IncidentUpdate } from '../../statuspage/types'
import { qualifiedName, targetsOf } from './match'
import { incidentStatusLabel, severity, STATE_HELP, stateLabel } from './states'
import { plural } from '../text'
import { echo } from '../bounds'

const LATEST_BODY_CHARS = 280

/** "just now", "5 min ago", "3 h ago", "2 days ago". */
export function age (iso: string | null | undefined, now: Date): string {
  const at = iso ? Date.parse(iso) : NaN
  if (Number.isNaN(at)) return 'at an unknown time'
  const minutes = Math.floor((now.getTime() - at) / 60_000)
  if (minutes < 1) return 'just now'
  if (minutes < 60) return `${minutes} min ago`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return `${hours} h ago`
  return `${Math.floor(hours / 24)} days ago`
}

const truncate = (text: string, max: number): string => {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

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

/** `Name (id): identified, major impact, opened 2 h ago`. */
export function incidentHeadline (incident: Incident, now: Date): string {
  const impact = incident.impact && incident.impact !== 'none' ? `, ${incident.impact} impact` : ''
  return `${incident.name} (${incident.id}): ${incidentStatusLabel(incident.status)}${impact}, opened ${age(incident.created_at, now)}`
}

/** The headline, the latest update, the affected components and the link. */
export function incidentDetails (incident: Incident, now: Date): string {
  const lines = [`• ${incidentHeadline(incident, now)}`]
  const latest = latestUpdate(incident)
  if (latest?.body) lines.push(`  Latest (${incidentStatusLabel(latest.status)}, ${age(latest.display_at ?? latest.created_at, now)}): ${truncate(latest.body, LATEST_BODY_CHARS)}`)
  const affected = (incident.components ?? []).map(c => c.name)
  lines.push(`  Affects: ${affected.length ? affected.join(', ') : 'no components'}`)
  if (incident.shortlink) lines.push(`  ${incident.shortlink}`)
  return lines.join('\n')
}

const incidentLine = (incident: Incident, now: Date): string =>
  `• ${incidentHeadline(incident, now)}${incident.shortlink ? ` ${incident.shortlink}` : ''}`

export function formatIncidents (incidents: readonly Incident[], now: Date): string {
  if (incidents.length === 0) return 'No unresolved incidents.'
  return [`${plural(incidents.length, 'unresolved incident')}:`, ...incidents.map(i => incidentDetails(i, now))].join('\n')
}

export function formatSummary (components: readonly Component[], incidents: readonly Incident[], now: Date): string {
  const troubled = components.filter(c => !c.group && c.status !== 'operational').sort(byPosition)
  if (troubled.length === 0 && incidents.length === 0) return 'All systems operational.'
  const lines: string[] = []
  if (troubled.length === 0) lines.push('All components are operational.')
  else lines.push('Not operational:', ...troubled.map(c => `• ${qualifiedName(c, components)}: ${stateLabel(c.status)}`))
  if (incidents.length === 0) lines.push('No unresolved incidents.')
  else lines.push(`${plural(incidents.length, 'unresolved incident')}:`, ...incidents.map(i => incidentLine(i, now)))
  return lines.join('\n')
}

export function formatComponents (components: readonly Component[]): string {
  if (components.length === 0) return 'This page has no components.'
  const top = components.filter(c => c.group || !c.group_id || !components.some(g => g.id === c.group_id)).sort(byPosition)
  const lines = [`${plural(components.filter(c => !c.group).length, 'component')}:`]
  for (const c of top) {
    if (!c.group) { lines.push(`• ${c.name}: ${stateLabel(c.status)}`); continue }
    lines.push(`${c.name} (group): ${stateLabel(effectiveStatus(c, components))}`)
    for (const child of targetsOf(c, components)) lines.push(`    • ${child.name}: ${stateLabel(child.status)}`)
  }
  return lines.join('\n')
}

/** Incidents whose components include `component` (or, for a group, any of its children). */
export function incidentsAffecting (component: Component, all: readonly Component[], incidents: readonly Incident[]): Incident[] {
  const ids = new Set([component.id, ...targetsOf(component, all).map(c => c.id)])
  return incidents.filter(i => (i.components ?? []).some(c => ids.has(c.id)))
}

export function formatShow (component: Component, all: readonly Component[], incidents: readonly Incident[], now: Date): string {
  const name = qualifiedName(component, all)
  const lines = [component.group
    ? `${name} (group): ${stateLabel(effectiveStatus(component, all))}`
    : `${name}: ${stateLabel(component.status)}`]
  if (component.group) for (const child of targetsOf(component, all)) lines.push(`    • ${child.name}: ${stateLabel(child.status)}`)
  const affecting = incidentsAffecting(component, all, incidents)
  lines.push(affecting.length === 0 ? 'No unresolved incident affects it.' : affecting.map(i => incidentDetails(i, now)).join('\n'))
  return lines.join('\n')
}

/** A usage answer, the command written as the room must type it (`Name the incident: /status open ...`). */
export function formatUsage (usage: { reason: string, syntax?: string }, prefix: string): string {
  return usage.syntax ? `${usage.reason} ${prefix}${usage.syntax}` : usage.reason
}

export function formatUnknown (query: string, suggestions: readonly Component[], all: readonly Component[], prefix: string): string {
  const did = suggestions.length ? ` Did you mean ${orList(suggestions.map(c => qualifiedName(c, all)))}?` : ''
  return `No component is called "${echo(query)}".${did} Nothing was changed. (${prefix}status components lists them all.)`
}

/** `words` followed a component's exact name but are not a state (`Build Processing degarded`). */
export function formatNotAState (words: string, component: Component, all: readonly Component[], prefix: string): string {
  return `"${echo(words)}" is not a state. Say ${prefix}status ${qualifiedName(component, all)} <state>, the state one of: ${STATE_HELP}. Nothing was changed.`
}

export function formatAmbiguous (query: string, candidates: readonly Component[], all: readonly Component[]): string {
  const names = candidates.map(c => qualifiedName(c, all))
  return `"${echo(query)}" could be ${orList(names)}. Nothing was changed: say the whole name (Group / Name where two share a name).`
}

const orList = (names: readonly string[]): string =>
  names.length <= 1 ? names.map(n => `"${n}"`).join('') : `${names.slice(0, -1).map(n => `"${n}"`).join(', ')} or "${names[names.length - 1]}"`

export function formatIncidentChoice (incidents: readonly Incident[], prefix: string, verb: 'update' | 'resolve'): string {
  const example = verb === 'update' ? `${prefix}status update ${incidents[0].id} <message>` : `${prefix}status resolve ${incidents[0].id}`
  return [`${plural(incidents.length, 'unresolved incident')}: which one? Nothing was changed.`,
    ...incidents.map(i => `• ${i.id}: ${i.name} (${incidentStatusLabel(i.status)})`),
    `Say it with the id, e.g. ${example}`].join('\n')
}
