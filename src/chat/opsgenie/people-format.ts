// Replies of the people commands (genie me as, whoami, take), built from data only.

import { inert } from '../../util/inert'
import type { Attribution, UserInfo } from '../../alerting/types'
import { echo } from '../bounds'
import { formatDuration } from '../../util/duration'
import { utc } from './format'
import type { Identity } from './identity'

const named = (username: string, fullName?: string): string =>
  fullName && fullName !== username ? `${inert(username, 120)} (${inert(fullName, 120)})` : inert(username, 120)

/** What the alert log will show for acknowledge/close from chat, when it is not the person. */
export function tokenActorNote (service: string, attribution: Attribution): string {
  if (attribution.by === 'person') return ''
  const fix = attribution.remedy === 'integration-key' ? ' (set HUBOT_JSM_INTEGRATION_KEY to show yours)' : ''
  return `${service} shows the bot's API token account as the actor${fix}.`
}

export interface IdentitySet {
  chatName: string
  user: UserInfo
  service: string
  /** Whose name acknowledge (and close, notes) goes out under. */
  ack: Attribution
  /** The same for unacknowledge and snooze. */
  other: Attribution
}

export function formatIdentitySet ({ chatName, user, service, ack, other }: IdentitySet): string {
  const note = tokenActorNote(service, ack)
  const after = note
    ? ` Note: ${note}`
    : other.by === 'person'
      ? ' Your actions from chat will show that name.'
      : ` Acknowledge, close and notes from chat will show that name; for unacknowledge and snooze ${service} shows the bot's API token account.`
  return `OK ${chatName}, you are ${named(user.username, user.fullName)} in ${service}.${after}`
}

export function formatNoSuchUser (email: string, service: string, byAccount: boolean, prefix: string): string {
  const account = byAccount
    ? ` If your site hides email addresses, say ${prefix}genie me as account <accountId> (the id at the end of your Atlassian profile's address).`
    : ''
  return `${service} has no user ${email}. Nothing was stored; check the address you log in with.${account}`
}

/** The site hides emails: the search matched accounts but cannot show their addresses. `outcome`: what was not done. */
export function formatEmailsHidden (email: string, candidates: readonly UserInfo[], prefix: string, outcome = 'Nothing was stored.'): string {
  const shown = candidates.slice(0, 3).map(c => `${inert(c.fullName ?? c.username, 120)} (${prefix}genie me as account ${c.accountId ?? c.id})`)
  const more = candidates.length > 3 ? ` and ${candidates.length - 3} more` : ''
  return `The Atlassian site hides email addresses, so I cannot confirm which account is ${email}. ` +
    `It matched: ${shown.join('; ')}${more}. If one is you, say that command. ${outcome}`
}

export function formatNoSuchAccount (accountId: string, service: string): string {
  return `${service} has no account ${accountId}. Nothing was stored; copy the id from the end of your Atlassian profile's address.`
}

export interface WhoamiContext {
  service: string
  prefix: string
  /** When the identity was looked up again on this backend: the date it had been set. */
  reresolvedFrom?: string
  /** The name actions go out under instead, when the identity is only a claim. */
  unverifiedActor?: string
}

export function formatWhoami (
  identity: Identity, { service, prefix, reresolvedFrom, unverifiedActor }: WhoamiContext
): string {
  const how = reresolvedFrom
    ? `looked up again in ${service}: you had set it on ${reresolvedFrom}`
    : identity.verified === 'admin' ? 'recorded by an identity admin' : `set with ${prefix}genie me as`
  const account = identity.accountId ? `, account ${identity.accountId}` : ''
  if (unverifiedActor !== undefined) {
    return `You said you are ${named(identity.username, identity.fullName)} in ${service} (${how}${account}), ` +
      `but that is not verified, so it is not used: your actions go out as ${unverifiedActor}. ${verifyHint(prefix)}`
  }
  return `You are ${named(identity.username, identity.fullName)} in ${service} (${how}${account}).`
}

/** How an unverified claim gets verified. */
export const verifyHint = (prefix: string): string =>
  'To verify it, use a chat account whose email is that address, or ask an identity admin ' +
  `(HUBOT_OPSGENIE_IDENTITY_ADMINS) to say ${prefix}genie <your chat name> is <email>.`

/** An identity checked on another backend that this one does not know. */
export function formatStaleIdentity (identity: Identity, savedOn: string, service: string, prefix: string): string {
  return `You set ${identity.username} while the bot used ${savedOn}, and ${service} could not find that account. ` +
    `Say ${prefix}genie me as <email> (or ${prefix}genie me as account <accountId>) again.`
}

/** `whoami` with nothing stored: whose name actions go out under instead. */
export function formatWhoamiUnset (actor: { name: string, from: string }, service: string, prefix: string): string {
  const how = actor.from === 'chat email' ? 'the email your chat account gives' : `your chat name, which ${service} may not know`
  return `I have not been told who you are in ${service}. Your actions go out as ${actor.name} (${how}). Say ${prefix}genie me as <email> to set it.`
}

export const formatForgotten = (forgotten: boolean, service: string): string => (forgotten
  ? `Forgotten: I no longer know who you are in ${service}.`
  : 'I had nothing stored for you, so there is nothing to forget.')

export const formatNoSchedules = (service: string): string => `${service} has no schedules.`

/** A schedule name that matched none or several; `names`: the schedules to choose from. */
export const formatNoSchedule = (name: string, why: 'none' | 'ambiguous', names: string): string => (why === 'none'
  ? `There is no schedule called "${echo(name)}". Schedules: ${names}.`
  : `"${echo(name)}" matches several schedules: ${names}. Say which.`)

export const formatTakeWhoAreYou = (service: string, prefix: string): string =>
  `I don't know who you are in ${service}. Say ${prefix}genie me as <email> first; nobody was put on call.`

export const formatWhichSchedule = (durationMs: number, names: string, prefix: string): string =>
  `Which schedule? Say ${prefix}genie take <schedule> for ${formatDuration(durationMs)}, with one of: ${names}.`

/** A schedule override that was created: for whom, on which schedule, until when, and its alias. */
export interface Taken {
  username: string
  schedule: string
  end: number
  durationMs: number
  alias: string
}

export const formatTaken = ({ username, schedule, end, durationMs, alias }: Taken): string =>
  `You (${username}) are on call for ${schedule} from now until ${utc(end)} (${formatDuration(durationMs)}; override ${alias || 'created'}).`
