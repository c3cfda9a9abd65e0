// Alert commands: status, ack/unack/close (some or all), close all + confirm, note, snooze.

import { actAndConfirm } from '../../../alerting/actions'
import type { BulkItem, Target } from '../../../alerting/bulk'
import { runClaimed } from '../../../alerting/bulk-lock'
import { labelOf, resolveAlerts } from '../../../alerting/resolve'
import type { AlertAction } from '../../../alerting/types'
import { uniqueTargets } from '../../../alerting/scheduler'
import { reportActivity } from '../../../http/activity'
import { isServiceError } from '../../../http/errors'
import {
  formatNoted, formatNotConfirmed, formatSnoozed, formatUnknownAlert, NOTHING_TO_ACK, NOTHING_TO_CLOSE
} from '../alerts-format'
import {
  formatBulk, formatCloseAllPrompt, formatJoined, formatSingle, formatStatus, formatTooManyIds, newestFirst, VERBS,
  type FilterWords
} from '../format'
import { actorOf, confirmOptions, type GenieContext } from '../context'
import { tokenActorNote } from '../people-format'

/** The reply, and once, when anything may have reached the backend, whose name its log shows if not the person's. */
function withAttribution (ctx: GenieContext, name: AlertAction['name'], reply: string, outcomes: ReadonlyArray<BulkItem['outcome']>): string {
  if (!outcomes.some(o => o.state !== 'failed')) return reply
  const note = tokenActorNote(ctx.backend().service, ctx.backend().attribution(name))
  return note ? `${reply}\n${note}` : reply
}

/**
 * When every item was refused for the same reason as the key itself (401, or 403 such as code
 * 40301 "use an API integration key"), one sentence about the key helps more than N lines.
 */
export function throwIfKeyRefusedEverywhere (items: readonly BulkItem[]): void {
  // Only refusals count: an action that was accepted and then could not be checked is not refused.
  const errors = items.map(i => (i.outcome.state === 'failed' ? i.outcome.error : undefined))
  const first = errors[0]
  if (!isServiceError(first) || !['auth', 'forbidden'].includes(first.kind)) return
  if (errors.every(e => isServiceError(e) && e.kind === first.kind && e.code === first.code)) throw first
}

type BulkName = 'acknowledge' | 'unacknowledge' | 'close'

/** Time kept back from the command's deadline to put the bulk reply together. */
const BULK_REPLY_MARGIN_MS = 500

/**
 * Acts on the targets this command does not share with another one still running (or finished
 * since `listedAt`); for the shared ones it reports the other command's result: never two actions.
 */
export interface BulkRequest {
  name: BulkName
  targets: Target[]
  /** The ids asked for that match no alert, reported with the result. */
  unknown: string[]
  /** The command as people typed it (`genie ack`), for whoever joins this run. */
  what: string
  /** When the targets were listed. */
  listedAt: number
  /** The filter that chose them (genie ack P1), repeated in the count. */
  filter?: FilterWords
}

export async function bulk (ctx: GenieContext, request: BulkRequest): Promise<string> {
  const { name, unknown, what, listedAt, filter } = request
  let { targets } = request
  // An alert listed twice (offset paging, or typed twice) is one target: acted on and counted once.
  targets = uniqueTargets(targets)
  const backend = ctx.backend()
  reportActivity({ kind: 'bulk', verb: VERBS[name].doing, count: targets.length })
  const options = {
    concurrency: ctx.settings.concurrency,
    confirm: confirmOptions(ctx),
    // A little before the command's deadline, so the reply is ready by then.
    deadline: ctx.deadline === undefined ? undefined : ctx.deadline - BULK_REPLY_MARGIN_MS
  }
  const run = { who: String(ctx.user.name), what, startedAt: listedAt }
  const job = { backend, targets, action: { name }, actor: actorOf(ctx), run }
  const { items, own, joined } = await runClaimed(ctx.claims, job, options)
  throwIfKeyRefusedEverywhere(own)
  const { confirmTimeoutMs } = ctx.settings
  const report = formatBulk(items, { service: backend.service, words: VERBS[name], unknown, confirmTimeoutMs, filter })
  const reply = joined.length === 0 ? report : `${formatJoined(joined, ctx.now())}\n${report}`
  return withAttribution(ctx, name, reply, own.map(i => i.outcome))
}

