// A real Hubot robot (3.5 or 14) in this process with the ONCE Campfire adapter, its web server
// on a free 127.0.0.1 port, a few listeners, and every log line kept (at every level).
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import adapterModule from '../src/index'
import type { AdapterOptions } from '../src/adapter'

export type Version = '3.5' | '14'
export const VERSIONS: Version[] = ['14', '3.5']

export interface TestRobot {
  robot: any
  adapter: ReturnType<typeof adapterModule.create>
  /** Where the webhook is, e.g. http://127.0.0.1:1234/once-campfire/... */
  webhookUrl: string
  port: number
  logs: string[]
  /** How many times the adapter asked to exit, and the code. */
  exits: number[]
  stop(): Promise<void>
}

function captureLogs (logger: any, logs: string[]): void {
  for (const level of ['trace', 'debug', 'info', 'notice', 'warn', 'warning', 'error', 'fatal', 'critical']) {
    if (typeof logger[level] !== 'function') continue
    logger[level] = (...args: unknown[]) => { logs.push(`${level}: ${args.map(a => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' ')}`) }
  }
}

/** Listeners for the tests: echo, lines, greet (reply), wave (emote), announce (messageRoom), long. */
function testScript (robot: any): void {
  robot.respond(/echo (.*)$/is, (res: any) => res.send(res.match[1]))
  robot.respond(/lines$/i, (res: any) => res.send('one\ntwo <b>\nthree'))
  robot.respond(/greet$/i, (res: any) => res.reply('hello'))
  robot.respond(/wave$/i, (res: any) => res.emote('waves'))
  robot.respond(/announce (\d+) (.*)$/i, (res: any) => robot.messageRoom(res.match[1], res.match[2]))
  robot.respond(/long$/i, (res: any) => res.send(Array.from({ length: 400 }, (_, i) => `line ${i}: ${'x'.repeat(30)}`).join('\n')))
}

export async function startRobot (version: Version, env: Record<string, string>, options: { httpd?: boolean, alias?: string, client?: AdapterOptions['client'] } = {}): Promise<TestRobot> {
  const logs: string[] = []
  const exits: number[] = []
  const adapterOptions: AdapterOptions = {
    env,
    exit: (code) => { exits.push(code) },
    client: { backoffMs: 10, ...options.client }
  }
  process.env.EXPRESS_PORT = '0'
  process.env.EXPRESS_BIND_ADDRESS = '127.0.0.1'
  const httpd = options.httpd ?? true
  let robot: any
  if (version === '14') {
    const hubot: any = await import('hubot14')
    robot = new hubot.Robot({ use: (r: any) => adapterModule.create(r, adapterOptions) }, httpd, 'hubot', options.alias ?? false)
    captureLogs(robot.logger, logs)
    await robot.loadAdapter()
    testScript(robot)
    await robot.run()
  } else {
    const Robot = require('hubot/src/robot')
    // Hubot 3.5 loads adapters by name (hubot-<name>): load the built-in campfire one (its constructor
    // does nothing; the shell one needs a terminal), then put ours in its place before run().
    robot = new Robot(null, 'campfire', httpd, 'hubot', options.alias ?? false)
    captureLogs(robot.logger, logs)
    robot.adapter = adapterModule.create(robot, adapterOptions)
    testScript(robot)
    if (httpd && !robot.server.listening) await once(robot.server, 'listening')
    await robot.run()
  }
  const port = httpd ? (robot.server.address() as AddressInfo).port : 0
  return {
    robot,
    adapter: robot.adapter,
    port,
    webhookUrl: `http://127.0.0.1:${port}${env.HUBOT_ONCE_CAMPFIRE_WEBHOOK_PATH ?? ''}`,
    logs,
    exits,
    stop: async () => {
      robot.shutdown()
      robot.server?.closeAllConnections?.()
    }
  }
}
