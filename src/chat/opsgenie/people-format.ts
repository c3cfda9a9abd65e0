// Replies of the people commands (genie me as, whoami, take), built from data only.

import type { Attribution, UserInfo } from '../../alerting/types'
import type { Identity } from './identity'

const named = (username: string, fullName?: string): string =>
  fullName && fullName !== username ? `${username} (${fullName})` : username

/** What the alert log will show for acknowledge/close from chat, when it is not the person. */
export function tokenActorNote (service: string, attribution: Attribution): string {
  if (attribution.by === 'person') return ''
  const fix = attribution.remedy === 'integration-key' ? ' (set HUBOT_JSM_INTEGRATION_KEY to show yours)' : ''
  return `${service} shows the bot's API token account as the actor${fix}.`
}

/** `ack`: whose name acknowledge (and close, notes) goes out under; `other`: the same for unacknowledge and snooze. */
export function formatIdentitySet (
  chatName: string, user: UserInfo, service: string, ack: Attribution, other: Attribution
): string {
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

/** The site hides emails: the search matched accounts but cannot show their addresses. */
export function formatEmailsHidden (email: string, candidates: readonly UserInfo[], prefix: string): string {
  const shown = candidates.slice(0, 3).map(c => `${c.fullName ?? c.username} (${prefix}genie me as account ${c.accountId ?? c.id})`)
  const more = candidates.length > 3 ? ` and ${candidates.length - 3} more` : ''
  return `The Atlassian site hides email addresses, so I cannot confirm which account is ${email}. ` +
    `It matched: ${shown.join('; ')}${more}. If one is you, say that command. Nothing was stored.`
}

export function formatNoSuchAccount (accountId: string, service: string): string {
  return `${service} has no account ${accountId}. Nothing was stored; copy the id from the end of your Atlassian profile's address.`
}

export function formatWhoami (identity: Identity, service: string, prefix: string, reresolvedFrom?: string): string {
  const how = reresolvedFrom ? `looked up again in ${service}: you had set it on ${reresolvedFrom}` : `set with ${prefix}genie me as`
  const account = identity.accountId ? `, account ${identity.accountId}` : ''
  return `You are ${named(identity.username, identity.fullName)} in ${service} (${how}${account}).`
}

/** An identity checked on another backend that this one does not know. */
export function formatStaleIdentity (identity: Identity, savedOn: string, service: string, prefix: string): string {
  return `You set ${identity.username} while the bot used ${savedOn}, and ${service} could not find that account. ` +
    `Say ${prefix}genie me as <email> (or ${prefix}genie me as account <accountId>) again.`
}
