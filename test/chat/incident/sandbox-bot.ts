// The harness the incident robot tests share: for each test, the sandbox's stand-ins (Statuspage and
// OpsGenie, as `npm start` runs them) and a real robot of the given Hubot pointed at them.
import { startSandbox, type Sandbox } from '../../../sandbox'
import { startBot, type HubotVersion, type TestBot } from '../../support/bots'
import { allowLoopback } from '../../sandbox/http'

/** What a stand-in logged of one request. */
type Logged = NonNullable<Sandbox['statuspage']>['requests'][number]

const DANA = { name: 'dana', id: 'U7', email_address: 'dana@example.com' }

export interface SandboxBot {
  readonly sandbox: Sandbox
  /** The robot; a test may stop it and start another (a restart, another clock). */
  bot: TestBot
  /** Every request the stand-ins received, and those that were not reads. */
  requests(): Logged[]
  writes(): Logged[]
  /** What the bot answered dana, as one text. */
  say(text: string): Promise<string>
}

/** Registers the hooks in the calling describe: a fresh sandbox and robot for each test, both stopped after it. */
export function sandboxBotForEachTest (version: HubotVersion): SandboxBot {
  allowLoopback()
  let sandbox: Sandbox | undefined
  let bot: TestBot | undefined
  beforeEach(async () => {
    sandbox = await startSandbox({ alerting: 'opsgenie', actionDelayMs: 0, unpaginatedLimitMs: 0 })
    Object.assign(process.env, sandbox.env)
    bot = await startBot(version, { alias: '/' })
  })
  afterEach(async () => {
    await bot?.stop()
    await sandbox?.stop()
  })
  const requests = (): Logged[] => [...sandbox!.statuspage!.requests, ...sandbox!.opsgenie!.requests]
  return {
    get sandbox () { return sandbox! },
    get bot () { return bot! },
    set bot (next: TestBot) { bot = next },
    requests,
    writes: () => requests().filter(r => r.method !== 'GET'),
    say: async text => (await bot!.say(text, DANA)).join('\n')
  }
}
