// Replies about verifying who someone is (claims, admin records, a take refused for an unverified claim).

import { inert } from '../../util/inert'
import type { UserInfo } from '../../alerting/types'
import { echo } from '../bounds'
import { verifyHint } from './people-format'

const named = (user: UserInfo): string =>
  user.fullName && user.fullName !== user.username ? `${inert(user.username, 120)} (${inert(user.fullName, 120)})` : inert(user.username, 120)

export interface ClaimNoted {
  chatName: string
  user: UserInfo
  /** The chat account's email ('' when the adapter gives none). */
  email: string
  /** The name actions go out under until the claim is verified. */
  actor: string
  service: string
  prefix: string
}

/** A claim stored but not verified: shown, never used to act in that name. */
export function formatClaimNoted ({ chatName, user, email, actor, service, prefix }: ClaimNoted): string {
  const why = email
    ? `your chat account's email is ${email}, not that address`
    : 'your chat account gives me no email to check it against'
  return `Noted, ${echo(chatName)}: you say you are ${named(user)} in ${service}, but I cannot verify it (${why}). ` +
    `Until it is verified your actions go out as ${actor} and ${prefix}genie take will not put you on call. ` +
    verifyHint(prefix)
}

export const formatRecorded = (chatName: string, user: UserInfo, service: string): string =>
  `Recorded: ${echo(chatName)} is ${named(user)} in ${service} (verified by you). Their actions from chat will show that name.`

export const formatTakeUnverified = (username: string, service: string, prefix: string): string =>
  `You said you are ${username} in ${service}, but that is not verified, so I will not put it on call; ` +
  `nobody was put on call. ${verifyHint(prefix)}`
