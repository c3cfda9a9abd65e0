// The incident's public side on Statuspage: open it (components set by severity, in the same POST),
// update it (and note the linked open alerts), resolve it (components back to operational, the
// postmortem draft written from the timeline), publish the postmortem behind a confirmation code.
// Each reply says exactly what was done; a failure after a step that succeeded says that step happened.

import { actAndConfirm, type ActionOutcome } from '../../alerting/actions'
import type { ComponentStatus, ComponentStatusMap, Postmortem } from '../../statuspage/types'
import { NotFoundError } from '../../http/errors'
import { inert } from '../../util/inert'
import { save, type IncidentContext } from './context'
import { noIncidentReply } from './format'
import { withEntry, type IncidentRecord, type Severity } from './model'
import type { UpdateStatus } from './parse'
import { formatPostmortemDraft } from './postmortem-format'
import { postmortemInput } from './postmortem-input'
import { stateLabel } from '../../statuspage/labels'
import { PUBLISH_HOLD_MS } from './publish-hold'

const BY_SEVERITY: Record<Severity, ComponentStatus> = {
  P1: 'major_outage',
  P2: 'partial_outage',
  P3: 'degraded_performance',
  P4: 'degraded_performance',
  P5: 'degraded_performance'
}

const quoted = (incident: IncidentRecord): string => `"${inert(incident.title, 120)}"`
const link = (shortlink: string | null | undefined): string => (shortlink?.startsWith('https://') ? ` ${shortlink}` : '')

export async function makePublic (
  open: IncidentRecord, message: string | undefined, ctx: IncidentContext
): Promise<string> {
  if (open.publicIncident) {
    return `${quoted(open)} is already public (Statuspage incident ${open.publicIncident.id}). Nothing was changed. ` +
      `Use ${ctx.prefix}incident update: <message>.`
  }
  const status = BY_SEVERITY[open.severity]
  const components: ComponentStatusMap = Object.fromEntries(open.components.map(c => [c.id, status]))
  const created = await ctx.statuspage().createIncident({
    name: open.title,
    status: 'investigating',
    ...(message ? { body: message } : {}),
    ...(open.components.length ? { component_ids: open.components.map(c => c.id), components } : {})
  })
  const now = ctx.now()
  const set = open.components.map(c => ({ ...c, changes: [...c.changes, { at: now, status }] }))
  const states = open.components.length ? `: ${open.components.map(c => `${c.name} ${stateLabel(status)}`).join(', ')}` : ''
  const shortlink = created.shortlink ? { shortlink: created.shortlink } : {}
  const publicIncident = { id: created.id, name: created.name, ...shortlink }
  save(ctx, withEntry({ ...open, publicIncident, components: set },
    { at: now, who: ctx.user.name, text: `opened the public incident (investigating${states})${message ? `: ${message}` : ''}` }))
  return `Opened the Statuspage incident ${quoted(open)} (investigating${states.replace(/^:/, ';')}).${link(created.shortlink)}`
}

export async function updatePublic (
  open: IncidentRecord, command: { status?: UpdateStatus, message: string }, ctx: IncidentContext
): Promise<string> {
  if (!open.publicIncident) return `${quoted(open)} is not public yet: nothing to update. Open it with ${ctx.prefix}incident public: <message>.`
  const updated = await ctx.statuspage().updateIncident(open.publicIncident.id, {
    ...(command.status ? { status: command.status } : {}), body: command.message
  })
  const current = save(ctx, withEntry(open, {
    at: ctx.now(), who: ctx.user.name, text: `updated the public incident (${updated.status}): ${command.message}`
  }))
  const lines = [`Updated ${quoted(open)} on Statuspage (${updated.status}).`]
  // The same text as a note on every linked open alert, one at a time (bounded by the links a room makes).
  const openAlerts = open.alerts.filter(a => a.closedAt === undefined)
  const noted: string[] = []
  for (const alert of openAlerts) {
    const action = { alertId: alert.id, action: { name: 'note' as const, note: command.message }, actor: ctx.actor() }
    const outcome = await actAndConfirm(ctx.alerting(), action, ctx.confirm())
    noted.push(`#${alert.tinyId ?? alert.id} ${outcomeWords(outcome, ctx.alertingName)}`)
  }
  if (noted.length) {
    lines.push(`Noted on the linked alerts: ${noted.join('; ')}.`)
    save(ctx, withEntry(current, { at: ctx.now(), who: ctx.user.name, text: `noted the update on ${noted.join('; ')}` }))
  }
  return lines.join('\n')
}

