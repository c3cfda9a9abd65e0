// Who a chat user is in OpsGenie or JSM Operations, kept in robot.brain so it lasts wherever the
// brain is persisted. The mapping is by chat user id (names can change); the value is the username
// and, on JSM Operations, the Atlassian account id, with the backend it was checked against: an
// identity checked against one backend is looked up again on the other, never reused blindly.

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
}

/** The backend an identity was checked against. */
export const checkedOn = (identity: Identity): string => identity.service ?? 'OpsGenie'

type Identities = Record<string, Identity>

function all (brain: HubotBrain): Identities {
  const value = brain.get(BRAIN_KEY)
  return value && typeof value === 'object' ? value as Identities : {}
}

export function getIdentity (brain: HubotBrain, userId: string): Identity | undefined {
  return all(brain)[userId]
}

export function setIdentity (brain: HubotBrain, userId: string, identity: Identity): void {
  // A new object each time, so brains that compare or serialise on set see the change.
  brain.set(BRAIN_KEY, { ...all(brain), [userId]: identity })
}

/** Resolves true when there was something to forget. */
export function forgetIdentity (brain: HubotBrain, userId: string): boolean {
  const current = all(brain)
  if (!(userId in current)) return false
  const { [userId]: _gone, ...rest } = current
  brain.set(BRAIN_KEY, rest)
  return true
}

export type ActorSource = 'mapped' | 'chat email' | 'chat name'

/**
 * The `user` sent with every action so the alert log shows who acted from chat: the mapped
 * OpsGenie username, else the email the chat adapter knows, else the chat name.
 */
export function actorName (user: Pick<HubotUser, 'name' | 'email_address'>, identity: Identity | undefined): { name: string, from: ActorSource } {
  if (identity) return { name: identity.username, from: 'mapped' }
  const email = typeof user.email_address === 'string' ? user.email_address.trim() : ''
  if (email) return { name: email, from: 'chat email' }
  return { name: String(user.name), from: 'chat name' }
}

/** The OpsGenie username to put on call (an override needs a real user), or undefined. */
export function scheduleUsername (user: Pick<HubotUser, 'email_address'>, identity: Identity | undefined): string | undefined {
  if (identity) return identity.username
  const email = typeof user.email_address === 'string' ? user.email_address.trim() : ''
  return email || undefined
}
