// Paging from chat: genie page (a new alert for a team, user, schedule or escalation), and the
// pager's verbs on an existing alert: page #id <who> (add a responder), escalate, assign, priority;
// genie teams lists what can be paged.

import { createAndConfirm } from '../../../alerting/actions'
import { newAlert } from '../../../alerting/paging'
import { findAlert, labelOf } from '../../../alerting/resolve'
import { byName, escalationFor, findResponder, orNone, suggest, type ResponderLookup } from '../../../alerting/responders'
import type { Owner, Priority } from '../../../alerting/types'
import { formatUnknownAlert } from '../alerts-format'
import { actorOf, confirmOptions, type GenieContext } from '../context'
import { scheduleUsername, verifiedIdentity } from '../identity'
import {
  formatAssigned, formatAssignMeUnknown, formatAssignWho, formatEscalated, formatNoEscalation, formatNoResponder,
  formatPaged, formatPageNotDone, formatPrioritySet, formatResponderAdded, formatTeams, formatWhichEscalation,
  type PagedAlert
} from '../paging-format'
import { tokenActorNote } from '../people-format'
import { singleOn, throwIfKeyRefusedEverywhere } from './alerts'

/** A team, escalation, schedule or user by email; else a chat user who told the bot who they are. */
async function responderFor (ctx: GenieContext, who: string): Promise<ResponderLookup> {
  const found = await findResponder(ctx.backend(), who)
  if (found.kind === 'found') return found
  const chatUser = ctx.chatUser?.(who.replace(/^@/, ''))
  const username = chatUser ? scheduleUsername(chatUser, verifiedIdentity(ctx.brain, chatUser)) : undefined
  return username ? await findResponder(ctx.backend(), username) : found
}

export async function page (
  ctx: GenieContext, who: string, priority: Priority | undefined, text: string
): Promise<string> {
  const backend = ctx.backend()
  // Checked before anything is created: a name that pages nobody is refused with suggestions.
  const found = await responderFor(ctx, who)
  if (found.kind === 'none') return formatNoResponder(who, found.suggestions, ctx.prefix)
  const { responder } = found
  const actor = actorOf(ctx)
  const chatName = String(ctx.user.name)
  const paged = chatName === actor.user ? actor.user : `${chatName} (${actor.user})`
  const alert = newAlert({ responder, priority, text, who: paged, room: ctx.room, at: ctx.now() })
  const { outcome, alertId } = await createAndConfirm(backend, alert, actor, confirmOptions(ctx))
  const { confirmTimeoutMs } = ctx.settings
  const words = { service: backend.service, responder, priority, confirmTimeoutMs, prefix: ctx.prefix }
  throwIfKeyRefusedEverywhere([{ target: { alertId: '', label: '' }, outcome }])
  if (outcome.state !== 'confirmed') return formatPageNotDone(outcome, words)
  const reply = formatPaged(await pagedAlert(ctx, alertId), words)
  const note = tokenActorNote(backend.service, backend.createdBy)
  return note ? `${reply}\n${note}` : reply
}

/** The new alert's #tinyId (and count, for a deduplicated page); its id when it cannot be read. */
async function pagedAlert (ctx: GenieContext, alertId: string | undefined): Promise<PagedAlert> {
  if (!alertId) return { label: 'the new alert' }
  try {
    const alert = await ctx.backend().getAlert({ kind: 'id', value: alertId })
    return alert ? { label: labelOf(alert), count: alert.count } : { label: alertId }
  } catch {
    // Created and confirmed: only its number could not be read.
    return { label: alertId }
  }
}

export async function addResponder (ctx: GenieContext, id: string, who: string): Promise<string> {
  const alert = await findAlert(ctx.backend(), id)
  if (!alert) return formatUnknownAlert(id)
  const found = await responderFor(ctx, who)
  if (found.kind === 'none') return formatNoResponder(who, found.suggestions, ctx.prefix, 'Nothing was changed.')
  const { responder } = found
  return singleOn(ctx, { alertId: alert.id, label: labelOf(alert) }, { name: 'responder', responder },
    label => formatResponderAdded(label, responder, ctx.service))
}

export async function escalate (ctx: GenieContext, id: string, to: string | undefined): Promise<string> {
  const backend = ctx.backend()
  const alert = await findAlert(backend, id)
  if (!alert) return formatUnknownAlert(id)
  const label = labelOf(alert)
  const escalations = await backend.listEscalations()
  const escalation = to ? byName(escalations, to) : escalationFor(escalations, alert.teamIds ?? [])
  if (!escalation) {
    return to
      ? formatNoEscalation(to, suggest(to, escalations.map(e => e.name)))
      : formatWhichEscalation(label, escalations, ctx.prefix)
  }
  return singleOn(ctx, { alertId: alert.id, label }, { name: 'escalate', escalation }, l => formatEscalated(l, escalation, ctx.service))
}

/** Who `me`, an email or a chat user's name stands for, checked with the backend; undefined: unknown. */
async function ownerFor (ctx: GenieContext, to: string): Promise<Owner | 'me-unknown' | undefined> {
  const me = to.toLowerCase() === 'me'
  const chatUser = me ? ctx.user : ctx.chatUser?.(to)
  const identity = chatUser ? verifiedIdentity(ctx.brain, chatUser) : undefined
  const email = chatUser ? scheduleUsername(chatUser, identity) : to
  if (!email) return me ? 'me-unknown' : undefined
  // A verified identity already names the account; on JSM its account id is needed.
  if (identity && (ctx.backend().peopleBy === 'username' || identity.accountId)) {
    return { username: identity.username, ...(identity.accountId ? { accountId: identity.accountId } : {}) }
  }
  if (!/@/.test(email)) return undefined
  const found = await ctx.backend().findUser({ email })
  if (found.kind !== 'found') return undefined
  return { username: found.user.username, ...(found.user.accountId ? { accountId: found.user.accountId } : {}) }
}

export async function assign (ctx: GenieContext, id: string, to: string): Promise<string> {
  const alert = await findAlert(ctx.backend(), id)
  if (!alert) return formatUnknownAlert(id)
  const owner = await ownerFor(ctx, to)
  if (owner === 'me-unknown') return formatAssignMeUnknown(ctx.service, ctx.prefix)
  if (!owner) return formatAssignWho(to, ctx.service, ctx.prefix)
  return singleOn(ctx, { alertId: alert.id, label: labelOf(alert) }, { name: 'assign', owner },
    label => formatAssigned(label, owner.username, ctx.service))
}

export async function priority (ctx: GenieContext, id: string, value: Priority): Promise<string> {
  const alert = await findAlert(ctx.backend(), id)
  if (!alert) return formatUnknownAlert(id)
  return singleOn(ctx, { alertId: alert.id, label: labelOf(alert) }, { name: 'priority', priority: value },
    label => formatPrioritySet(label, value, ctx.service))
}

export async function teams (ctx: GenieContext): Promise<string> {
  const backend = ctx.backend()
  const [list, escalations] = await Promise.all([orNone(backend.listTeams()), orNone(backend.listEscalations())])
  return formatTeams(backend.service, list, escalations, ctx.prefix)
}
