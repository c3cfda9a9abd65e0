// `status <component> <state>` and `status <component> <state>: <message>`: set a component (or a
// group's components), and with a message explain it in the incident covering it (opened if none).

import { allSettledOrThrow, mapSettled } from '../../../util/async'
import type { Component, ComponentStatusMap, Incident } from '../../../statuspage/types'
import { mayHaveHappened, NotFoundError } from '../../../http/errors'
import { fromCache } from '../../../statuspage/cache'
import { describeError } from '../../describe-error'
import type { StatusContext } from '../context'
import {
  failedChange, formatCheckFailed, formatCoveredBy, formatEmptyGroup, formatOpened, formatSetLines, formatTellUsers,
  formatUpdateAdded, nothingToChange, stateChange
} from '../changes-format'
import { incidentsAffecting } from '../format'
import { qualifiedName, targetsOf } from '../match'
import type { StatusCommand } from '../parse'
import { stateLabel } from '../states'
import { findComponent } from './read'

type SetCommand = Extract<StatusCommand, { kind: 'set' }>

/** Component PATCHes in flight at once for a group: the API allows about one request a second. */
const COMPONENT_CONCURRENCY = 2

/** The component (or a group's components) a set command changes, or the reply saying why not. */
function findTargets (
  query: string, components: Component[], prefix: string
): { component: Component, targets: Component[] } | string {
  const component = findComponent(query, components, prefix)
  if (typeof component === 'string') return component
  const targets = targetsOf(component, components)
  if (targets.length === 0) return formatEmptyGroup(component)
  return { component, targets }
}

/**
 * Sets the component(s). Reads come from the page cache when warm, but a write is never skipped or
 * aimed on the cache's word: when the cached rows say a target is already in that state, or a PATCH
 * finds its component gone (404), the command starts again once on a fresh read before anyone hears.
 */
export async function setState (ctx: StatusContext, command: SetCommand, fresh = false): Promise<string> {
  const { prefix } = ctx
  const client = ctx.client()
  // Both reads at once (from the page cache when warm): the incidents only for the reminder below,
  // which a change back to operational does not need.
  const incidentsRead = command.status === 'operational'
    ? Promise.resolve({ ok: true as const, value: [] as Incident[] })
    : settle(client.listUnresolvedIncidents())
  let components: Component[]
  try {
    components = await client.listComponents(fresh ? { fresh } : undefined)
  } finally {
    await incidentsRead
  }
  const again = !fresh && fromCache(components)
  const found = findTargets(command.component, components, prefix)
  if (typeof found === 'string') return again ? await setState(ctx, command, true) : found
  const { component, targets } = found
  const changing = targets.filter(c => c.status !== command.status)
  if (again && changing.length < targets.length) return await setState(ctx, command, true)
  const results = await mapSettled(changing, COMPONENT_CONCURRENCY,
    c => client.updateComponentStatus(c.id, command.status))
  const failed = results.filter(r => !r.ok)
  const noneDone = failed.length > 0 && failed.length === results.length
  if (again && noneDone && failed.every(gone)) return await setState(ctx, command, true)
  // Nothing changed at all: the error itself is the answer.
  if (noneDone && !failed[0].ok) throw failed[0].error

  const to = stateLabel(command.status)
  const change = (c: Component): string => {
    const result = results.find(r => r.item === c)
    if (!result) return stateChange(to, to)
    if (result.ok) return stateChange(stateLabel(c.status), to)
    const why = describeError(result.error, { prefix, now: ctx.now().getTime() })
    return failedChange(mayHaveHappened(result.error), why)
  }
  // One component already in that state: the whole answer is that there was nothing to change.
  const unchanged = !component.group && results.length === 0
  const lines = formatSetLines(component, targets, components, c => (unchanged ? nothingToChange(to) : change(c)))
  const changed = results.filter(r => r.ok).map(r => r.item)
  if (command.status !== 'operational' && changed.length > 0) lines.push(reminder(await incidentsRead, { component, components, to, prefix, now: ctx.now().getTime() }))
  return lines.filter(Boolean).join('\n')
}

/** A PATCH that found no such component: deleted since the read it was aimed on. */
const gone = (r: { ok: boolean, error?: unknown }): boolean => !r.ok && r.error instanceof NotFoundError

type Settled<T> = { ok: true, value: T } | { ok: false, error: unknown }

/** A promise's outcome, never rejecting (a read that may fail without failing the command). */
const settle = <T>(promise: Promise<T>): Promise<Settled<T>> =>
  promise.then(value => ({ ok: true as const, value }), error => ({ ok: false as const, error }))

interface ReminderOptions { component: Component, components: Component[], to: string, prefix: string, now: number }

/** Reminds how to tell users, when no unresolved incident covers the change yet. */
function reminder (
  read: Settled<Incident[]>,
  { component, components, to, prefix, now }: ReminderOptions
): string {
  if (!read.ok) return formatCheckFailed(describeError(read.error, { afterChange: true, prefix, now }))
  const covering = incidentsAffecting(component, components, read.value)
  if (covering.length > 0) return formatCoveredBy(covering[0])
  return formatTellUsers(qualifiedName(component, components), to, prefix)
}

export async function explain (ctx: StatusContext, command: SetCommand, message: string): Promise<string> {
  const { prefix } = ctx
  const client = ctx.client()
  // Which incident to update (or whether to open one) is decided on a fresh read of the incidents:
  // never an update aimed at an incident resolved on the web seconds ago.
  const [components, incidents] = await allSettledOrThrow([
    client.listComponents(), client.listUnresolvedIncidents({ fresh: true })
  ])
  const found = findTargets(command.component, components, prefix)
  if (typeof found === 'string') return found
  const { component, targets } = found
  const to = stateLabel(command.status)
  const map: ComponentStatusMap = Object.fromEntries(targets.map(c => [c.id, command.status]))
  const intro = formatSetLines(component, targets, components, c => stateChange(stateLabel(c.status), to))

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
    return [...intro, formatUpdateAdded(updated)].join('\n')
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
  return [...intro, formatOpened(created, true)].join('\n')
}
