// Each command: calls the Statuspage client and returns the one reply. No chat objects here
// beyond the prefix people type, so every handler can be driven from a test without a robot.

import { allSettledOrThrow, mapSettled } from '../../util/async'
import type { StatuspageClient } from '../../statuspage/client'
import { MAINTENANCE_STATUSES, type Component, type ComponentStatusMap, type Incident, type MaintenanceStatus } from '../../statuspage/types'
import { describeError, mayHaveHappened } from '../describe-error'
import { plural } from '../text'
import {
  formatAmbiguous, formatComponents, formatIncidentChoice, formatIncidents, formatNotAState, formatShow, formatSummary,
  formatUnknown, formatUsage, incidentsAffecting
} from './format'
import { componentBeforeExtraWords, matchComponent, qualifiedName, targetsOf } from './match'
import { looksLikeIncidentId, parseIncidentArgs, type StatusCommand } from './parse'
import { incidentStatusLabel, isClosedIncident, stateLabel } from './states'
import { bounded, componentLines } from './lists'
import type { MaintenanceView } from './maintenance/format'
import { runMaintenanceCommand } from './maintenance/handlers'

export interface StatuspageDeps {
  client: StatuspageClient
  now: () => Date
  /** What people type before `status`: the alias (`/`) or the robot's name and a space. */
  prefix: string
  /** HUBOT_STATUSPAGE_NOTIFY, for replies that say whether subscribers hear of it (default true). */
  notify?: boolean
}

/** Component PATCHes in flight at once for a group: the API allows about one request a second. */
const COMPONENT_CONCURRENCY = 2

type Of<K extends StatusCommand['kind']> = Extract<StatusCommand, { kind: K }>

/**
 * Runs one parsed command. `deps` is called only when the API is needed (so usage needs no config);
 * `prefix` is how the bot is addressed, for the usage answers.
 */
export async function runStatusCommand (command: StatusCommand, deps: () => StatuspageDeps, prefix: string): Promise<string> {
  switch (command.kind) {
    case 'usage': return formatUsage(command, prefix)
    case 'summary': return summary(deps())
    case 'components': return formatComponents(await deps().client.listComponents())
    case 'incidents': return incidentsList(deps())
    case 'show': return show(command, deps())
    case 'set': return command.message === undefined ? setState(command, deps()) : explain(command, command.message, deps())
    case 'open': return open(command, deps())
    case 'update': return update(command, deps())
    case 'resolve': return resolve(command, deps())
    case 'maintenance-list':
    case 'maintenance-create':
    case 'maintenance-transition':
    case 'maintenance-update': return runMaintenanceCommand(command, deps)
  }
}

/** The page as `status` and `status <component>?` show it; maintenance is optional (a failure is said, not thrown). */
async function readPage (client: StatuspageClient): Promise<[Component[], Incident[], MaintenanceView]> {
  const maintenance = Promise.allSettled([client.listActiveMaintenances(), client.listUpcomingMaintenances()])
  const [components, incidents] = await allSettledOrThrow([client.listComponents(), client.listUnresolvedIncidents()])
    .finally(() => maintenance)
  const [active, upcoming] = await maintenance
  const failed = [active, upcoming].find((r): r is PromiseRejectedResult => r.status === 'rejected')
  const view: MaintenanceView = failed
    ? { active: [], upcoming: [], problem: describeError(failed.reason) }
    : {
        active: (active as PromiseFulfilledResult<Incident[]>).value,
        upcoming: (upcoming as PromiseFulfilledResult<Incident[]>).value
      }
  return [components, incidents, view]
}

async function incidentsList ({ client, now }: StatuspageDeps): Promise<string> {
  // The components only name the affected ones with their groups: without them, plain names.
  const [components, incidents] = await allSettledOrThrow([client.listComponents().catch(() => []), client.listUnresolvedIncidents()])
  return formatIncidents(incidents, now(), components)
}

