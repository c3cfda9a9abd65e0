// The Hubot adapter for ONCE Campfire. Campfire calls the bot's webhook for each message that
// @mentions it or is in a direct room with it; the adapter answers every call at once with an
// empty 204 (any answer with a Content-Type would show up in the room as a file) and posts what
// Hubot says afterwards through the bot API.
//
// It extends EventEmitter rather than Hubot's Adapter: Hubot 14's is an ES module a CommonJS
// package cannot extend, and Hubot 3.5's wrapper drops a subclass's methods. Hubot needs only
// the methods below and the 'connected' event.

import { EventEmitter } from 'node:events'
import { CampfireClient, type ClientOptions } from './client'
import { OnceCampfireConfigError, readConfig, redact, secretsOf, BOT_KEY_VAR, type OnceCampfireConfig } from './config'
import { toEmoteHtml, toMessageHtml } from './html'
import { loadTextMessage, type MessageClass } from './messages'
import type { Envelope, ExpressLike, Req, Res, Robot } from './hubot-types'
import { addressToRobot, keyInRoomPath, parseCall, type CampfireCall } from './webhook'

export interface AdapterOptions {
  env?: NodeJS.ProcessEnv
  /** Called when the settings are unusable (default: process.exit). */
  exit?: (code: number) => void
  client?: Partial<ClientOptions>
  /** Hubot's TextMessage class (default: found from the installed hubot). */
  TextMessage?: MessageClass
}

interface RoomInfo { direct: boolean }

export class OnceCampfireAdapter extends EventEmitter {
  readonly name = 'OnceCampfire'
  private config?: OnceCampfireConfig
  private client?: CampfireClient
  private secrets: string[] = []
  private readonly rooms = new Map<string, RoomInfo>()
  private TextMessage?: MessageClass
  private warnedKeyMismatch = false

  constructor (readonly robot: Robot, private readonly options: AdapterOptions = {}) {
    super()
  }

  async send (envelope: Envelope, ...strings: unknown[]): Promise<void> {
    await this.post(envelope, strings.map(s => toMessageHtml(String(s))))
  }

  async reply (envelope: Envelope, ...strings: unknown[]): Promise<void> {
    // In a direct room the reply is obviously to that person: no name in front.
    const direct = this.rooms.get(String(envelope.room ?? ''))?.direct === true
    const name = envelope.user?.name
    await this.send(envelope, ...strings.map(s => (direct || !name ? String(s) : `${name}: ${String(s)}`)))
  }

  async emote (envelope: Envelope, ...strings: unknown[]): Promise<void> {
    await this.post(envelope, strings.map(s => toEmoteHtml(String(s))))
  }

  /** Bots cannot rename rooms or play sounds in ONCE Campfire. */
  async topic (): Promise<void> { this.robot.logger.debug('hubot-once-campfire: ONCE Campfire has no room topics; ignored') }
  async play (): Promise<void> { this.robot.logger.debug('hubot-once-campfire: ONCE Campfire has no sounds; ignored') }

  async receive (message: unknown): Promise<void> {
    await this.robot.receive(message)
  }

  async run (): Promise<void> {
    const config = this.configure()
    if (!config) return
    const router = this.robot.router as ExpressLike | undefined
    if (!router || typeof router.use !== 'function') {
      return this.stop('hubot-once-campfire needs Hubot\'s web server to receive Campfire\'s webhooks: start Hubot without --disable-httpd.')
    }
    if (process.env.EXPRESS_USER && process.env.EXPRESS_PASSWORD) {
      return this.stop('hubot-once-campfire cannot work with EXPRESS_USER/EXPRESS_PASSWORD: ONCE Campfire sends no credentials, so every webhook would be refused (and the refusal posted into the room as a file). Unset them and keep the webhook path secret instead.')
    }
    this.TextMessage = this.options.TextMessage ?? await loadTextMessage()
    this.mount(router, config.webhookPath)
    this.robot.logger.info(`hubot-once-campfire: receiving ONCE Campfire webhooks at ${redact(config.webhookPath, this.secrets)} and posting to ${config.baseUrl}`)
    this.emit('connected')
  }

  close (): void {
    this.removeAllListeners()
  }

  private configure (): OnceCampfireConfig | undefined {
    try {
      this.config = readConfig(this.options.env ?? process.env)
    } catch (err) {
      if (err instanceof OnceCampfireConfigError) { this.stop(err.message); return undefined }
      throw err
    }
    this.secrets = secretsOf(this.config)
    this.client = new CampfireClient({
      baseUrl: this.config.baseUrl,
      botKey: this.config.botKey,
      userAgent: `hubot-once-campfire (${this.robot.name})`,
      ...this.options.client
    })
    return this.config
  }

  private stop (line: string): void {
    this.robot.logger.error(line)
    ;(this.options.exit ?? ((code: number) => process.exit(code)))(1)
  }

