// What a JSM refusal (401/403) is about, from the request that was refused. A scoped API token
// holds separate grants: alert scopes for alerts, `read:ops-config` / `write:ops-config` for
// schedules, on-calls and overrides (a token lacking one gets 401 "scope does not match"); the Jira
// user API needs `read:jira-user` (and the account the "Browse users and groups" permission).
// The Integration Events API is refused for its GenieKey, not for the API token.

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