async function summary ({ client, now }: StatuspageDeps): Promise<string> {
  const [components, incidents, maintenance] = await readPage(client)
  return formatSummary(components, incidents, now(), maintenance)
}

async function show (command: Of<'show'>, { client, now, prefix }: StatuspageDeps): Promise<string> {
  const [components, incidents, maintenance] = await readPage(client)
  const found = findComponent(command.component, components, prefix)
  return typeof found === 'string' ? found : formatShow(found, components, incidents, now(), maintenance)
}

/** The component named, or the reply saying why not (a mistyped state after a known name included). */
function findComponent (query: string, components: Component[], prefix: string): Component | string {
  const match = matchComponent(query, components)
  if (match.kind === 'unknown') {
    const typo = componentBeforeExtraWords(query, components)
    return typo ? formatNotAState(typo.extra, typo.component, components, prefix) : formatUnknown(query, match.suggestions, components, prefix)
  }
  if (match.kind === 'ambiguous') return formatAmbiguous(query, match.candidates, components)
  return match.component
}

/** The component (or a group's components) a set command changes, or the reply saying why not. */
function findTargets (query: string, components: Component[], prefix: string): { component: Component, targets: Component[] } | string {
  const component = findComponent(query, components, prefix)
  if (typeof component === 'string') return component
  const targets = targetsOf(component, components)
  if (targets.length === 0) return `${component.name} is a group with no components, so there is nothing to set. Nothing was changed.`
  return { component, targets }
}

const groupIntro = (group: Component, count: number): string =>
  `${group.name} is a group: its state follows its components, so ${count === 1 ? 'its one component was' : count === 2 ? 'both of its components were' : `all ${count} of its components were`} set.`

async function setState (command: Of<'set'>, { client, prefix }: StatuspageDeps): Promise<string> {
  // Both reads at once (from the cache when warm): the incidents only for the reminder below,
  // which a change back to operational does not need.
  const incidentsRead = command.status === 'operational'
    ? Promise.resolve({ ok: true as const, value: [] })
    : settle(client.listUnresolvedIncidents())
  let components: Component[]
  try {
    components = await client.listComponents()
  } finally {
    await incidentsRead
  }
  const found = findTargets(command.component, components, prefix)
  if (typeof found === 'string') return found
  const { component, targets } = found
  const changing = targets.filter(c => c.status !== command.status)
  const results = await mapSettled(changing, COMPONENT_CONCURRENCY, c => client.updateComponentStatus(c.id, command.status))
  const failed = results.filter(r => !r.ok)
  // Nothing changed at all: the error itself is the answer.
  if (failed.length > 0 && failed.length === results.length && !failed[0].ok) throw failed[0].error

  const to = stateLabel(command.status)
  const change = (c: Component): string => {
    const result = results.find(r => r.item === c)
    if (!result) return `already ${to}`
    if (result.ok) return `${stateLabel(c.status)} → ${to}`
    // A PATCH that timed out or lost its answer may have been applied: never call it unchanged.
    return `${mayHaveHappened(result.error) ? 'not confirmed' : 'not changed'} (${describeError(result.error, [], { prefix })})`
  }
  const lines = component.group
    ? [groupIntro(component, targets.length), ...bounded(targets.map(c => `• ${c.name}: ${change(c)}`))]
    : [`${qualifiedName(component, components)}: ${results.length === 0 ? `already ${to}, nothing to change` : change(component)}.`]
  const changed = results.filter(r => r.ok).map(r => r.item)
  if (command.status !== 'operational' && changed.length > 0) lines.push(reminder(await incidentsRead, component, components, to, prefix))
  return lines.filter(Boolean).join('\n')
}

/** A promise's outcome, never rejecting (a read that may fail without failing the command). */
const settle = <T>(promise: Promise<T>): Promise<{ ok: true, value: T } | { ok: false, error: unknown }> =>
  promise.then(value => ({ ok: true as const, value }), error => ({ ok: false as const, error }))

