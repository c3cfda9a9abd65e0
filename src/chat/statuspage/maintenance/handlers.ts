// Each maintenance command: checks what it can before any request (times, window), reads what it
// must, refuses what is unclear, then makes one write and returns the one reply.

import { allSettledOrThrow } from '../../../util/async'
import type { ComponentStatus, Incident, MaintenanceChange } from '../../../statuspage/types'
import type { StatusContext } from '../context'
import { looksLikeIncidentId, strayWord } from '../parse'
import { formatStrayWord } from '../changes-format'
import { resolveComponentList } from './components'
import {
  formatBadWindow, formatChanged, formatMaintenanceChoice, formatMaintenanceList, formatNoSuchMaintenanceId,
  formatNotAMaintenance, formatNotEligible, formatSayWhatToAddTo, formatScheduled, formatWouldReopenMaintenance,
  nothingScheduled, type WindowProblem
} from './format'
import { parseMaintenanceArgs, type MaintenanceAction, type MaintenanceCommand } from './parse'
import { MAX_AHEAD_MS, resolveTime, WINDOW_LIMITS, zoneOf } from './time'

type Of<K extends MaintenanceCommand['kind']> = Extract<MaintenanceCommand, { kind: K }>

/** A start this far in the past still counts as "now" (the time it took to type the command). */
const PAST_GRACE_MS = 5 * 60_000

export async function handleMaintenance (command: MaintenanceCommand, ctx: StatusContext): Promise<string> {
  switch (command.kind) {
    case 'maintenance-list': return list(ctx)
    case 'maintenance-create': return create(command, ctx)
    case 'maintenance-transition': return transition(command, ctx)
    case 'maintenance-update': return update(command, ctx)
  }
}

async function list (ctx: StatusContext): Promise<string> {
  const { now, prefix } = ctx
  const client = ctx.client()
  const [components, active, upcoming] = await allSettledOrThrow([
    client.listComponents(), client.listActiveMaintenances(), client.listUpcomingMaintenances()
  ])
  return formatMaintenanceList({ active, upcoming }, components, now(), prefix)
}

/** The window, or why it cannot be scheduled (nothing is read or written before this passes). */
function checkWindow (command: Of<'maintenance-create'>, now: Date): { from: Date, until: Date } | { why: string } {
  const zone = zoneOf(command.from)
  const from = resolveTime(command.from, now)
  const until = command.until.kind === 'for' ? new Date(from.getTime() + command.until.ms) : resolveTime(command.until.time, now, from)
  const problem = (kind: WindowProblem): { why: string } => ({ why: formatBadWindow(kind, { from, until, now, zone }) })
  if (from.getTime() < now.getTime() - PAST_GRACE_MS) return problem('past')
  if (until.getTime() <= from.getTime()) return problem('reversed')
  const length = until.getTime() - from.getTime()
  if (length < WINDOW_LIMITS.min) return problem('short')
  if (length > WINDOW_LIMITS.max) return problem('long')
  if (from.getTime() - now.getTime() > MAX_AHEAD_MS) return problem('far')
  return { from, until }
}

async function create (command: Of<'maintenance-create'>, ctx: StatusContext): Promise<string> {
  const { now, prefix } = ctx
  const client = ctx.client()
  const at = now()
  const window = checkWindow(command, at)
  if ('why' in window) return window.why
  const all = await client.listComponents()
  const resolved = command.components ? resolveComponentList(command.components, all, prefix) : { components: [] }
  if ('reply' in resolved) return nothingScheduled(resolved.reply)
  const created = await client.createMaintenance({
    name: command.name,
    status: 'scheduled',
    ...(command.message ? { body: command.message } : {}),
    scheduled_for: window.from.toISOString(),
    scheduled_until: window.until.toISOString(),
    scheduled_auto_in_progress: true,
    scheduled_auto_completed: true,
    auto_transition_to_maintenance_state: true,
    auto_transition_to_operational_state: true,
    component_ids: resolved.components.map(c => c.id)
  })
  const facts = { zone: zoneOf(command.from), components: resolved.components, all, notify: ctx.settings().notify }
  return formatScheduled(created, facts, at)
}

/** Which maintenances each verb can apply to. */
const ELIGIBLE: Record<MaintenanceAction | 'update', (m: Incident) => boolean> = {
  start: m => m.status === 'scheduled',
  cancel: m => m.status === 'scheduled',
  complete: m => m.status === 'in_progress' || m.status === 'verifying',
  update: m => m.status !== 'completed'
}

const isMaintenance = (m: Incident): boolean =>
  Boolean(m.scheduled_for) || ['scheduled', 'in_progress', 'verifying', 'completed'].includes(m.status)

