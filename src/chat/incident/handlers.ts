// The room's side of an incident: declare it, look at it, roles, notes, links, timeline, history.
// What goes to Statuspage (public, update, resolve, the postmortem) is in public.ts.

import type { Alert } from '../../alerting/types'
import { NotFoundError } from '../../http/errors'
import { matchComponent } from '../statuspage/match'
import { save, type IncidentContext } from './context'
import {
  alreadyOpenReply, alreadyPublicAsReply, historyReply, invalidReply, linkedPublicReply, linkedReply,
  noIncidentReply, noSuchPublicReply, noteReply, roleReply, showReply, startReply, timelineReply,
  unknownComponentReply, unknownPersonReply
} from './format'
import { formatIncidentHelp } from './help'
import { withEntry, type IncidentComponent, type IncidentRecord, type LinkedAlert } from './model'
import type { IncidentCommand } from './parse'
import { confirmPublish, holdPublish, makePublic, resolveIncident, rewriteDraft, updatePublic } from './public'

export async function handleIncident (command: IncidentCommand, ctx: IncidentContext): Promise<string> {
  switch (command.kind) {
    case 'invalid': return invalidReply(command.why, command.usage, ctx.prefix)
    case 'help': return formatIncidentHelp(ctx.prefix)
    case 'history': return historyReply(ctx.store.inRoom(ctx.room), command.count, ctx.now())
    case 'start': return await start(command, ctx)
    case 'publish': return await holdPublish(ctx)
    case 'draft': return await rewriteDraft(ctx)
    case 'confirm': return await confirmPublish(command.code, ctx)
    default: break
  }
  const open = ctx.store.open(ctx.room)
  if (!open) return noIncidentReply(ctx.prefix)
  switch (command.kind) {
    case 'show': return showReply(open, ctx.now())
    case 'timeline': return timelineReply(open)
    case 'role': return role(open, command.role, command.who, ctx)
    case 'note': {
      const noted = save(ctx, withEntry(open, { at: ctx.now(), who: ctx.user.name, text: `note: ${command.text}` }))
      return noteReply(noted)
    }
    case 'link-alerts': return await linkAlerts(open, command.tinyIds, ctx)
    case 'link-public': return await linkPublic(open, command.incidentId, ctx)
    case 'public': return await makePublic(open, command.message, ctx)
    case 'update': return await updatePublic(open, command, ctx)
    case 'resolve': return await resolveIncident(open, command.message, ctx)
  }
}

async function start (command: Extract<IncidentCommand, { kind: 'start' }>, ctx: IncidentContext): Promise<string> {
  const now = ctx.now()
  const open = ctx.store.open(ctx.room)
  if (open) return alreadyOpenReply(open, now, ctx.prefix)
  const components: IncidentComponent[] = []
  if (command.components.length > 0) {
    // Groups take their state from their children: only components can be set.
    const all = (await ctx.statuspage().listComponents()).filter(c => !c.group)
    for (const typed of command.components) {
      const found = matchComponent(typed, all)
      if (found.kind !== 'found') {
        return unknownComponentReply(typed, found.kind === 'ambiguous' ? found.candidates : found.suggestions, ctx.prefix)
      }
      if (components.some(c => c.id === found.component.id)) continue
      const { id, name, status } = found.component
      components.push({ id, name, before: status, changes: [] })
    }
  }
  const on = components.length ? ` on ${components.map(c => c.name).join(', ')}` : ''
  const incident: IncidentRecord = {
    id: `${ctx.room}@${now}`,
    room: ctx.room,
    title: command.title,
    severity: command.severity,
    startedAt: now,
    declaredBy: ctx.user.name,
    components,
    alerts: [],
    timeline: [{ at: now, who: ctx.user.name, text: `declared the incident (${command.severity}${on})` }],
    dropped: 0
  }
  return startReply(save(ctx, incident), ctx.prefix)
}

function role (open: IncidentRecord, which: 'lead' | 'comms', typed: string, ctx: IncidentContext): string {
  const self = ['me', ctx.user.name.toLowerCase()].includes(typed.toLowerCase())
  const who = self ? ctx.user.name : ctx.knownPerson(typed)
  if (!who) return unknownPersonReply(typed, which, ctx.prefix)
  const text = `${who} is now ${which === 'lead' ? 'the lead' : 'on communications'}`
  const changed = save(ctx, withEntry({ ...open, [which]: who }, { at: ctx.now(), who: ctx.user.name, text }))
  return roleReply(changed, which, who)
}

const linkedAlert = (alert: Alert): LinkedAlert => ({
  id: alert.id,
  ...(alert.tinyId ? { tinyId: alert.tinyId } : {}),
  message: alert.message,
  ...(alert.priority ? { priority: alert.priority } : {}),
  ...(alert.acknowledged && alert.ackTimeMs !== undefined
    ? { acknowledgedAt: Date.parse(alert.createdAt) + alert.ackTimeMs }
    : {}),
  ...(alert.acknowledged && alert.acknowledgedBy ? { acknowledgedBy: alert.acknowledgedBy } : {})
})

async function linkAlerts (open: IncidentRecord, tinyIds: string[], ctx: IncidentContext): Promise<string> {
  const already = tinyIds.filter(t => open.alerts.some(a => a.tinyId === t))
  const wanted = tinyIds.filter(t => !already.includes(t))
  const linked: LinkedAlert[] = []
  const unknown: string[] = []
  if (wanted.length > 0) {
    const backend = ctx.alerting()
    // tinyIds roll over: the open alerts the room sees first, then the backend's lookup.
    const openAlerts = await backend.listAlerts({ status: 'open' })
    for (const tinyId of wanted) {
      const alert = openAlerts.find(a => a.tinyId === tinyId) ??
        await backend.getAlert({ kind: 'tiny', value: tinyId })
      if (alert) linked.push(linkedAlert(alert))
      else unknown.push(tinyId)
    }
  }
  if (linked.length > 0) {
    const text = `linked ${linked.map(a => `#${a.tinyId ?? a.id}`).join(', ')}`
    save(ctx, withEntry({ ...open, alerts: [...open.alerts, ...linked] }, { at: ctx.now(), who: ctx.user.name, text }))
  }
  return linkedReply(open, linked, already, unknown)
}

async function linkPublic (open: IncidentRecord, incidentId: string, ctx: IncidentContext): Promise<string> {
  if (open.publicIncident) return alreadyPublicAsReply(open, open.publicIncident.id)
  let found
  try {
    found = await ctx.statuspage().getIncident(incidentId)
  } catch (err) {
    if (err instanceof NotFoundError) return noSuchPublicReply(incidentId)
    throw err
  }
  const publicIncident = { id: found.id, name: found.name, ...(found.shortlink ? { shortlink: found.shortlink } : {}) }
  const text = `linked the Statuspage incident "${found.name}" (${found.status})`
  const changed = save(ctx, withEntry({ ...open, publicIncident }, { at: ctx.now(), who: ctx.user.name, text }))
  return linkedPublicReply(changed, found.status)
}