/** Reminds how to tell users, when no unresolved incident covers the change yet. */
function reminder (read: { ok: true, value: Incident[] } | { ok: false, error: unknown }, component: Component, components: Component[], to: string, prefix: string): string {
  if (!read.ok) return `(Could not check for an incident explaining it: ${describeError(read.error, [], { afterChange: true })})`
  const covering = incidentsAffecting(component, components, read.value)
  if (covering.length > 0) return `Incident ${covering[0].name} (${covering[0].id}) covers it.`
  const name = qualifiedName(component, components)
  return `No unresolved incident explains this to users yet: say ${prefix}status ${name} ${to}: <what is happening> (opens one), or ${prefix}status open <name>: <message>.`
}

async function explain (command: Of<'set'>, message: string, { client, prefix }: StatuspageDeps): Promise<string> {
  const [components, incidents] = await allSettledOrThrow([client.listComponents(), client.listUnresolvedIncidents()])
  const found = findTargets(command.component, components, prefix)
  if (typeof found === 'string') return found
  const { component, targets } = found
  const to = stateLabel(command.status)
  const map: ComponentStatusMap = Object.fromEntries(targets.map(c => [c.id, command.status]))
  const change = (c: Component): string => (c.status === command.status ? `already ${to}` : `${stateLabel(c.status)} → ${to}`)
  const intro = component.group
    ? [groupIntro(component, targets.length), ...bounded(targets.map(c => `• ${c.name}: ${change(c)}`))]
    : [`${qualifiedName(component, components)}: ${change(component)}.`]

  const covering = incidentsAffecting(component, components, incidents)[0]
  if (covering) {
    const linked = (covering.components ?? []).map(c => c.id)
    const unlinked = targets.filter(t => !linked.includes(t.id)).map(t => t.id)
    // One call: the update's text and the components' states together.
    const updated = await client.updateIncident(covering.id, {
      body: message,
      components: map,
      ...(unlinked.length > 0 ? { component_ids: [...linked, ...unlinked] } : {})
    })
    return [...intro, `Added your update to incident ${updated.name} (${updated.id}, ${incidentStatusLabel(updated.status)}).${link(updated)}`].join('\n')
  }
  // Nothing covers it yet: open an incident linked to the component(s). Setting a component back to
  // operational with a message opens it already resolved, so the page does not show a new outage.
  const created = await client.createIncident({
    name: `${component.name}: ${to}`,
    status: command.status === 'operational' ? 'resolved' : 'investigating',
    body: message,
    component_ids: targets.map(c => c.id),
    components: map
  })
  return [...intro, `Opened incident ${created.name} (${created.id}, ${incidentStatusLabel(created.status)}) with your message.${link(created)}`].join('\n')
}

const link = (incident: Incident): string => (incident.shortlink ? ` ${incident.shortlink}` : '')

async function open (command: Of<'open'>, { client }: StatuspageDeps): Promise<string> {
  const created = await client.createIncident({
    name: command.name,
    status: command.status,
    ...(command.message ? { body: command.message } : {})
  })
  return `Opened incident ${created.name} (${created.id}, ${incidentStatusLabel(created.status)}).${link(created)}`
}

