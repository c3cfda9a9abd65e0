// What a JSM refusal (401/403) is about, from the request that was refused. A scoped API token
// holds separate grants: alert scopes for alerts, `read:ops-config` / `write:ops-config` for
// schedules, on-calls and overrides (a token lacking one gets 401 "scope does not match"); the Jira
// user API needs `read:jira-user` (and the account the "Browse users and groups" permission).
// The Integration Events API is refused for its GenieKey, not for the API token.

import type { Refusal } from '../../http/service'

export type JsmRefusedFor =
  | { kind: 'integration-key' }
  | { kind: 'token', scope: string, what: string }

export function jsmRefusedFor (method: string, path: string): JsmRefusedFor {
  if (path.startsWith('/jsm/ops/integration/')) return { kind: 'integration-key' }
  if (path.startsWith('/rest/api/3/user')) return { kind: 'token', scope: 'read:jira-user', what: 'looking people up on the Jira site needs it' }
  const write = method.toUpperCase() !== 'GET'
  if (path.startsWith('/schedules')) {
    return write
      ? { kind: 'token', scope: 'write:ops-config', what: 'genie take (schedule overrides) needs it' }
      : { kind: 'token', scope: 'read:ops-config', what: 'schedules and on-call need it' }
  }
  return write
    ? { kind: 'token', scope: 'write:ops-alert', what: 'acting on alerts needs it' }
    : { kind: 'token', scope: 'read:ops-alert', what: 'listing alerts needs it' }
}

/** Whether JSM's own words say the token lacks a scope (`{message}` or `{errors: [{title}]}` bodies alike). */
export const saysScope = (apiMessage: string | undefined): boolean => /scope/i.test(apiMessage ?? '')

/**
 * A JSM refusal names what is missing: the scope or permission for what was asked (from the
 * request and JSM's own words), or the integration key. Nothing was changed: the request was refused.
 */
export function explainJsmRefusal (refusal: Refusal): string {
  const about = jsmRefusedFor(refusal.method, refusal.path)
  const status = refusal.status ?? (refusal.kind === 'auth' ? 401 : 403)
  const reason = refusal.apiMessage ? ` (JSM Operations says: ${refusal.apiMessage})` : ''
  if (about.kind === 'integration-key') {
    return `JSM Operations rejected the integration key (${status})${reason}. Check HUBOT_JSM_INTEGRATION_KEY: it must be the API key of an API integration in JSM Operations, enabled. Nothing was changed.`
  }
  if (status === 403 || saysScope(refusal.apiMessage)) {
    return `JSM refused (${status}): the API token lacks the scope ${about.scope} (${about.what}), or its account lacks the permission${reason}. ` +
      'Grant it to the token (or use a token without scopes) in HUBOT_JSM_API_TOKEN. Nothing was changed.'
  }
  return `JSM Operations rejected the credentials (401)${reason}. Check HUBOT_JSM_EMAIL and HUBOT_JSM_API_TOKEN ` +
    `(a scoped token also needs ${about.scope}: ${about.what}). Nothing was changed.`
}
