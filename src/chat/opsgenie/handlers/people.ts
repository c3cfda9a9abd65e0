// People commands: who I am in OpsGenie / JSM Operations, who is on call, and putting myself on call.

import { mapSettled } from '../../../util/async'
import { isServiceError } from '../../../http/errors'
import { describeError } from '../../describe-error'
import type { GenieContext } from '../context'
import { formatOnCall, type OnCallRow } from '../format'
import type { UserInfo } from '../../../alerting/types'
import {
  actorName, chatEmail, chatEmailIs, checkedOn, forgetIdentity, getIdentity, isVerified, scheduleUsername, setIdentity,
  type Identity
} from '../identity'
import {
  formatEmailsHidden, formatForgotten, formatIdentitySet, formatNoSchedule, formatNoSchedules, formatNoSuchAccount,
  formatNoSuchUser, formatStaleIdentity, formatTaken, formatTakeWhoAreYou, formatWhichSchedule, formatWhoami,
  formatWhoamiUnset
} from '../people-format'
import { formatClaimNoted, formatRecorded, formatTakeUnverified } from '../identity-format'
import { pickSchedule, scheduleNames } from '../schedules'

type Verification = Pick<Identity, 'verified' | 'recordedBy'>

/**
 * Who is who is on the audit trail (`genie log`) like a write to the service: for which chat user,
 * which account, and whether it is verified (and how) or only a claim. The entry's author is who typed it.
 */
function auditIdentity (ctx: GenieContext, of: { id: unknown, name: unknown }, action: string): void {
  ctx.audit?.add(ctx.service, { id: String(of.id), name: String(of.name), action, outcome: 'done' })
}

const identityAction = (identity: Identity): string =>
  `identity ${identity.username} (${identity.verified ? `verified: ${identity.verified}` : 'claim, unverified'})`

function remember (ctx: GenieContext, user: UserInfo, how: Verification, userId = String(ctx.user.id)): Identity {
  const identity: Identity = {
    username: user.username,
    fullName: user.fullName,
    ...(user.accountId ? { accountId: user.accountId } : {}),
    service: ctx.backend().service,
    setAt: new Date(ctx.now()).toISOString(),
    ...(how.verified ? { verified: how.verified } : {}),
    ...(how.recordedBy ? { recordedBy: how.recordedBy } : {})
  }
  setIdentity(ctx.brain, userId, identity, ctx.now())
  return identity
}

/** The reply once a claim is stored: confirmed (it acts in your name) or only noted (it does not). */
function claimReply (ctx: GenieContext, user: UserInfo, identity: Identity): string {
  const backend = ctx.backend()
  if (identity.verified) {
    return formatIdentitySet({
      chatName: ctx.user.name, user, service: backend.service, ack: backend.attribution('acknowledge'), other: backend.attribution('snooze')
    })
  }
  const actor = actorName(ctx.user, undefined).name
  return formatClaimNoted({
    chatName: ctx.user.name, user, email: chatEmail(ctx.user), actor, service: backend.service, prefix: ctx.prefix
  })
}

export async function meAs (ctx: GenieContext, email: string): Promise<string> {
  const backend = ctx.backend()
  const found = await backend.findUser({ email })
  if (found.kind === 'none') return formatNoSuchUser(email, backend.service, backend.peopleBy === 'accountId', ctx.prefix)
  if (found.kind === 'hidden') return formatEmailsHidden(email, found.candidates, ctx.prefix)
  // Verified only when the chat adapter vouches for the address: the account is the one that email resolves to.
  const identity = remember(ctx, found.user, chatEmailIs(ctx.user, email) ? { verified: 'chat email' } : {})
  auditIdentity(ctx, ctx.user, identityAction(identity))
  return claimReply(ctx, found.user, identity)
}

export async function meAsAccount (ctx: GenieContext, accountId: string): Promise<string> {
  const backend = ctx.backend()
  const found = await backend.findUser({ id: accountId })
  if (found.kind !== 'found') return formatNoSuchAccount(accountId, backend.service)
  // Verified only when the chat adapter's email resolves to this very account.
  const email = chatEmail(ctx.user)
  const mine = email ? await backend.findUser({ email }) : undefined
  // A site that hides emails still finds the account by it: one match, and it is this account.
  const resolved = mine?.kind === 'found'
    ? mine.user
    : mine?.kind === 'hidden' && mine.candidates.length === 1 ? mine.candidates[0] : undefined
  const verified = resolved?.accountId !== undefined && resolved.accountId === found.user.accountId
  const identity = remember(ctx, found.user, verified ? { verified: 'chat email' } : {})
  auditIdentity(ctx, ctx.user, identityAction(identity))
  return claimReply(ctx, found.user, identity)
}

/** `genie <chat user> is <email>`: an identity admin records a verified identity for someone else. */
export async function recordFor (ctx: GenieContext, who: string, email: string): Promise<string> {
  const backend = ctx.backend()
  if (!ctx.mayRecordIdentities || !(await ctx.mayRecordIdentities())) {
    return 'Only identity admins (HUBOT_OPSGENIE_IDENTITY_ADMINS) may record who someone else is. Nothing was stored.'
  }
  const person = ctx.chatUser?.(who)
  if (!person) return `I know no chat user called ${who}. Nothing was stored; give their chat name or id as the bot sees it.`
  const found = await backend.findUser({ email })
  if (found.kind === 'none') return formatNoSuchUser(email, backend.service, false, ctx.prefix)
  if (found.kind === 'hidden') return formatEmailsHidden(email, found.candidates, ctx.prefix)
  const identity = remember(ctx, found.user, { verified: 'admin', recordedBy: String(ctx.user.id) }, String(person.id))
  auditIdentity(ctx, person, identityAction(identity))
  return formatRecorded(String(person.name), found.user, backend.service)
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
  const how = isVerified(identity, ctx.user) ? { verified: identity.verified ?? 'chat email', recordedBy: identity.recordedBy } : {}
  return { identity: remember(ctx, found.user, how), reresolvedFrom: savedOn }
}

export async function whoami (ctx: GenieContext): Promise<string> {
  const current = await currentIdentity(ctx)
  if ('stale' in current) return current.stale
  if (current.identity) {
    const verified = isVerified(current.identity, ctx.user)
    const actor = verified ? undefined : actorName(ctx.user, undefined).name
    return formatWhoami(current.identity, {
      service: ctx.service, prefix: ctx.prefix, reresolvedFrom: current.reresolvedFrom, unverifiedActor: actor
    })
  }
  return formatWhoamiUnset(actorName(ctx.user, undefined), ctx.service, ctx.prefix)
}

export function forgetMe (ctx: GenieContext): string {
  const forgotten = forgetIdentity(ctx.brain, ctx.user.id, ctx.now())
  if (forgotten) auditIdentity(ctx, ctx.user, 'forget identity')
  return formatForgotten(forgotten, ctx.service)
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
  // A claim nobody confirmed never puts anyone on call, not even the chat email instead of it.
  if (current.identity && !isVerified(current.identity, ctx.user)) {
    return formatTakeUnverified(current.identity.username, ctx.service, ctx.prefix)
  }
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
