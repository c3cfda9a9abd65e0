// People on JSM Operations are Atlassian accounts, and JSM Operations has no user endpoint: the
// Jira platform REST API of the same site maps an email to an account and an account to a name
// (same Basic credentials, email:API token):
//   GET https://<site>.atlassian.net/rest/api/3/user/search?query=<email> → [{accountId, displayName, emailAddress?, active}]
//   GET https://<site>.atlassian.net/rest/api/3/user?accountId=<id>       → {accountId, displayName, emailAddress?}
// Profile privacy can hide `emailAddress`: then a match cannot be confirmed by its address.
// Display names are cached (bounded, with a time to live) across commands: on-call answers name
// the same few people again and again.

import type { HttpClient } from '../../http/client'
import { NotFoundError } from '../../http/errors'
import { TtlCache } from '../ttl-cache'
import type { UserInfo, UserLookup } from '../types'

const USER_SEARCH_PATH = '/rest/api/3/user/search'
const USER_PATH = '/rest/api/3/user'

interface RawJiraUser {
  accountId?: unknown
  displayName?: unknown
  emailAddress?: unknown
  active?: unknown
  accountType?: unknown
}

/** Display names by site and account id, kept by the robot's runtime across commands. */
export type JiraNames = TtlCache<string>

/** 1,000 people at most, each for an hour. */
export const jiraNames = (now: () => number): JiraNames => new TtlCache<string>(1_000, 60 * 60_000, now)

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined)

function toUser (raw: RawJiraUser): UserInfo | undefined {
  const accountId = str(raw?.accountId)
  if (!accountId) return undefined
  const fullName = str(raw.displayName)
  const email = str(raw.emailAddress)
  return { id: accountId, accountId, username: email ?? fullName ?? accountId, fullName }
}

export interface JiraUsers {
  byEmail(email: string): Promise<UserLookup>
  byAccountId(accountId: string): Promise<UserInfo | undefined>
  /** The display name for an account, from the cache or the site; the id itself if the site cannot say. */
  displayName(accountId: string): Promise<string>
}

export function createJiraUsers (http: HttpClient, site: string, names: JiraNames): JiraUsers {
  const remember = (user: UserInfo): UserInfo => {
    if (user.fullName && user.accountId) names.set(`${site}\n${user.accountId}`, user.fullName)
    return user
  }

  const inflight = new Map<string, Promise<string>>()

  const byAccountId = async (accountId: string): Promise<UserInfo | undefined> => {
    try {
      const user = toUser(await http.get<RawJiraUser>(USER_PATH, { accountId }))
      return user ? remember(user) : undefined
    } catch (err) {
      if (err instanceof NotFoundError) return undefined
      throw err
    }
  }

  return {
    byEmail: async (email) => {
      const body = await http.get<RawJiraUser[]>(USER_SEARCH_PATH, { query: email })
      const people = (Array.isArray(body) ? body : [])
        .filter(u => u && u.active !== false && (u.accountType === undefined || u.accountType === 'atlassian'))
        .map(toUser).filter((u): u is UserInfo => u !== undefined).map(remember)
      const wanted = email.trim().toLowerCase()
      const exact = people.find(u => u.username.toLowerCase() === wanted)
      if (exact) return { kind: 'found', user: exact }
      // Matched, but no address shown to compare: the site hides emails.
      const hidden = people.filter(u => !u.username.includes('@'))
      return hidden.length > 0 ? { kind: 'hidden', candidates: hidden } : { kind: 'none' }
    },
    byAccountId,
    displayName: async (accountId) => {
      const cached = names.get(`${site}\n${accountId}`)
      if (cached) return cached
      // One person on call in several schedules is asked for once.
      let pending = inflight.get(accountId)
      if (!pending) {
        pending = byAccountId(accountId).then(user => user?.fullName ?? accountId, () => accountId)
        inflight.set(accountId, pending)
      }
      // A failed lookup gives the account id: a name is a nicety, the on-call answer still stands.
      return await pending
    }
  }
}
