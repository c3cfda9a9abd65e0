// The slice of Hubot this package uses, typed once. Hubot 3.5 (CommonJS) and Hubot 14 (ESM)
// both provide it; nothing here imports either, so the package runs under both.

export interface HubotUser {
  id: string
  name: string
  room?: string
  /** Set by adapters that know it (Slack, Campfire's /users/me); used as the OpsGenie `user` fallback. */
  email_address?: string
  [key: string]: unknown
}

interface HubotMessage {
  text?: string
  user: HubotUser
  room?: string
}

export interface HubotResponse {
  match: RegExpMatchArray
  message: HubotMessage
  envelope: { room?: string, user: HubotUser }
  send(...strings: string[]): unknown
  reply(...strings: string[]): unknown
}

interface HubotLogger {
  debug(...args: unknown[]): void
  info(...args: unknown[]): void
  error(...args: unknown[]): void
  warning?(...args: unknown[]): void
  warn?(...args: unknown[]): void
}

export interface HubotBrain {
  get(key: string): unknown
  set(key: string, value: unknown): unknown
  /** Every chat user the brain knows, by id (both Hubots). */
  users?(): Record<string, HubotUser>
  on?: (event: string, listener: (...args: unknown[]) => void) => unknown
}

/** Hubot 14's CommandBus (robot.commands); Hubot 3.5 has an array of help lines there instead. */
export interface CommandBusLike {
  register(spec: {
    id: string
    description: string
    examples?: string[]
    confirm?: 'never' | 'always' | 'if_ambiguous'
    handler: (ctx: unknown) => unknown
  }): unknown
  getCommand?(id: string): unknown
}

export interface HubotRobot {
  name: string
  /** Which adapter runs the bot: 'Campfire' (Hubot 14) or 'campfire' (3.5) for classic Campfire. */
  adapterName?: string
  adapter?: unknown
  alias?: string | false
  logger: HubotLogger
  brain: HubotBrain
  commands?: unknown
  /** A role plugin's API (hubot-auth on 3.5, or any plugin exposing hasRole on 14), when one is loaded. */
  auth?: unknown
  respond(pattern: RegExp, options: { id: string }, callback: (res: HubotResponse) => unknown): void
  emit(event: string, ...args: unknown[]): unknown
  on?(event: string, listener: (...args: unknown[]) => void): unknown
}