/** The maintenance named by id, or the only eligible one; else the reply saying which ones could be meant. */
async function pick (args: string, verb: MaintenanceAction | 'update', ctx: StatusContext): Promise<{ maintenance: Incident, message?: string, status?: Incident['status'] } | string> {
  const { now, prefix } = ctx
  const client = ctx.client()
  const withStatus = { status: verb === 'update' }
  const byShape = parseMaintenanceArgs(args, [], withStatus)
  if (byShape.id) {
    const found = await client.getIncident(byShape.id)
    return { maintenance: found, message: byShape.message, status: byShape.status }
  }
  const [active, upcoming] = await allSettledOrThrow([
    client.listActiveMaintenances(), client.listUpcomingMaintenances()
  ])
  const known = [...active, ...upcoming]
  const parsed = parseMaintenanceArgs(args, known.map(m => m.id), withStatus)
  if (parsed.id) {
    const found = known.find(m => m.id === parsed.id) as Incident
    return { maintenance: found, message: parsed.message, status: parsed.status }
  }
  const candidates = known.filter(ELIGIBLE[verb])
  const first = args.trim().split(/\s+/)[0]
  // Never take a mistyped id for the start of a message to whichever maintenance is the only one.
  if (looksLikeIncidentId(first)) {
    return formatNoSuchMaintenanceId(first, formatMaintenanceChoice(candidates, verb, prefix, now()))
  }
  if (candidates.length !== 1) return formatMaintenanceChoice(candidates, verb, prefix, now())
  // "The only one" only when no word stands where an id goes: `start nosuch` starts nothing.
  const stray = strayWord(args, parsed)
  if (stray !== undefined) {
    return formatStrayWord(stray, formatMaintenanceChoice(candidates, verb, prefix, now()), `${prefix}status maintenance ${verb}`)
  }
  return { maintenance: candidates[0], message: parsed.message, status: parsed.status }
}

/** Why `verb` does not apply to `m` (its state now), or undefined. */
function refusal (m: Incident, verb: MaintenanceAction | 'update', prefix: string): string | undefined {
  if (!isMaintenance(m)) return formatNotAMaintenance(m, prefix)
  if (ELIGIBLE[verb](m)) return undefined
  return formatNotEligible(m, verb, prefix)
}

const linkedStatuses = (m: Incident, status: ComponentStatus): Record<string, ComponentStatus> | undefined => {
  const linked = (m.components ?? []).filter(c => !c.group)
  return linked.length > 0 ? Object.fromEntries(linked.map(c => [c.id, status])) : undefined
}

/** The change a verb (or a status given to update) makes: the status, its text, the components' states. */
function changeFor (m: Incident, verb: MaintenanceAction | 'update', message: string | undefined, status?: Incident['status']): MaintenanceChange {
  const body = message ? { body: message } : {}
  const to = verb === 'start' ? 'in_progress' : verb === 'complete' ? 'completed' : verb === 'cancel' ? 'completed' : status
  if (verb === 'cancel') return { status: 'completed', body: message ? `Cancelled: ${message}` : 'This maintenance has been cancelled.' }
  const components = to === 'in_progress' ? linkedStatuses(m, 'under_maintenance') : to === 'completed' ? linkedStatuses(m, 'operational') : undefined
  return { ...(to ? { status: to as MaintenanceChange['status'] } : {}), ...body, ...(components ? { components } : {}) }
}

async function transition (command: Of<'maintenance-transition'>, ctx: StatusContext): Promise<string> {
  const picked = await pick(command.args, command.action, ctx)
  if (typeof picked === 'string') return picked
  const { maintenance: m, message } = picked
  const refused = refusal(m, command.action, ctx.prefix)
  if (refused) return refused
  const change = changeFor(m, command.action, message)
  const updated = await ctx.client().updateMaintenance(m.id, change)
  return formatChanged(updated, command.action, change)
}

async function update (command: Of<'maintenance-update'>, ctx: StatusContext): Promise<string> {
  const picked = await pick(command.args, 'update', ctx)
  if (typeof picked === 'string') return picked
  const { maintenance: m, message, status } = picked
  if (!isMaintenance(m)) return refusal(m, 'update', ctx.prefix) as string
  if (m.status === 'completed' && !status) {
    return formatWouldReopenMaintenance(m, ctx.prefix)
  }
  if (!message && !status) return formatSayWhatToAddTo(m, ctx.prefix)
  const change = changeFor(m, 'update', message, status)
  const updated = await ctx.client().updateMaintenance(m.id, change)
  return formatChanged(updated, 'update', change)
}
