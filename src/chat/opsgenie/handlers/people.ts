// People commands: who I am in OpsGenie / JSM Operations, who is on call, and putting myself on call.

import { mapSettled } from '../../../util/async'
import { isServiceError } from '../../../http/errors'
import { describeError } from '../../describe-error'
import type { GenieContext } from '../context'
import { formatOnCall, type OnCallRow } from '../format'
import type { UserInfo } from '../../../alerting/types'
import { actorName, checkedOn, forgetIdentity, getIdentity, scheduleUsername, setIdentity, type Identity } from '../identity'
import {
  formatEmailsHidden, formatForgotten, formatIdentitySet, formatNoSchedule, formatNoSchedules, formatNoSuchAccount,
  formatNoSuchUser, formatStaleIdentity, formatTaken, formatTakeWhoAreYou, formatWhichSchedule, formatWhoami,
  formatWhoamiUnset
} from '../people-format'
import { pickSchedule, scheduleNames } from '../schedules'

function remember (ctx: GenieContext, user: UserInfo): Identity {
  const identity: Identity = {
    username: user.username,
    fullName: user.fullName,
    ...(user.accountId ? { accountId: user.accountId } : {}),
    service: ctx.backend().service,
    setAt: new Date(ctx.now()).toISOString()
  }
  setIdentity(ctx.brain, ctx.user.id, identity)
  return identity
}

export async function meAs (ctx: GenieContext, email: string): Promise<string> {
  const backend = ctx.backend()
  const found = await backend.findUser({ email })
  if (found.kind === 'none') return formatNoSuchUser(email, backend.service, backend.peopleBy === 'accountId', ctx.prefix)
  if (found.kind === 'hidden') return formatEmailsHidden(email, found.candidates, ctx.prefix)
  remember(ctx, found.user)
  return formatIdentitySet(ctx.user.name, found.user, backend.service, backend.attribution('acknowledge'), backend.attribution('snooze'))
}

export async function meAsAccount (ctx: GenieContext, accountId: string): Promise<string> {
  const backend = ctx.backend()
  const found = await backend.findUser({ id: accountId })
  if (found.kind !== 'found') return formatNoSuchAccount(accountId, backend.service)
  remember(ctx, found.user)
  return formatIdentitySet(ctx.user.name, found.user, backend.service, backend.attribution('acknowledge'), backend.attribution('snooze'))
}

type Current = { identity?: Identity, reresolvedFrom?: string } | { stale: string }

/**
 * The stored identity, valid for the backend in use: one checked on another backend (OpsGenie
 * before the move to JSM Operations) is looked up again by its address, and stored anew if found.
 */
async function currentIdentity (ctx: GenieContext): Promise<Current> {
  const identity = getIdentity(ctx.brain, ctx.user.id)
  if (!identity) return {}
  const savedOn = checkedOn(identity)
  if (savedOn === ctx.service) return { identity }
  const found = identity.username.includes('@') ? await ctx.backend().findUser({ email: identity.username }) : { kind: 'none' as const }
  if (found.kind !== 'found') return { stale: formatStaleIdentity(identity, savedOn, ctx.service, ctx.prefix) }
  return { identity: remember(ctx, found.user), reresolvedFrom: savedOn }
}

export async function whoami (ctx: GenieContext): Promise<string> {
  const current = await currentIdentity(ctx)
  if ('stale' in current) return current.stale
  if (current.identity) return formatWhoami(current.identity, ctx.service, ctx.prefix, current.reresolvedFrom)
  return formatWhoamiUnset(actorName(ctx.user, undefined), ctx.service, ctx.prefix)
}

export function forgetMe (ctx: GenieContext): string {
  return formatForgotten(forgetIdentity(ctx.brain, ctx.user.id), ctx.service)
}

export async function onCall (ctx: GenieContext, name?: string): Promise<string> {
  const backend = ctx.backend()
  const schedules = await backend.listSchedules()
  if (schedules.length === 0) return formatNoSchedules(backend.service)
  let chosen = schedules
  if (name) {
    const pick = pickSchedule(schedules, name)
    if (!pick.ok) return formatNoSchedule(name, pick.why, scheduleNames(pick.candidates))
    chosen = [pick.schedule]
  }
  const settled = await mapSettled(chosen, ctx.settings.concurrency, s => backend.onCall(s.id))
  const errors = settled.map(s => (s.ok ? undefined : s.error))
  const first = errors[0]
  // The same refusal everywhere is about the key, not a schedule: say it once.
  if (isServiceError(first) && errors.every(e => isServiceError(e) && e.kind === first.kind)) throw first
  const rows: OnCallRow[] = settled.map(s => (s.ok ? { schedule: s.item, recipients: s.value } : { schedule: s.item, error: describeError(s.error, { prefix: ctx.prefix, now: ctx.now() }).replace(/\.$/, '') }))
  return formatOnCall(rows, name)
}

/** Who to put on call: the stored identity (checked on this backend), else the chat email; undefined or why not. */
type OnCallPerson = { username: string, accountId?: string } | string | undefined

async function onCallPerson (ctx: GenieContext): Promise<OnCallPerson> {
  const current = await currentIdentity(ctx)
  if ('stale' in current) return current.stale
  const username = scheduleUsername(ctx.user, current.identity)
  if (!username) return undefined
  if (ctx.backend().peopleBy === 'username' || current.identity?.accountId) return { username, accountId: current.identity?.accountId }
  // Keyed by account: find the chat email's account.
  const found = await ctx.backend().findUser({ email: username })
  if (found.kind === 'found') return { username: found.user.username, accountId: found.user.accountId }
  if (found.kind === 'hidden') return formatEmailsHidden(username, found.candidates, ctx.prefix, 'Nobody was put on call.')
  return undefined
}

export async function take (ctx: GenieContext, name: string | undefined, durationMs: number): Promise<string> {
  const person = await onCallPerson(ctx)
  if (typeof person === 'string') return person
  if (!person) return formatTakeWhoAreYou(ctx.service, ctx.prefix)
  const { username, accountId } = person
  const backend = ctx.backend()
  const schedules = await backend.listSchedules()
  if (schedules.length === 0) return formatNoSchedules(backend.service)
  let schedule = schedules[0]
  if (name) {
    const pick = pickSchedule(schedules, name)
    if (!pick.ok) return formatNoSchedule(name, pick.why, scheduleNames(pick.candidates))
    schedule = pick.schedule
  } else if (schedules.length > 1) {
    return formatWhichSchedule(durationMs, scheduleNames(schedules), ctx.prefix)
  }
  const start = ctx.now()
  const end = start + durationMs
  const alias = await backend.createOverride({
    scheduleId: schedule.id,
    username,
    accountId,
    startDate: new Date(start).toISOString(),
    endDate: new Date(end).toISOString()
  })
  return formatTaken({ username, schedule: schedule.name, end, durationMs, alias })
}
