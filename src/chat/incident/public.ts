// The incident's public side on Statuspage: open it (components set by severity, in the same POST),
// update it (and note the linked open alerts), resolve it (components back to operational, the
// postmortem draft written from the timeline), publish the postmortem behind a confirmation code.
// Each reply says exactly what was done; a failure after a step that succeeded says that step happened.

import { actAndConfirm } from '../../alerting/actions'
import type { ComponentStatus, ComponentStatusMap, Postmortem } from '../../statuspage/types'
import { mayHaveHappened, NotFoundError } from '../../http/errors'
import { save, type IncidentContext } from './context'
import { noIncidentReply } from './format'
import { withEntry, type IncidentRecord, type Severity } from './model'
import type { UpdateStatus } from './parse'
import { formatPostmortemDraft } from './postmortem-format'
import { postmortemInput } from './postmortem-input'
import { PUBLISH_HOLD_MS } from './publish-hold'
import {
  alreadyPublicReply, alreadyPublishedNotWrittenReply, alreadyPublishedReply, backToOperational, componentStates,
  draftAlreadyThereReply, draftNotWrittenReply, draftUnconfirmedReply, draftWrittenReply, endedNeverPublicReply,
  noDraftToPublishReply, noDraftYetReply, noEndedPublicReply, notedOn, notPublicReply, notPublishedReply,
  offerCloseReply, openedReply, publishedReply, publishPromptReply, resolvedReply, updatedReply
} from './public-format'

const BY_SEVERITY: Record<Severity, ComponentStatus> = {
  P1: 'major_outage',
  P2: 'partial_outage',
  P3: 'degraded_performance',
  P4: 'degraded_performance',
  P5: 'degraded_performance'
}

export async function makePublic (
  open: IncidentRecord, message: string | undefined, ctx: IncidentContext
): Promise<string> {
  if (open.publicIncident) return alreadyPublicReply(open, open.publicIncident.id, ctx.prefix)
  const status = BY_SEVERITY[open.severity]
  const components: ComponentStatusMap = Object.fromEntries(open.components.map(c => [c.id, status]))
  const created = await ctx.statuspage().createIncident({
    name: open.title,
    status: 'investigating',
    ...(message ? { body: message } : {}),
    ...(open.components.length ? { component_ids: open.components.map(c => c.id), components } : {})
  })
  const now = ctx.now()
  // Each component's state as Statuspage's answer shows it: that is what the timeline and the reply say.
  const set = open.components.map(c => {
    const shown = created.components?.find(a => a.id === c.id)
    return shown ? { ...c, changes: [...c.changes, { at: now, status: shown.status }] } : c
  })
  const states = componentStates(open.components, status, created.components, ctx.prefix)
  const shortlink = created.shortlink ? { shortlink: created.shortlink } : {}
  const publicIncident = { id: created.id, name: created.name, ...shortlink }
  save(ctx, withEntry({ ...open, publicIncident, components: set },
    { at: now, who: ctx.user.name, text: `opened the public incident (investigating${states})${message ? `: ${message}` : ''}` }))
  return openedReply(open, states, created.shortlink)
}

export async function updatePublic (
  open: IncidentRecord, command: { status?: UpdateStatus, message: string }, ctx: IncidentContext
): Promise<string> {
  if (!open.publicIncident) return notPublicReply(open, ctx.prefix)
  const updated = await ctx.statuspage().updateIncident(open.publicIncident.id, {
    ...(command.status ? { status: command.status } : {}), body: command.message
  })
  const current = save(ctx, withEntry(open, {
    at: ctx.now(), who: ctx.user.name, text: `updated the public incident (${updated.status}): ${command.message}`
  }))
  // The same text as a note on every linked open alert, one at a time (bounded by the links a room makes).
  const openAlerts = open.alerts.filter(a => a.closedAt === undefined)
  const noted: string[] = []
  for (const alert of openAlerts) {
    const action = { alertId: alert.id, action: { name: 'note' as const, note: command.message }, actor: ctx.actor() }
    const outcome = await actAndConfirm(ctx.alerting(), action, ctx.confirm())
    noted.push(notedOn(alert.tinyId ?? alert.id, outcome, ctx.alertingName))
  }
  if (noted.length) {
    save(ctx, withEntry(current, { at: ctx.now(), who: ctx.user.name, text: `noted the update on ${noted.join('; ')}` }))
  }
  return updatedReply(open, updated.status, noted)
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
    const back = backToOperational(open.components)
    current = {
      ...open, components: open.components.map(c => ({ ...c, changes: [...c.changes, { at: now, status: 'operational' }] }))
    }
    current = withEntry(current, { at: now, who: ctx.user.name, text: `resolved the public incident${back}${message ? `: ${message}` : ''}` })
    lines.push(resolvedReply(open, back))
  }
  const endedAt = ctx.now()
  current = save(ctx, withEntry({ ...current, endedAt }, { at: endedAt, who: ctx.user.name, text: 'ended the incident' }))
  lines.push(open.publicIncident ? await writeDraft(current, ctx) : endedNeverPublicReply(open, ctx.prefix))
  const closing = offerClose(current, ctx)
  if (closing) lines.push(closing)
  return lines.join('\n')
}

