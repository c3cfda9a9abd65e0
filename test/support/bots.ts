// A real Hubot robot for each test, with this package's scripts loaded from src/ (through tsx), so an
// edit is tested at once; only the packed end-to-end test (test/e2e) uses the build. Hubot 3.5 comes
// through hubot-test-helper; Hubot 14 is its real Robot with a small in-memory adapter. Both expose
// the same TestBot so a suite can run on either.
import path from 'node:path'
import { loadSourceScripts } from '../../sandbox/load-source'
import { HANDLED_EVENT } from '../../src/chat/room'
import { runtimeOf } from '../../src/chat/runtime'
import type { Clock } from '../../src/util/clock'
import { HurriedClock } from './fake-clock'

export const PACKAGE_ROOT = path.resolve(__dirname, '..', '..')
export type HubotVersion = '3.5' | '14'
export const HUBOT_VERSIONS: HubotVersion[] = ['3.5', '14']

export interface UserParams {
  id?: string
  name?: string
  room?: string
  email_address?: string
}

export interface TestBot {
  version: HubotVersion
  robot: any
  /** Everything the bot said, in order. */
  readonly sent: string[]
  /** Everything the bot said, with the room it went to (messageRoom included). */
  readonly posts: Post[]
  /** With `http: true`: Hubot's own HTTP server, e.g. http://127.0.0.1:41234. */
  readonly url?: string
  /** Everything the robot logged, as text (our code and Hubot's). */
  readonly logs: string[]
  /**
   * Says `text` as `user` and resolves with what the bot said in answer once this package's listener
   * has replied (and a moment more, so a second answer would be caught).
   */
  say(text: string, user?: string | UserParams): Promise<string[]>
  /** Says `text` and collects whatever the bot says within `waitMs` (for messages this package does not handle). */
  sayAndWait(text: string, user?: string | UserParams, waitMs?: number): Promise<string[]>
  /** The robot's clock (its runtime's): a FakeClock when the test handed one in. */
  readonly clock: Clock
  stop(): Promise<void>
}

export interface Post { room?: string, text: string }

export interface StartOptions {
  /** Hubot's own HTTP server (robot.router), listening on 127.0.0.1 on a free port. Off by default. */
  http?: boolean
  /** Extra script files (absolute paths) to load beside the package, e.g. hubot-help. */
  scripts?: string[]
  alias?: string
  room?: string
  handleTimeoutMs?: number
  /**
   * The robot's clock, or how to make a fresh one for each robot (e.g. a FakeClock that moves only
   * when the test says). By default a HurriedClock: real time whose sleeps take none.
   */
  clock?: Clock | (() => Clock)
}

const settle = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

function captureLogs (logger: any, logs: string[]): void {
  for (const level of ['trace', 'debug', 'info', 'notice', 'warn', 'warning', 'error', 'fatal', 'critical']) {
    if (typeof logger[level] !== 'function') continue
    logger[level] = (...args: unknown[]) => {
      logs.push(`${level}: ${args.map(a => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`)
    }
  }
}

function userOf (user: string | UserParams | undefined, room: string): Required<Pick<UserParams, 'id' | 'name' | 'room'>> & UserParams {
  const params = typeof user === 'string' ? { name: user } : (user ?? {})
  const name = params.name ?? 'alice'
  return { ...params, id: params.id ?? name, name, room: params.room ?? room }
}

interface Driver {
  robot: any
  sent: string[]
  posts: Post[]
  url?: string
  deliver(text: string, user: ReturnType<typeof userOf>): Promise<void>
  stop(): Promise<void>
}

async function hubot35 (options: StartOptions, logs: string[]): Promise<Driver> {
  const Helper = require('hubot-test-helper')
  // Hubot 3.5 starts listening in its constructor, on EXPRESS_PORT / EXPRESS_BIND_ADDRESS.
  const room = withLoopbackServer(options, () =>
    new Helper([]).createRoom({ httpd: options.http === true, name: options.room }))
  const robot = room.robot
  // hubot-test-helper's robot answers messageRoom itself (never through the adapter).
  const posts: Post[] = []
  const messageRoom = robot.messageRoom.bind(robot)
  robot.messageRoom = (target: string, ...strings: string[]) => {
    for (const text of strings) posts.push({ room: target, text })
    return messageRoom(target, ...strings)
  }
  captureLogs(robot.logger, logs)
  runtimeOf(robot, { clock: clockOf(options) })
  if (options.alias) robot.alias = options.alias
  for (const script of options.scripts ?? []) robot.loadFile(path.dirname(script), path.basename(script))
  await loadSourceScripts(robot)
  const sent: string[] = []
  const push = Array.prototype.push
  // hubot-test-helper keeps both sides in room.messages; keep the bot's side here too.
  room.messages.push = function (this: unknown[], ...entries: Array<[string, string]>) {
    for (const [who, text] of entries) if (who === 'hubot') sent.push(text)
    return push.apply(this, entries)
  }
  return {
    robot,
    sent,
    posts,
    url: await serverUrl(robot),
    deliver: async (text, user) => {
      await room.user.say(user.id, text, { name: user.name, room: user.room, email_address: user.email_address })
    },
    stop: async () => {
      robot.server?.closeAllConnections?.()
      robot.brain.close?.()
      robot.shutdown?.()
      room.destroy()
    }
  }
}

