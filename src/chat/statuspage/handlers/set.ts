// `status <component> <state>` and `status <component> <state>: <message>`: set a component (or a
// group's components), and with a message explain it in the incident covering it (opened if none).

import { allSettledOrThrow, mapSettled } from '../../../util/async'
import type { StatuspageClient } from '../../../statuspage/client'
import type { Component, ComponentStatusMap, Incident } from '../../../statuspage/types'
import { describeError, mayHaveHappened } from '../../describe-error'
import type { StatusContext } from '../context'
import { incidentsAffecting } from '../format'
import { qualifiedName, targetsOf } from '../match'
import type { StatusCommand } from '../parse'
import { incidentStatusLabel, stateLabel } from '../states'
import { bounded } from '../lists'
import { findComponent } from './read'

type SetCommand = Extract<StatusCommand, { kind: 'set' }>

/** Component PATCHes in flight at once for a group: the API allows about one request a second. */
const COMPONENT_CONCURRENCY = 2

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

export async function setState (ctx: StatusContext, command: SetCommand): Promise<string> {
  const { prefix } = ctx
  const client = ctx.client()
  const components = await client.listComponents()
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
  if (command.status !== 'operational' && changed.length > 0) lines.push(await reminder(client, component, components, to, prefix))
  return lines.filter(Boolean).join('\n')
}

/** Reminds how to tell users, when no unresolved incident covers the change yet. */
async function reminder (client: StatuspageClient, component: Component, components: Component[], to: string, prefix: string): Promise<string> {
  let incidents: Incident[]
  try {
    incidents = await client.listUnresolvedIncidents()
  } catch (err) {
    return `(Could not check for an incident explaining it: ${describeError(err, [], { afterChange: true, prefix })})`
  }
  const covering = incidentsAffecting(component, components, incidents)
  if (covering.length > 0) return `Incident ${covering[0].name} (${covering[0].id}) covers it.`
  const name = qualifiedName(component, components)
  return `No unresolved incident explains this to users yet: say ${prefix}status ${name} ${to}: <what is happening> (opens one), or ${prefix}status open <name>: <message>.`
}

export async function explain (ctx: StatusContext, command: SetCommand, message: string): Promise<string> {
  const { prefix } = ctx
  const client = ctx.client()
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
