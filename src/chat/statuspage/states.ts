// The words people type for component and incident states, and the names shown back to them.

import { COMPONENT_STATUSES, INCIDENT_STATUSES, type ComponentStatus, type IncidentStatus, type RealtimeIncidentStatus } from '../../statuspage/types'

export { incidentStatusLabel, stateLabel } from '../../statuspage/labels'

/** Every phrase (lower case, single spaces) that names a component state. */
const STATE_WORDS: ReadonlyMap<string, ComponentStatus> = new Map<string, ComponentStatus>([
  ['operational', 'operational'], ['ok', 'operational'], ['up', 'operational'], ['fixed', 'operational'],
  ['degraded', 'degraded_performance'], ['degraded performance', 'degraded_performance'],
  ['partial', 'partial_outage'], ['partial outage', 'partial_outage'],
  ['major', 'major_outage'], ['major outage', 'major_outage'], ['outage', 'major_outage'], ['down', 'major_outage'],
  ['maintenance', 'under_maintenance'], ['under maintenance', 'under_maintenance'],
  // The API's own spellings work too.
  ...COMPONENT_STATUSES.map(s => [s, s] as [string, ComponentStatus])
])

/** Longest state phrase, in words. */
const LONGEST = Math.max(...[...STATE_WORDS.keys()].map(k => k.split(' ').length))

/** The state a phrase names, e.g. "down" → major_outage. */
export const parseState = (phrase: string): ComponentStatus | undefined =>
  STATE_WORDS.get(phrase.trim().toLowerCase().replace(/\s+/g, ' '))

/**
 * The state named by the last words of `words` (the longest phrase wins: "major outage" over
 * "outage"), and how many words it took; undefined when the words do not end with a state.
 */
export function trailingState (words: readonly string[]): { status: ComponentStatus, length: number } | undefined {
  for (let n = Math.min(LONGEST, words.length); n >= 1; n--) {
    const status = parseState(words.slice(-n).join(' '))
    if (status) return { status, length: n }
  }
  return undefined
}

/** Worst first, so a group shows the worst of its children. */
const SEVERITY: Record<ComponentStatus, number> = {
  operational: 0, under_maintenance: 1, degraded_performance: 2, partial_outage: 3, major_outage: 4
}

export const severity = (status: ComponentStatus | ''): number => (status === '' ? -1 : SEVERITY[status] ?? -1)

/** The incident status a word names (investigating, identified, monitoring, resolved), any case. */
export const parseIncidentStatus = (word: string | undefined): RealtimeIncidentStatus | undefined => {
  const lower = word?.toLowerCase()
  return INCIDENT_STATUSES.find(s => s === lower)
}

/** Over: resolved (or written up, or a finished maintenance). Updating one reopens it for its subscribers. */
export const isClosedIncident = (status: IncidentStatus | string): boolean =>
  status === 'resolved' || status === 'postmortem' || status === 'completed'

/** The states as the help lists them (up, fixed and outage work too). */
export const STATE_HELP = 'operational|ok, degraded, partial, major|down, maintenance'