async function writeDraft (incident: IncidentRecord, ctx: IncidentContext): Promise<string> {
  const id = incident.publicIncident!.id
  try {
    await ctx.statuspage().putPostmortemDraft(id, formatPostmortemDraft(postmortemInput(incident)))
  } catch (err) {
    // `incident postmortem draft` (and publish) read Statuspage first: if this one landed after all, it is found there.
    const failure = ctx.describe(err)
    return mayHaveHappened(err) ? draftUnconfirmedReply(failure, ctx.prefix) : draftNotWrittenReply(failure, ctx.prefix)
  }
  recordDraft(incident, 'wrote the postmortem draft', ctx)
  return draftWrittenReply(ctx.prefix)
}

/** The incident has a draft on Statuspage now (what `incident postmortem publish` looks for), on its timeline. */
function recordDraft (incident: IncidentRecord, text: string, ctx: IncidentContext): IncidentRecord {
  const at = ctx.now()
  return save(ctx, withEntry({ ...incident, draftAt: at }, { at, who: ctx.user.name, text }))
}

/** Linked alerts still open: closing them waits for `genie confirm <code>`, like genie close all. */
function offerClose (incident: IncidentRecord, ctx: IncidentContext): string | undefined {
  const open = incident.alerts.filter(a => a.closedAt === undefined)
  if (open.length === 0) return undefined
  const targets = open.map(a => ({ alertId: a.id, label: `#${a.tinyId ?? a.id}` }))
  const held = ctx.closeAll.hold(ctx.room, ctx.user.id, { targets }, ctx.closeTtlMs)
  return offerCloseReply(targets.map(t => t.label), held.code, ctx.closeTtlMs, ctx.prefix)
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
  if (!incident) return noEndedPublicReply(ctx.prefix)
  const there = await postmortemThere(incident, ctx)
  if (there.state === 'published') return alreadyPublishedNotWrittenReply(incident)
  if (there.state === 'draft') return draftAlreadyThereReply(incident, ctx.prefix)
  return await writeDraft(incident, ctx)
}

type PostmortemThere = { state: 'published' } | { state: 'none' } | { state: 'draft', incident: IncidentRecord }

/**
 * What Statuspage holds of the incident's postmortem (one GET), for the commands that must not go by
 * the bot's record alone: published (from chat or on the web), a draft, or none yet (404). A draft the
 * bot had no record of (a PUT whose answer was lost, a draft written on the web) is recorded, so
 * `incident postmortem publish` finds it.
 */
async function postmortemThere (incident: IncidentRecord, ctx: IncidentContext): Promise<PostmortemThere> {
  let there: Postmortem | undefined
  try {
    there = await ctx.statuspage().getPostmortem(incident.publicIncident!.id)
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err
  }
  if (incident.publishedAt !== undefined || there?.published_at) return { state: 'published' }
  if (!there?.body_draft) return { state: 'none' }
  const recorded = incident.draftAt === undefined ? recordDraft(incident, 'found the postmortem draft on Statuspage', ctx) : incident
  return { state: 'draft', incident: recorded }
}

/**
 * `incident postmortem publish`: asks for a code before publishing the draft. When the bot has no draft
 * on record for the room's newest ended public incident, Statuspage is read first (postmortemThere):
 * a draft found there is asked about like any other.
 */
export async function holdPublish (ctx: IncidentContext): Promise<string> {
  let incident = withDraft(ctx)
  if (!incident) {
    const undrafted = lastEndedPublic(ctx)
    if (!undrafted) return noDraftToPublishReply(ctx.prefix)
    const there = await postmortemThere(undrafted, ctx)
    if (there.state === 'published') return alreadyPublishedReply(undrafted)
    if (there.state === 'none') return noDraftYetReply(undrafted, ctx.prefix)
    incident = there.incident
  }
  if (incident.publishedAt !== undefined) return alreadyPublishedReply(incident)
  const { code } = ctx.holds.hold(ctx.room, ctx.user.id, { incidentId: incident.id }, PUBLISH_HOLD_MS)
  return publishPromptReply(incident, { code, holdMs: PUBLISH_HOLD_MS, notify: ctx.notify, prefix: ctx.prefix })
}

export async function confirmPublish (code: string, ctx: IncidentContext): Promise<string> {
  const taken = ctx.holds.take(ctx.room, ctx.user.id, code)
  if (!taken.ok) return notPublishedReply(taken.why, ctx.prefix)
  const incident = ctx.store.inRoom(ctx.room).find(i => i.id === taken.held.incidentId)
  if (!incident?.publicIncident) return noIncidentReply(ctx.prefix)
  await ctx.statuspage().publishPostmortem(incident.publicIncident.id)
  save(ctx, withEntry({ ...incident, publishedAt: ctx.now() }, { at: ctx.now(), who: ctx.user.name, text: 'published the postmortem' }))
  return publishedReply(incident, incident.publicIncident.shortlink, ctx.notify)
}
