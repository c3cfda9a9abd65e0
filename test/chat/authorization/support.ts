// A role plugin shaped like hubot-auth's, and a watch on every HTTP request, so a test can say "no
// request was made" outright.
import nock from 'nock'

/**
 * Roles by chat user id, answered through hasRole(user, role) as hubot-auth does (it also reads the
 * user's roles from the brain by id; names play no part).
 */
export class RoleStore {
  readonly asked: Array<{ id: string, role: string }> = []
  constructor (private readonly roles: Record<string, string[]>) {}
  hasRole (user: { id: string }, role: string | string[]): boolean {
    const wanted = Array.isArray(role) ? role : [role]
    for (const r of wanted) this.asked.push({ id: String(user.id), role: r })
    return wanted.some(r => (this.roles[String(user.id)] ?? []).includes(r))
  }
}

/** Every request nock saw during the test (matched or not), as `METHOD host/path`. */
export function watchRequests (): { readonly seen: string[] } {
  const seen: string[] = []
  type Request = { method?: string, options?: { hostname?: string, host?: string, path?: string }, path?: string }
  const onRequest = (req: Request) => {
    seen.push(`${req.method ?? ''} ${req.options?.hostname ?? req.options?.host ?? ''}${req.options?.path ?? req.path ?? ''}`)
  }
  beforeEach(() => { seen.length = 0; nock.emitter.on('no match', onRequest) })
  afterEach(() => { nock.emitter.removeListener('no match', onRequest) })
  return { seen }
}