/** The incident a command is about: the id given, or the only unresolved one; else the reply. */
async function pickIncident (args: string, client: StatuspageClient, verb: 'update' | 'resolve', prefix: string, statusWord: boolean) {
  const byShape = parseIncidentArgs(args, [], { status: statusWord })
  if (byShape.id) {
    // An unresolved incident read moments ago (the page cache) needs no read of its own.
    const known = client.cachedUnresolvedIncidents?.()?.find(i => i.id === byShape.id)
    return { args: byShape, incident: known, reply: undefined }
  }
  // Realtime incidents only: a maintenance in progress (listed here on some pages) has its own commands.
  const incidents = (await client.listUnresolvedIncidents()).filter(i => !MAINTENANCE_STATUSES.includes(i.status as MaintenanceStatus))
  const parsed = parseIncidentArgs(args, incidents.map(i => i.id), { status: statusWord })
  if (parsed.id) return { args: parsed, incident: incidents.find(i => i.id === parsed.id), reply: undefined }
  const first = args.trim().split(/\s+/)[0]
  if (looksLikeIncidentId(first) && incidents.length > 0) {
    // Never post "<typo'd id> ..." as the message of some other incident.
    return { args: parsed, incident: undefined, reply: `No unresolved incident has the id "${first}".\n${formatIncidentChoice(incidents, prefix, verb)}` }
  }
  if (incidents.length === 0) return { args: parsed, incident: undefined, reply: `There is no unresolved incident to ${verb}. Nothing was changed. (${prefix}status open <name>: <message> opens one.)` }
  if (incidents.length > 1) return { args: parsed, incident: undefined, reply: formatIncidentChoice(incidents, prefix, verb) }
  return { args: parsed, incident: incidents[0], reply: undefined }
}

async function update (command: Of<'update'>, deps: StatuspageDeps): Promise<string> {
  const { client, prefix } = deps
  const picked = await pickIncident(command.args, client, 'update', prefix, true)
  if (picked.reply) return picked.reply
  const { args } = picked
  if (args.status === 'resolved') return resolveIncident(args.id ?? picked.incident?.id ?? '', picked.incident, args.message, client)
  if (!args.message && !args.status) return `Say what to add: ${prefix}status update [<incident id>] [<incident status>] <message>. Nothing was changed.`
  // An id given outright may be a closed incident: read it, so an update never reopens one by accident.
  const incident = picked.incident ?? await client.getIncident(args.id ?? '')
  const closed = isClosedIncident(incident.status)
  if (closed && !args.status) {
    return `Incident ${incident.name} (${incident.id}) is ${incidentStatusLabel(incident.status)}: an update would reopen it and notify its subscribers. Nothing was changed. To reopen it, say its new status: ${prefix}status update ${incident.id} investigating|identified|monitoring <message>`
  }
  // One PATCH: the status and the text together.
  const updated = await client.updateIncident(incident.id, { ...(args.status ? { status: args.status } : {}), ...(args.message ? { body: args.message } : {}) })
  const verb = closed ? `Reopened incident ${updated.name} (${updated.id}), which was ${incidentStatusLabel(incident.status)}` : `Updated incident ${updated.name} (${updated.id})`
  return `${verb}: ${incidentStatusLabel(updated.status)}.${link(updated)}`
}

async function resolve (command: Of<'resolve'>, deps: StatuspageDeps): Promise<string> {
  const picked = await pickIncident(command.args, deps.client, 'resolve', deps.prefix, false)
  if (picked.reply) return picked.reply
  return resolveIncident(picked.args.id ?? picked.incident?.id ?? '', picked.incident, picked.args.message, deps.client)
}

/** Resolves and sets the components it affected back to operational, in one PATCH. */
async function resolveIncident (id: string, known: Incident | undefined, message: string | undefined, client: StatuspageClient): Promise<string> {
  const incident = known ?? await client.getIncident(id)
  if (isClosedIncident(incident.status)) {
    return `Incident ${incident.name} (${incident.id}) is already ${incidentStatusLabel(incident.status)}. Nothing was changed.`
  }
  const affected = (incident.components ?? []).filter(c => !c.group)
  // The page's components only to name the affected ones with their groups: without them, plain names.
  const all = affected.length > 0 ? await client.listComponents().catch(() => affected) : affected
  const resolved = await client.updateIncident(incident.id, {
    status: 'resolved',
    ...(message ? { body: message } : {}),
    ...(affected.length > 0 ? { components: Object.fromEntries(affected.map(c => [c.id, 'operational' as const])) } : {})
  })
  const back = affected.length > 0
    ? [`${plural(affected.length, 'component')} set back to operational:`, ...componentLines(affected, all)]
    : []
  return [`Resolved incident ${resolved.name} (${resolved.id}).${link(resolved)}`, ...back].join('\n')
}
