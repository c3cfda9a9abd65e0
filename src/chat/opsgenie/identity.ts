// Who a chat user is in OpsGenie or JSM Operations, kept in robot.brain so it lasts wherever the
// brain is persisted. The mapping is by chat user id (names can change); the value is the username
// and, on JSM Operations, the Atlassian account id, with the backend it was checked against: an
// identity checked against one backend is looked up again on the other, never reused blindly.
//
// A claim is only a claim: anyone can type `genie me as dana@example.com`. An identity acts in the
// person's name (the `user` on actions, `genie take`) only when it is verified: the chat adapter
// gave the person's email and it is the claimed account, or an identity admin recorded it for them.
// Records stored before verification existed carry no `verified` and count as unverified claims.

import { defineStore } from '../../util/brain-store'
import type { HubotBrain, HubotUser } from '../hubot'

export const BRAIN_KEY = 'hubot-statuspage-opsgenie.identities'

export interface Identity {
  /** The OpsGenie username (an email address); on JSM the email, or the display name when the site hides it. */
  username: string
  fullName?: string
  /** The Atlassian account id (JSM Operations). */
  accountId?: string
  /** The backend it was checked against; identities stored before this field were checked on OpsGenie. */
  service?: string
  /** ISO time it was set. */
  setAt: string
  /**
   * How it was verified: the chat adapter's email is the claimed account, or an identity admin
   * recorded it. Absent: an unverified claim (also every record stored before this field).
   */
  verified?: 'chat email' | 'admin'
  /** The chat user id of the admin who recorded it. */
  recordedBy?: string
}

/** The backend an identity was checked against. */
export const checkedOn = (identity: Identity): string => identity.service ?? 'OpsGenie'

const optionalText = (value: unknown): boolean => value === undefined || typeof value === 'string'

/** The stored identity if it has the shape this version reads (version 0: before records had versions). */
function validIdentity (data: unknown, version: number): Identity | undefined {
  if (version > IDENTITY_VERSION || typeof data !== 'object' || data === null) return undefined
  const d = data as Record<string, unknown>
  if (typeof d.username !== 'string' || d.username === '' || typeof d.setAt !== 'string') return undefined
  if (!optionalText(d.fullName) || !optionalText(d.accountId) || !optionalText(d.service)) return undefined
  const { username, fullName, accountId, service, setAt, recordedBy } = d as unknown as Identity
  // Anything but a known verification reads as an unverified claim.
  const verified = d.verified === 'chat email' || d.verified === 'admin' ? d.verified : undefined
  return {
    username,
    setAt,
    ...(fullName ? { fullName } : {}),
    ...(accountId ? { accountId } : {}),
    ...(service ? { service } : {}),
    ...(verified ? { verified } : {}),
    ...(verified && typeof recordedBy === 'string' ? { recordedBy } : {})
  }
}

const IDENTITY_VERSION = 1
const timeOf = (identity: { setAt?: unknown }): number => {
  const at = typeof identity.setAt === 'string' ? Date.parse(identity.setAt) : NaN
  return Number.isFinite(at) ? at : 0
}

const identities = defineStore<Identity>({
  key: BRAIN_KEY,
  name: 'identities (genie me as)',
  version: IDENTITY_VERSION,
  bound: 10_000,
  validate: validIdentity,
  // Before versions: one object, chat user id to identity.
  legacy: (raw) => typeof raw === 'object' && raw !== null && !Array.isArray(raw)
    ? Object.entries(raw).map(([id, data]) => ({ id, at: timeOf(data as { setAt?: unknown }), data }))
    : undefined
})

export function getIdentity (brain: HubotBrain, userId: string): Identity | undefined {
  return identities.on(brain).get(userId)
}

/** `now`: the clock's time, used when the identity carries no readable `setAt`. */
export function setIdentity (brain: HubotBrain, userId: string, identity: Identity, now: number): void {
  identities.on(brain).put(userId, identity, timeOf(identity) || now)
}

/** True when there was something to forget. */
export function forgetIdentity (brain: HubotBrain, userId: string, now: number): boolean {
  return identities.on(brain).remove(userId, now)
}

/** The email the chat adapter gives for this person (Slack, classic Campfire), trimmed; '' when none. */
export function chatEmail (user: Pick<HubotUser, 'email_address'>): string {
  return typeof user.email_address === 'string' ? user.email_address.trim() : ''
}

const sameAddress = (a: string, b: string): boolean => a !== '' && a.toLowerCase() === b.toLowerCase()

/** Whether the chat adapter's email for this person is `address` (case-insensitive). */
export const chatEmailIs = (user: Pick<HubotUser, 'email_address'>, address: string): boolean =>
  sameAddress(chatEmail(user), address)

/**
 * The stored identity when it may act in the person's name, else undefined: verified when stored,
 * or (an old or unverified record) the chat adapter's email is now that very address.
 */
export function verifiedIdentity (brain: HubotBrain, user: Pick<HubotUser, 'id' | 'email_address'>): Identity | undefined {
  const identity = getIdentity(brain, String(user.id))
  if (!identity) return undefined
  return isVerified(identity, user) ? identity : undefined
}

export const isVerified = (identity: Identity, user: Pick<HubotUser, 'email_address'>): boolean =>
  identity.verified !== undefined || chatEmailIs(user, identity.username)

export type ActorSource = 'mapped' | 'chat email' | 'chat name'

/**
 * The `user` sent with every action so the alert log shows who acted from chat: the verified
 * identity (pass only one from verifiedIdentity), else the email the chat adapter knows, else the chat name.
 */
export function actorName (user: Pick<HubotUser, 'name' | 'email_address'>, identity: Identity | undefined): { name: string, from: ActorSource } {
  if (identity) return { name: identity.username, from: 'mapped' }
  const email = chatEmail(user)
  if (email) return { name: email, from: 'chat email' }
  return { name: String(user.name), from: 'chat name' }
}

/** The OpsGenie username to put on call (an override needs a real user; pass a verified identity), or undefined. */
export function scheduleUsername (user: Pick<HubotUser, 'email_address'>, identity: Identity | undefined): string | undefined {
  if (identity) return identity.username
  return chatEmail(user) || undefined
}
