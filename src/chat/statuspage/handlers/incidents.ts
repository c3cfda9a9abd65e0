// `status open`, `status update`, `status resolve`: the incident commands.

import type { StatuspageClient } from '../../../statuspage/client'
import { MAINTENANCE_STATUSES, type Incident, type MaintenanceStatus } from '../../../statuspage/types'
import type { StatusContext } from '../context'
import {
  formatAlreadyClosed, formatNoSuchIncidentId, formatNothingToPick, formatOpened, formatResolved, formatSayWhatToAdd,
  formatStrayWord, formatUpdated, formatWouldReopen
} from '../changes-format'
import { formatIncidentChoice } from '../format'
import { looksLikeIncidentId, parseIncidentArgs, strayWord, type StatusCommand } from '../parse'
import { isClosedIncident } from '../states'

export async function open (ctx: StatusContext, command: Extract<StatusCommand, { kind: 'open' }>): Promise<string> {
  const created = await ctx.client().createIncident({
    name: command.name,
    status: command.status,
    ...(command.message ? { body: command.message } : {})
  })
  return formatOpened(created)
}

interface PickOptions {
  client: StatuspageClient
  verb: 'update' | 'resolve'
  prefix: string
  /** Whether an incident status word may follow the id (`update`), or not (`resolve`). */
  statusWord: boolean
}

/**
 * The incident a command is about: the id given (read by the caller before it writes), or the only
 * unresolved one; else the reply. The choice is made on a fresh read, never on the page cache: an
 * incident resolved on the web seconds ago is not the one to update.
 */
async function pickIncident (args: string, { client, verb, prefix, statusWord }: PickOptions) {
  const byShape = parseIncidentArgs(args, [], { status: statusWord })
  if (byShape.id) return { args: byShape, incident: undefined, reply: undefined }
  // Realtime incidents only: a maintenance in progress (listed here on some pages) has its own commands.
  const incidents = (await client.listUnresolvedIncidents({ fresh: true }))
    .filter(i => !MAINTENANCE_STATUSES.includes(i.status as MaintenanceStatus))
  const parsed = parseIncidentArgs(args, incidents.map(i => i.id), { status: statusWord })
  if (parsed.id) return { args: parsed, incident: incidents.find(i => i.id === parsed.id), reply: undefined }
  const first = args.trim().split(/\s+/)[0]
  if (looksLikeIncidentId(first) && incidents.length > 0) {
    // Never post "<typo'd id> ..." as the message of some other incident.
    const reply = formatNoSuchIncidentId(first, formatIncidentChoice(incidents, prefix, verb))
    return { args: parsed, incident: undefined, reply }
  }
  if (incidents.length === 0) return { args: parsed, incident: undefined, reply: formatNothingToPick(verb, prefix) }
  if (incidents.length > 1) {
    return { args: parsed, incident: undefined, reply: formatIncidentChoice(incidents, prefix, verb) }
  }
  // "The only one" only when no word stands where an id goes: `resolve oops` resolves nothing.
  const stray = strayWord(args, parsed)
  if (stray !== undefined) {
    const reply = formatStrayWord(stray, formatIncidentChoice(incidents, prefix, verb), `${prefix}status ${verb}`)
    return { args: parsed, incident: undefined, reply }
  }
  return { args: parsed, incident: incidents[0], reply: undefined }
}

export async function update (ctx: StatusContext, text: string): Promise<string> {
  const { prefix } = ctx
  const client = ctx.client()
  const picked = await pickIncident(text, { client, verb: 'update', prefix, statusWord: true })
  if (picked.reply) return picked.reply
  const { args } = picked
  if (args.status === 'resolved') return resolveIncident(args.id ?? picked.incident?.id ?? '', picked.incident, args.message, client)
  if (!args.message && !args.status) return formatSayWhatToAdd(prefix)
  // An id given outright may be a closed incident: read it, so an update never reopens one by accident.
  const incident = picked.incident ?? await client.getIncident(args.id ?? '')
  const closed = isClosedIncident(incident.status)
  if (closed && !args.status) return formatWouldReopen(incident, prefix)
  // One PATCH: the status and the text together.
  const updated = await client.updateIncident(incident.id, {
    ...(args.status ? { status: args.status } : {}),
    ...(args.message ? { body: args.message } : {})
  })
  return formatUpdated(updated, closed ? incident.status : undefined)
}

export async function resolve (ctx: StatusContext, text: string): Promise<string> {
  const client = ctx.client()
  const picked = await pickIncident(text, { client, verb: 'resolve', prefix: ctx.prefix, statusWord: false })
  if (picked.reply) return picked.reply
  return resolveIncident(picked.args.id ?? picked.incident?.id ?? '', picked.incident, picked.args.message, client)
}

/** Resolves and sets the components it affected back to operational, in one PATCH. */
async function resolveIncident (
  id: string, known: Incident | undefined, message: string | undefined, client: StatuspageClient
): Promise<string> {
  const incident = known ?? await client.getIncident(id)
  if (isClosedIncident(incident.status)) return formatAlreadyClosed(incident)
  const affected = (incident.components ?? []).filter(c => !c.group)
  // The page's components only to name the affected ones with their groups: without them, plain names.
  const all = affected.length > 0 ? await client.listComponents().catch(() => affected) : affected
  const resolved = await client.updateIncident(incident.id, {
    status: 'resolved',
    ...(message ? { body: message } : {}),
    ...(affected.length > 0 ? { components: Object.fromEntries(affected.map(c => [c.id, 'operational' as const])) } : {})
  })
  return formatResolved(resolved, affected, all)
}