async function hubot14 (options: StartOptions, logs: string[]): Promise<Driver> {
  const hubot: any = await import('hubot14')
  const sent: string[] = []
  class MemoryAdapter extends hubot.Adapter {
    // Declared so TypeScript knows the (untyped) base takes the robot.
    // eslint-disable-next-line @typescript-eslint/no-useless-constructor
    constructor (robot: unknown) { super(robot) }
    async send (_envelope: unknown, ...strings: string[]) { sent.push(...strings) }
    async reply (envelope: any, ...strings: string[]) { sent.push(...strings.map(s => `@${envelope.user.name} ${s}`)) }
    async run () { this.emit('connected') }
  }
  const robot = new hubot.Robot({ use: (r: unknown) => new MemoryAdapter(r) }, options.http === true, 'hubot', options.alias ?? false)
  captureLogs(robot.logger, logs)
  runtimeOf(robot, { clock: clockOf(options) })
  await robot.loadAdapter()
  const posts = recordSends(robot)
  for (const script of options.scripts ?? []) await robot.loadFile(path.dirname(script), path.basename(script))
  await loadSourceScripts(robot)
  // Hubot 14 reads EXPRESS_PORT / EXPRESS_BIND_ADDRESS and starts listening in run().
  await withLoopbackServer(options, async () => { await robot.run() })
  let id = 0
  return {
    robot,
    sent,
    posts,
    url: await serverUrl(robot),
    deliver: async (text, user) => {
      const u = new hubot.User(user.id, { name: user.name, room: user.room, email_address: user.email_address })
      await robot.receive(new hubot.TextMessage(u, text, `m${++id}`))
    },
    stop: async () => {
      robot.server?.closeAllConnections?.()
      robot.shutdown()
    }
  }
}

/** The clock handed in, or a HurriedClock: real time whose sleeps (retries, budgets, polls) do not wait. */
const clockOf = (options: StartOptions): Clock =>
  (typeof options.clock === 'function' ? options.clock() : options.clock) ?? new HurriedClock()

/**
 * Runs `start` with Hubot's HTTP server bound to 127.0.0.1 on a free port (when asked for), then
 * restores the environment.
 */
function withLoopbackServer<T> (options: StartOptions, start: () => T): T {
  if (options.http !== true) return start()
  const saved = { port: process.env.EXPRESS_PORT, bind: process.env.EXPRESS_BIND_ADDRESS }
  process.env.EXPRESS_PORT = '0'
  process.env.EXPRESS_BIND_ADDRESS = '127.0.0.1'
  const restore = (): void => {
    for (const [name, value] of [['EXPRESS_PORT', saved.port], ['EXPRESS_BIND_ADDRESS', saved.bind]] as const) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
  try {
    const result = start()
    if (result instanceof Promise) return result.finally(restore) as T
    restore()
    return result
  } catch (err) {
    restore()
    throw err
  }
}

/** The server's address once it listens (undefined without the HTTP server). */
async function serverUrl (robot: any): Promise<string | undefined> {
  const server = robot.server
  if (!server) return undefined
  if (!server.listening) await new Promise(resolve => server.once('listening', resolve))
  return `http://127.0.0.1:${server.address().port}`
}

/** Records every message the adapter sends, with its room (messageRoom and res.send; not replies). */
function recordSends (robot: any): Post[] {
  const posts: Post[] = []
  const adapter = robot.adapter
  const send = adapter.send.bind(adapter)
  adapter.send = (envelope: any, ...strings: string[]) => {
    for (const text of strings) posts.push({ room: envelope?.room ?? envelope?.user?.room, text })
    return send(envelope, ...strings)
  }
  return posts
}

export async function startBot (version: HubotVersion, options: StartOptions = {}): Promise<TestBot> {
  const logs: string[] = []
  const room = options.room ?? 'room1'
  const driver = version === '3.5' ? await hubot35({ ...options, room }, logs) : await hubot14({ ...options, room }, logs)
  const timeout = options.handleTimeoutMs ?? 20000

  const say = async (text: string, who?: string | UserParams): Promise<string[]> => {
    const before = driver.sent.length
    const handled = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no command of this package answered ${JSON.stringify(text)} within ${timeout} ms`)), timeout)
      driver.robot.on(HANDLED_EVENT, function once () {
        clearTimeout(timer)
        driver.robot.events?.removeListener?.(HANDLED_EVENT, once)
        resolve()
      })
    })
    await driver.deliver(text, userOf(who, room))
    await handled
    await settle(20)
    return driver.sent.slice(before)
  }

  const sayAndWait = async (text: string, who?: string | UserParams, waitMs = 150): Promise<string[]> => {
    const before = driver.sent.length
    await driver.deliver(text, userOf(who, room))
    await settle(waitMs)
    return driver.sent.slice(before)
  }

  return {
    version,
    robot: driver.robot,
    sent: driver.sent,
    posts: driver.posts,
    url: driver.url,
    logs,
    say,
    sayAndWait,
    clock: runtimeOf(driver.robot).clock,
    stop: driver.stop
  }
}

/**
 * For a describe block: before each test, `setup()` (the environment) and a robot of `version` with
 * the alias '/'; after each test, `beforeStop` (checks on what the bot said or logged), then the
 * robot stops. Returns a TestBot that forwards to the current test's robot.
 */
export function botOn (
  version: HubotVersion, setup: () => void, options: StartOptions = {}, beforeStop?: (bot: TestBot) => void
): TestBot {
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
    beforeStop?.(running)
    await running.stop()
  })
  return {
    version,
    get robot () { return bot().robot },
    get sent () { return bot().sent },
    get posts () { return bot().posts },
    get url () { return bot().url },
    get logs () { return bot().logs },
    get clock () { return bot().clock },
    say: async (text, user) => await bot().say(text, user),
    sayAndWait: async (text, user, waitMs) => await bot().sayAndWait(text, user, waitMs),
    stop: async () => await bot().stop()
  }
}

/** botOn for Hubot 3.5 with no other options: what most command suites use. */
export const botForEachTest = (setup: () => void, beforeStop?: (bot: TestBot) => void): TestBot =>
  botOn('3.5', setup, {}, beforeStop)