export async function status (ctx: GenieContext): Promise<string> {
  const backend = ctx.backend()
  return formatStatus(backend.service, await backend.listAlerts({ status: 'open' }), ctx.now())
}

export async function ackAll (ctx: GenieContext): Promise<string> {
  const listedAt = ctx.now()
  const alerts = newestFirst(await ctx.backend().listAlerts({ status: 'open', acknowledged: false }))
  if (alerts.length === 0) return NOTHING_TO_ACK
  const targets = alerts.map(a => ({ alertId: a.id, label: labelOf(a) }))
  return bulk(ctx, { name: 'acknowledge', targets, unknown: [], what: 'genie ack', listedAt })
}

const COMMAND_WORDS: Record<BulkName, string> = { acknowledge: 'ack', unacknowledge: 'unack', close: 'close' }

export async function actOnIds (ctx: GenieContext, name: 'acknowledge' | 'unacknowledge' | 'close', ids: string[]): Promise<string> {
  // Bounded before any call: each id is a lookup, an action and a confirmation on everyone's rate budget.
  const distinct = [...new Set(ids)]
  const { maxIds } = ctx.settings
  if (distinct.length > maxIds) return formatTooManyIds(distinct.length, maxIds, VERBS[name], ctx.prefix)
  const listedAt = ctx.now()
  const { targets, unknown } = await resolveAlerts(ctx.backend(), distinct, ctx.settings.concurrency)
  return bulk(ctx, { name, targets, unknown, what: `genie ${COMMAND_WORDS[name]}`, listedAt })
}

export async function closeAll (ctx: GenieContext): Promise<string> {
  const alerts = newestFirst(await ctx.backend().listAlerts({ status: 'open' }))
  if (alerts.length === 0) return NOTHING_TO_CLOSE
  const targets = alerts.map(a => ({ alertId: a.id, label: labelOf(a) }))
  const pending = ctx.closeAll.hold(ctx.room, ctx.user.id, { targets }, ctx.settings.closeAllTtlMs)
  const prompt = { code: pending.code, prefix: ctx.prefix, ttlMs: ctx.settings.closeAllTtlMs }
  return formatCloseAllPrompt(targets.map(t => t.label), prompt)
}

export async function confirmCloseAll (ctx: GenieContext, code: string): Promise<string> {
  const taken = ctx.closeAll.take(ctx.room, ctx.user.id, code)
  if (!taken.ok) return formatNotConfirmed(taken.why, ctx.settings.closeAllTtlMs)
  const { targets, heldAt, filter, what } = taken.held
  return bulk(ctx, { name: 'close', targets, unknown: [], what: what ?? 'genie close all', listedAt: heldAt, filter })
}

async function single (
  ctx: GenieContext, id: string, action: AlertAction, done: (label: string) => string
): Promise<string> {
  const { targets, unknown } = await resolveAlerts(ctx.backend(), [id], ctx.settings.concurrency)
  if (targets.length === 0) return formatUnknownAlert(unknown[0])
  return singleOn(ctx, targets[0], action, done)
}

/** One action on one alert already found, confirmed, in one reply. */
export async function singleOn (
  ctx: GenieContext, target: Target, action: AlertAction, done: (label: string) => string
): Promise<string> {
  const backend = ctx.backend()
  const single = { alertId: target.alertId, action, actor: actorOf(ctx) }
  const outcome = await actAndConfirm(backend, single, confirmOptions(ctx))
  throwIfKeyRefusedEverywhere([{ target, outcome }])
  const { confirmTimeoutMs } = ctx.settings
  const { label } = target
  const reply = formatSingle(outcome, { service: backend.service, label, doneSentence: done(label), confirmTimeoutMs })
  return withAttribution(ctx, action.name, reply, [outcome])
}

export function note (ctx: GenieContext, id: string, text: string): Promise<string> {
  return single(ctx, id, { name: 'note', note: text }, label => formatNoted(label, ctx.service))
}

export function snooze (ctx: GenieContext, id: string, durationMs: number): Promise<string> {
  const until = ctx.now() + durationMs
  return single(ctx, id, { name: 'snooze', endTime: new Date(until).toISOString() },
    label => formatSnoozed(label, durationMs, until, ctx.service))
}