  /**
   * Everything under the webhook path is answered here, before Hubot's other routes: a 204 with
   * no body and no Content-Type, whatever the method, path or body, and also when Express's JSON
   * parser failed (too large, not JSON), which would otherwise answer with an HTML error page.
   */
  private mount (router: ExpressLike, webhookPath: string): void {
    const ours = (req: Req): boolean => {
      const path = String(req.path ?? '')
      return path === webhookPath || path.startsWith(`${webhookPath}/`)
    }
    const answer = (res: Res): void => { res.status(204).end() }
    router.use((req: Req, res: Res, next: (err?: unknown) => void) => {
      if (!ours(req)) return this.stalePath(req, res) ? undefined : next()
      answer(res)
      const exact = String(req.path).replace(/\/+$/, '') === webhookPath
      if (req.method !== 'POST' || !exact) {
        this.robot.logger.debug(`hubot-once-campfire: ignored a ${String(req.method)} to the webhook path`)
        return
      }
      this.handle(req.body)
    })
    router.use((err: unknown, req: Req, res: Res, next: (err?: unknown) => void) => {
      if (!ours(req)) return next(err)
      answer(res)
      const type = String((err as { type?: string })?.type ?? '')
      const why = type === 'entity.too.large'
        ? 'the message is larger than Hubot accepts (raise EXPRESS_LIMIT, default 100kb)'
        : `it could not be read (${redact(String((err as Error)?.message ?? err), this.secrets)})`
      this.warn(`ignored a webhook call: ${why}`)
    })
  }

  /**
   * A ONCE Campfire call to another path (the webhook path changed, the bot's URL in Campfire did
   * not): answered with one plain-text line, which Campfire posts as the bot's reply, instead of
   * Express's HTML 404 page, which it would upload into the room. The current path stays secret.
   */
  private stalePath (req: Req, res: Res): boolean {
    if (req.method !== 'POST' || !parseCall(req.body).ok) return false
    this.warn('a ONCE Campfire webhook call came to an old path: set the bot\'s webhook URL in Campfire to the current one')
    res.status(200).type('text/plain').send(STALE_PATH_HINT)
    return true
  }

  /** Turns one webhook call into a message for the robot; never throws. */
  private handle (body: unknown): void {
    const parsed = parseCall(body)
    if (!parsed.ok) {
      this.warn(`ignored a webhook call that is not from ONCE Campfire: ${parsed.reason}`)
      return
    }
    this.deliver(parsed.call).catch((err: unknown) => {
      this.robot.logger.error(redact(`hubot-once-campfire: failed to handle message ${parsed.call.message.id}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`, this.secrets))
    })
  }

  private async deliver (call: CampfireCall): Promise<void> {
    this.rooms.set(call.room.id, { direct: call.room.direct })
    this.checkKey(call.room.path)
    const user = this.robot.brain.userForId(call.user.id, { name: call.user.name, room: call.room.id })
    // userForId keeps an existing user as it was: bring the name and room up to date.
    user.name = call.user.name
    user.room = call.room.id
    const text = addressToRobot(call.message.plain, this.robot.name, this.robot.alias)
    const Message = this.TextMessage!
    const message = new Message(user, text, call.message.id)
    message.room = call.room.id
    await this.receive(message)
  }

  /** Campfire tells us the key it expects in each call's room path: say so if ours differs. */
  private checkKey (roomPath: string): void {
    const theirs = keyInRoomPath(roomPath)
    if (!theirs || theirs === this.config!.botKey || this.warnedKeyMismatch) return
    this.warnedKeyMismatch = true
    this.warn(`${BOT_KEY_VAR} is not the key ONCE Campfire has for this bot (was it regenerated?): replies will be refused until it is updated`)
  }

  private async post (envelope: Envelope, bodies: string[]): Promise<void> {
    const room = String(envelope.room ?? envelope.user?.room ?? '')
    if (!this.client) return this.robot.logger.error('hubot-once-campfire: cannot post before the adapter has started')
    if (!/^\d+$/.test(room)) return this.robot.logger.error(`hubot-once-campfire: cannot post to room ${JSON.stringify(room)}: ONCE Campfire rooms are numbers (use the room id)`)
    for (const body of bodies) {
      try {
        await this.client.postMessage(room, body)
      } catch (err) {
        this.robot.logger.error(redact(`hubot-once-campfire: a message to room ${room} was not posted: ${err instanceof Error ? err.message : String(err)}`, this.secrets))
      }
    }
  }

  private warn (text: string): void {
    const line = `hubot-once-campfire: ${redact(text, this.secrets)}`
    if (this.robot.logger.warning) this.robot.logger.warning(line)
    else if (this.robot.logger.warn) this.robot.logger.warn(line)
    else this.robot.logger.error(line)
  }
}

const STALE_PATH_HINT = 'This bot\'s webhook URL is out of date: a Campfire admin should set it to the current one ' +
  '(the bot\'s administrator has it). Nothing was done.'