function outcomeWords (outcome: ActionOutcome, service: string): string {
  if (outcome.state === 'confirmed') return `(confirmed by ${service})`
  if (outcome.state === 'failed') return `failed${outcome.reason ? `: ${inert(outcome.reason, 120)}` : ''}`
  return `(not confirmed: it may have been added, check the alert in ${service})`
}

export async function resolveIncident (
  open: IncidentRecord, message: string | undefined, ctx: IncidentContext
): Promise<string> {
  let current = open
  const lines: string[] = []
  if (open.publicIncident) {
    const components: ComponentStatusMap = Object.fromEntries(open.components.map(c => [c.id, 'operational' as ComponentStatus]))
    await ctx.statuspage().updateIncident(open.publicIncident.id, {
      status: 'resolved',
      ...(message ? { body: message } : {}),
      ...(open.components.length ? { component_ids: open.components.map(c => c.id), components } : {})
    })
    const now = ctx.now()
    const back = open.components.length ? `, ${open.components.map(c => c.name).join(', ')} operational` : ''
    current = {
      ...open, components: open.components.map(c => ({ ...c, changes: [...c.changes, { at: now, status: 'operational' }] }))
    }
    current = withEntry(current, { at: now, who: ctx.user.name, text: `resolved the public incident${back}${message ? `: ${message}` : ''}` })
    lines.push(`Resolved ${quoted(open)} on Statuspage${back}.`)
  }
  const endedAt = ctx.now()
  current = save(ctx, withEntry({ ...current, endedAt }, { at: endedAt, who: ctx.user.name, text: 'ended the incident' }))
  if (!open.publicIncident) {
    lines.push(`Ended ${quoted(open)}. It was never public, so there is no postmortem draft on Statuspage; ` +
      `${ctx.prefix}incident history keeps it.`)
  } else lines.push(await writeDraft(current, ctx))
  const closing = offerClose(current, ctx)
  if (closing) lines.push(closing)
  return lines.join('\n')
}

async function writeDraft (incident: IncidentRecord, ctx: IncidentContext): Promise<string> {
  const id = incident.publicIncident!.id
  try {
    await ctx.statuspage().putPostmortemDraft(id, formatPostmortemDraft(postmortemInput(incident)))
  } catch (err) {
    // `incident postmortem draft` reads Statuspage first: if this one landed after all, it is not written over.
    return `The incident is ended, but the postmortem draft was not written: ${ctx.describe(err)}\n` +
      `To write it from the timeline again: ${ctx.prefix}incident postmortem draft.`
  }
  recordDraft(incident, 'wrote the postmortem draft', ctx)
  return 'The postmortem draft is written on Statuspage from the timeline: edit it there (the incident\'s page, Postmortem), ' +
    `then ${ctx.prefix}incident postmortem publish.`
}

/** The incident has a draft on Statuspage now (what `incident postmortem publish` looks for), on its timeline. */
function recordDraft (incident: IncidentRecord, text: string, ctx: IncidentContext): void {
  const at = ctx.now()
  save(ctx, withEntry({ ...incident, draftAt: at }, { at, who: ctx.user.name, text }))
}

/** Linked alerts still open: closing them waits for `genie confirm <code>`, like genie close all. */
function offerClose (incident: IncidentRecord, ctx: IncidentContext): string | undefined {
  const open = incident.alerts.filter(a => a.closedAt === undefined)
  if (open.length === 0) return undefined
  const targets = open.map(a => ({ alertId: a.id, label: `#${a.tinyId ?? a.id}` }))
  const held = ctx.closeAll.hold(ctx.room, ctx.user.id, { targets }, ctx.closeTtlMs)
  return `${open.length === 1 ? 'Its linked alert' : `Its ${open.length} linked alerts`} ${targets.map(t => t.label).join(', ')} ` +
    `may still be open: to close ${open.length === 1 ? 'it' : 'them'}, say ${ctx.prefix}genie confirm ${held.code} ` +
    `within ${Math.round(ctx.closeTtlMs / 1000)} s.`
}

/** The room's newest incident with a draft and nothing published. */
const withDraft = (ctx: IncidentContext): IncidentRecord | undefined =>
  ctx.store.inRoom(ctx.room).find(i => i.publicIncident && i.draftAt !== undefined)

