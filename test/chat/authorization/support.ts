// A robot per test on a given Hubot version, plus a role plugin shaped like hubot-auth's, and a
// watch on every HTTP request, so a test can say "no request was made" outright.
import nock from 'nock'
import { startBot, type HubotVersion, type StartOptions, type TestBot } from '../../support/bots'

/** Before each test: `setup()` (the environment), then a robot; stopped after the test. */
export function botOn (version: HubotVersion, setup: () => void, options: StartOptions = {}): TestBot {
  let current: TestBot | undefined
  const bot = (): TestBot => {
    if (!current) throw new Error('no bot is running: use it inside a test')
    return current
  }
  beforeEach(async () => {
    setup()
    current = await startBot(version, { alias: '/', ...options })
  })
  afterEach(async () => {
    const running = bot()
    current = undefined
    await running.stop()
  })
  return {
    version,
    get robot () { return bot().robot },
    get sent () { return bot().sent },
    get logs () { return bot().logs },
    get posts () { return bot().posts },
    get url () { return bot().url },
    say: async (text, user) => await bot().say(text, user),
    sayAndWait: async (text, user, waitMs) => await bot().sayAndWait(text, user, waitMs),
    stop: async () => await bot().stop()
  }
}

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
