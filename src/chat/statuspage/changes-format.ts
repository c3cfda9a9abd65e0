// Pure: the replies of the commands that change the page (set a component, open, update, resolve).

import { inert } from '../../util/inert'
import { echo } from '../bounds'
import type { Component, Incident } from '../../statuspage/types'
import { plural } from '../../util/text'
import { qualifiedName } from './groups'
import { bounded, componentLines } from './lists'
import { incidentStatusLabel } from './states'

const link = (incident: Incident): string => (incident.shortlink ? ` ${incident.shortlink}` : '')

export const formatEmptyGroup = (group: Component): string =>
  `${inert(group.name)} is a group with no components, so there is nothing to set. Nothing was changed.`

/** Says nothing of the outcome: each component's line below does (one may be unchanged or not confirmed). */
const groupIntro = (group: Component, count: number): string =>
  `${inert(group.name)} is a group: its state follows ${count === 1 ? 'its one component, shown' : `its ${count} components, each shown`} below.`

/**
 * What a set did, component by component: `change` says it for one (`degraded performance →
 * major outage`, `already operational`, `not confirmed (...)`). A group gets one line per component.
 */
export function formatSetLines (
  component: Component, targets: readonly Component[], all: readonly Component[], change: (c: Component) => string
): string[] {
  return component.group
    ? [groupIntro(component, targets.length), ...bounded(targets.map(c => `• ${inert(c.name)}: ${change(c)}`))]
    : [`${qualifiedName(component, all)}: ${change(component)}.`]
}

/** One component's part in a set: `degraded performance → major outage`, `already major outage`. */
export const stateChange = (from: string, to: string): string => (from === to ? `already ${to}` : `${from} → ${to}`)

/** A set that changed nothing since the component was already in that state. */
export const nothingToChange = (to: string): string => `already ${to}, nothing to change`

/** A PATCH that failed: one that timed out or lost its answer may have been applied, so never "not changed". */
export const failedChange = (mayHaveHappened: boolean, why: string): string =>
  `${mayHaveHappened ? 'not confirmed' : 'not changed'} (${why})`

/** The reminder after a set: an incident covers it, or how to tell users, or why that could not be checked. */
export const formatCoveredBy = (incident: Incident): string => `Incident ${inert(incident.name)} (${incident.id}) covers it.`

export const formatCheckFailed = (why: string): string => `(Could not check for an incident explaining it: ${why})`

export const formatTellUsers = (name: string, to: string, prefix: string): string =>
  `No unresolved incident explains this to users yet: say ${prefix}status ${name} ${to}: <what is happening> (opens one), or ${prefix}status open <name>: <message>.`

/** A set with a message: added to the incident covering it. */
export const formatUpdateAdded = (updated: Incident): string =>
  `Added your update to incident ${inert(updated.name)} (${updated.id}, ${incidentStatusLabel(updated.status)}).${link(updated)}`

/** An incident opened: by `status open`, or (`withMessage`) by a set with a message that no incident covered. */
export const formatOpened = (created: Incident, withMessage = false): string =>
  `Opened incident ${inert(created.name)} (${created.id}, ${incidentStatusLabel(created.status)})${withMessage ? ' with your message' : ''}.${link(created)}`

export const formatNoSuchIncidentId = (id: string, choice: string): string =>
  `No unresolved incident has the id "${id}".\n${choice}`

/** A word where an id goes, on a command that would otherwise act on the only one: refused, ids listed. */
export const formatStrayWord = (word: string, choice: string, command: string): string =>
  `"${echo(word, 40)}" is not an id (a message without an id goes after a colon: ${command}: <message>).\n${choice}`

export const formatNothingToPick = (verb: 'update' | 'resolve', prefix: string): string =>
  `There is no unresolved incident to ${verb}. Nothing was changed. (${prefix}status open <name>: <message> opens one.)`

export const formatSayWhatToAdd = (prefix: string): string =>
  `Say what to add: ${prefix}status update [<incident id>] [<incident status>]: <message>. Nothing was changed.`

/** An update without a status to a resolved or postmortem incident would reopen it: refused. */
export const formatWouldReopen = (incident: Incident, prefix: string): string =>
  `Incident ${inert(incident.name)} (${incident.id}) is ${incidentStatusLabel(incident.status)}: an update would reopen it and notify its subscribers. Nothing was changed. To reopen it, say its new status: ${prefix}status update ${incident.id} investigating|identified|monitoring <message>`

/** `wasClosed`: the incident was resolved before this update (which gave it a new status). */
export function formatUpdated (updated: Incident, wasClosed?: Incident['status']): string {
  const verb = wasClosed
    ? `Reopened incident ${inert(updated.name)} (${updated.id}), which was ${incidentStatusLabel(wasClosed)}`
    : `Updated incident ${inert(updated.name)} (${updated.id})`
  return `${verb}: ${incidentStatusLabel(updated.status)}.${link(updated)}`
}

export const formatAlreadyClosed = (incident: Incident): string =>
  `Incident ${inert(incident.name)} (${incident.id}) is already ${incidentStatusLabel(incident.status)}. Nothing was changed.`

/** Resolved, and the components it affected set back to operational. */
export function formatResolved (resolved: Incident, affected: readonly Component[], all: readonly Component[]): string {
  const back = affected.length > 0
    ? [`${plural(affected.length, 'component')} set back to operational:`, ...componentLines(affected, all)]
    : []
  return [`Resolved incident ${inert(resolved.name)} (${resolved.id}).${link(resolved)}`, ...back].join('\n')
}