/** The room's newest ended incident that went public: the one a postmortem draft is for. */
const lastEndedPublic = (ctx: IncidentContext): IncidentRecord | undefined =>
  ctx.store.inRoom(ctx.room).find(i => i.publicIncident && i.endedAt !== undefined)

/**
 * `incident postmortem draft`: writes the draft from the stored timeline of the room's newest ended
 * public incident when Statuspage has none (a draft PUT that failed, or whose answer never came and
 * did not land). Statuspage is read first: a draft there may hold people's edits, and a postmortem
 * may have been published on the web; neither is ever written over.
 */
export async function rewriteDraft (ctx: IncidentContext): Promise<string> {
  const incident = lastEndedPublic(ctx)
  if (!incident) {
    return 'No ended incident in this room went public, so there is no postmortem draft to write. ' +
      `${ctx.prefix}incident resolve writes one when it ends a public incident. Nothing was written.`
  }
  const there = await postmortemOn(incident.publicIncident!.id, ctx)
  if (incident.publishedAt !== undefined || there?.published_at) {
    return `The postmortem of ${quoted(incident)} is already published: edit it on Statuspage. Nothing was written.`
  }
  if (there?.body_draft) {
    // Kept as the draft, so `incident postmortem publish` can publish it (it looks for draftAt).
    if (incident.draftAt === undefined) recordDraft(incident, 'found the postmortem draft on Statuspage', ctx)
    return `Statuspage already has a postmortem draft for ${quoted(incident)}: edit it there (the incident's page, ` +
      `Postmortem), then ${ctx.prefix}incident postmortem publish. Nothing was written, so no edit was lost.`
  }
  return await writeDraft(incident, ctx)
}

/** The incident's postmortem on Statuspage, or undefined when it has none yet (404). */
async function postmortemOn (id: string, ctx: IncidentContext): Promise<Postmortem | undefined> {
  try {
    return await ctx.statuspage().getPostmortem(id)
  } catch (err) {
    if (err instanceof NotFoundError) return undefined
    throw err
  }
}

export function holdPublish (ctx: IncidentContext): string {
  const incident = withDraft(ctx)
  if (!incident) {
    const undrafted = lastEndedPublic(ctx)
    if (undrafted) {
      return `${quoted(undrafted)} has no postmortem draft on Statuspage yet: write it from the timeline with ` +
        `${ctx.prefix}incident postmortem draft, then publish. Nothing was published.`
    }
    return `No postmortem draft to publish in this room: ${ctx.prefix}incident resolve writes one for an incident ` +
      'that went public. Nothing was published.'
  }
  if (incident.publishedAt !== undefined) return `The postmortem of ${quoted(incident)} is already published. Nothing was changed.`
  const { code } = ctx.holds.hold(ctx.room, ctx.user.id, { incidentId: incident.id }, PUBLISH_HOLD_MS)
  return `This publishes the postmortem of ${quoted(incident)} on Statuspage ` +
    `(${ctx.notify ? 'subscribers are notified' : 'subscribers are not notified: HUBOT_STATUSPAGE_NOTIFY=false'}). ` +
    `To do it, say: ${ctx.prefix}incident confirm ${code} within ${PUBLISH_HOLD_MS / 1000} s.`
}

export async function confirmPublish (code: string, ctx: IncidentContext): Promise<string> {
  const taken = ctx.holds.take(ctx.room, ctx.user.id, code)
  if (!taken.ok) {
    const why = {
      none: 'nothing is waiting for your confirmation here', expired: 'that code ran out', mismatch: 'that is not the code'
    }[taken.why]
    return `Nothing was published: ${why}. Ask again with ${ctx.prefix}incident postmortem publish.`
  }
  const incident = ctx.store.inRoom(ctx.room).find(i => i.id === taken.held.incidentId)
  if (!incident?.publicIncident) return noIncidentReply(ctx.prefix)
  await ctx.statuspage().publishPostmortem(incident.publicIncident.id)
  save(ctx, withEntry({ ...incident, publishedAt: ctx.now() }, { at: ctx.now(), who: ctx.user.name, text: 'published the postmortem' }))
  return `Published the postmortem of ${quoted(incident)} on Statuspage${ctx.notify ? '; subscribers are notified' : ''}.` +
    link(incident.publicIncident.shortlink)
}
