// The slice of Hubot (3.5 and 14) and Express (4 and 5) the adapter uses. Nothing here imports
// either: the adapter runs under whichever Hubot loads it.

export interface User {
  id: string
  name: string
  room?: string
  [key: string]: unknown
}

export interface Envelope {
  room?: string
  user?: User
  message?: unknown
}

/** @public Part of the adapter's typings: the `logger` a Robot must have. */
export interface Logger {
  debug(...args: unknown[]): void
  info(...args: unknown[]): void
  error(...args: unknown[]): void
  warning?(...args: unknown[]): void
  warn?(...args: unknown[]): void
}

export interface Robot {
  name: string
  alias?: string | false
  logger: Logger
  brain: { userForId(id: string, options?: Record<string, unknown>): User }
  router?: unknown
  receive(message: unknown): unknown
}

export interface Req { method?: string, path?: string, body?: unknown }
export interface Res { status(code: number): Res, end(): unknown, type(type: string): Res, send(body: string): unknown }
type Middleware = (req: Req, res: Res, next: (err?: unknown) => void) => void
type ErrorMiddleware = (err: unknown, req: Req, res: Res, next: (err?: unknown) => void) => void
export interface ExpressLike { use(handler: Middleware | ErrorMiddleware): unknown }
