// Description:
//   Alerts (OpsGenie, JSM Operations) and Statuspage changes arrive in the room by themselves, via webhooks.
//
// Configuration:
//   HUBOT_OPSGENIE_WEBHOOK_SECRET - optional, turns on POST /hubot/opsgenie: the X-Hubot-Secret header (or /<secret>)
//   HUBOT_OPSGENIE_ROOM - optional, the room alerts go to when no route matches
//   HUBOT_OPSGENIE_ROUTES - optional, rules like "priority:P1,P2=incidents; team:db=dba; tag:pay=payments"
//   HUBOT_OPSGENIE_WEB_URL - optional, default https://app.opsgenie.com/alert/detail/{alertId}/details: the alert link ({alertId} and {tinyId} replaced)
//   HUBOT_STATUSPAGE_WEBHOOK_SECRET - optional, turns on POST /hubot/statuspage/<secret>
//   HUBOT_STATUSPAGE_ROOM - optional, the room Statuspage component and incident changes go to
//   HUBOT_WEBHOOK_COALESCE_MS - optional, default 5000: at most one webhook message per room this often
//   HUBOT_WEBHOOK_MAX_BYTES - optional, default 262144: larger bodies get 413 (256 KB)
//
// Commands:
//   hubot webhooks - Which webhook endpoints are on, where they post, and what arrived since start
//
// Notes:
//   Needs Hubot's HTTP server (not --disable-httpd). An endpoint answers 404 until its secret is set,
//   401 to a wrong or missing secret. Hubot's EXPRESS_LIMIT (default 100kb) also bounds JSON bodies.
//   A Statuspage change made from chat is not announced again in the room it was made from.
//
// Author:
//   hubot-statuspage-opsgenie

import { addressPrefix } from '../chat/command'
import { registerHelp } from '../chat/help'
import type { HubotRobot } from '../chat/hubot'
import { runtimeOf } from '../chat/runtime'
import { registerEndpoints, type RouterLike } from '../webhooks/http'
import { skipUploadsOnWebhooks } from '../webhooks/uploads'
import { WEBHOOK_EVENT, WebhookReceiver } from '../webhooks/receiver'
import { formatWebhookStatus, WEBHOOKS_HELP, WEBHOOKS_PATTERN } from '../webhooks/status'

interface WebhookRobot extends HubotRobot {
  router?: Partial<RouterLike>
  messageRoom(room: string, ...strings: string[]): unknown
  on(event: string, listener: (...args: unknown[]) => void): unknown
}

/** Hubot 3.5's logger calls it warning, Hubot 14's warn. */
const warn = (robot: WebhookRobot, line: string): void => {
  const logger = robot.logger
  const write = logger.warning ?? logger.warn ?? logger.info
  write.call(logger, line)
}

export = (robot: WebhookRobot): void => {
  const { clock, ownChanges, room, shutdown } = runtimeOf(robot)
  const log = {
    debug: (line: string) => { robot.logger.debug(line) },
    info: (line: string) => { robot.logger.info(line) },
    warn: (line: string) => { warn(robot, line) },
    error: (line: string) => { robot.logger.error(line) }
  }
  const receiver = new WebhookReceiver({
    // Pasted on classic Campfire and redacted like every reply (see chat/room.ts).
    post: (target, text) => {
      const posted = room.say(target, text, { secrets: secrets() })
      shutdown.track(posted) // a stopping bot waits for it (bounded)
      return posted
    },
    log,
    clock,
    ownChanges,
    prefix: () => addressPrefix(robot),
    // The incident script puts events about its linked alerts and public incident on its timeline.
    onEvent: event => { robot.emit(WEBHOOK_EVENT, event) },
    brain: robot.brain
  })
  // Hubot 3.5 has its router from the start; Hubot 14 builds it when it starts listening, after
  // this script may have loaded. Without the HTTP server the router has no `use`.
  let registered = false
  const register = (): boolean => {
    const router = robot.router
    if (registered || typeof router?.post !== 'function' || typeof router.use !== 'function') return registered
    registerEndpoints(router as RouterLike, receiver, log, clock)
    skipUploadsOnWebhooks(router)
    registered = true
    return true
  }
  // What waits for its coalescing window is posted when the bot stops, before the adapter closes.
  shutdown.onStop(() => { receiver.drain() })
  registerHelp(robot, WEBHOOKS_HELP)
  const secrets = (): Array<string | undefined> => {
    const { opsgenieSecret, statuspageSecret } = receiver.settings()
    return [opsgenieSecret, statuspageSecret]
  }
  // A read of this script's own state, no service call: no write gate, no audit (the services' respond() has those).
  robot.respond(WEBHOOKS_PATTERN, { id: 'webhooks.status' }, async (res) => {
    const reply = formatWebhookStatus(receiver.settings(), receiver.stats, register())
    const where = res.message.room ?? ''
    await room.say(where, reply, { answering: res, secrets: secrets() })
    room.handled({ id: 'webhooks.status', failed: false, room: where })
  })
  const settings = receiver.settings()
  const wanted = settings.opsgenieSecret !== undefined || settings.statuspageSecret !== undefined
  const noServer = (): void => {
    if (!register() && wanted) log.warn('[webhooks] Hubot\'s HTTP server is off, so the webhook endpoints are not listening (start Hubot without --disable-httpd).')
  }
  if (register()) return
  if (robot.router === undefined) {
    robot.on('listening', () => { register() })
    robot.on('running', noServer)
  } else {
    noServer()
  }
}
