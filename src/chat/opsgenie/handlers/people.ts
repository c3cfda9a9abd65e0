// People commands: who I am in OpsGenie, who is on call, and putting myself on call.

import { mapSettled } from '../../../util/async'
import { isServiceError } from '../../../http/errors'
import { describeError } from '../../describe-error'
import { echo } from '../../bounds'
import type { GenieContext } from '../context'
import { formatDuration } from '../duration'
import { formatOnCall, utc, type OnCallRow } from '../format'
import { actorName, forgetIdentity, getIdentity, scheduleUsername, setIdentity } from '../identity'
import { pickSchedule, scheduleNames } from '../schedules'

export async function meAs (ctx: GenieContext, email: string): Promise<string> {
  const backend = ctx.backend()
  const found = await backend.findUser(email)
  if (!found) return `${backend.service} has no user ${echo(email)}. Nothing was stored; check the address you log in with.`
  setIdentity(ctx.brain, ctx.user.id, { username: found.username, fullName: found.fullName, setAt: new Date(ctx.now()).toISOString() })
  const full = found.fullName ? ` (${found.fullName})` : ''
  return `OK ${ctx.user.name}, you are ${found.username}${full} in ${backend.service}. Your actions from chat will show that name.`
}

export function whoami (ctx: GenieContext): string {
  const identity = getIdentity(ctx.brain, ctx.user.id)
  if (identity) return `You are ${identity.username}${identity.fullName ? ` (${identity.fullName})` : ''} in ${ctx.service} (set with ${ctx.prefix}genie me as).`
  const actor = actorName(ctx.user, undefined)
  const how = actor.from === 'chat email' ? 'the email your chat account gives' : `your chat name, which ${ctx.service} may not know`
  return `I have not been told who you are in ${ctx.service}. Your actions go out as ${actor.name} (${how}). Say ${ctx.prefix}genie me as <email> to set it.`
}

export function forgetMe (ctx: GenieContext): string {
  return forgetIdentity(ctx.brain, ctx.user.id)
    ? `Forgotten: I no longer know who you are in ${ctx.service}.`
    : 'I had nothing stored for you, so there is nothing to forget.'
}

export async function onCall (ctx: GenieContext, name?: string): Promise<string> {
  const backend = ctx.backend()
  const schedules = await backend.listSchedules()
  if (schedules.length === 0) return `${backend.service} has no schedules.`
  let chosen = schedules
  if (name) {
    const pick = pickSchedule(schedules, name)
    if (!pick.ok) return noSchedule(name, pick.why, pick.candidates)
    chosen = [pick.schedule]
  }
  const settled = await mapSettled(chosen, ctx.settings.concurrency, s => backend.onCall(s.id))
  const errors = settled.map(s => (s.ok ? undefined : s.error))
  const first = errors[0]
  // The same refusal everywhere is about the key, not a schedule: say it once.
  if (isServiceError(first) && errors.every(e => isServiceError(e) && e.kind === first.kind)) throw first
  const rows: OnCallRow[] = settled.map(s => (s.ok ? { schedule: s.item, recipients: s.value } : { schedule: s.item, error: describeError(s.error, [], { prefix: ctx.prefix }).replace(/\.$/, '') }))
  return formatOnCall(rows, name)
}

function noSchedule (name: string, why: 'none' | 'ambiguous', candidates: Parameters<typeof scheduleNames>[0]): string {
  return why === 'none'
    ? `There is no schedule called "${echo(name)}". Schedules: ${scheduleNames(candidates)}.`
    : `"${echo(name)}" matches several schedules: ${scheduleNames(candidates)}. Say which.`
}

export async function take (ctx: GenieContext, name: string | undefined, durationMs: number): Promise<string> {
  const username = scheduleUsername(ctx.user, getIdentity(ctx.brain, ctx.user.id))
  if (!username) return `I don't know who you are in ${ctx.service}. Say ${ctx.prefix}genie me as <email> first; nobody was put on call.`
  const backend = ctx.backend()
  const schedules = await backend.listSchedules()
  if (schedules.length === 0) return `${backend.service} has no schedules.`
  let schedule = schedules[0]
  if (name) {
    const pick = pickSchedule(schedules, name)
    if (!pick.ok) return noSchedule(name, pick.why, pick.candidates)
    schedule = pick.schedule
  } else if (schedules.length > 1) {
    return `Which schedule? Say ${ctx.prefix}genie take <schedule> for ${formatDuration(durationMs)}, with one of: ${scheduleNames(schedules)}.`
  }
  const start = ctx.now()
  const end = start + durationMs
  const alias = await backend.createOverride({
    scheduleId: schedule.id,
    username,
    startDate: new Date(start).toISOString(),
    endDate: new Date(end).toISOString()
  })
  return `You (${username}) are on call for ${schedule.name} from now until ${utc(end)} (${formatDuration(durationMs)}; override ${alias || 'created'}).`
}
