// The endpoints on Hubot's own Express server (robot.router; Express 4 on Hubot 3.5, Express 5 on
// Hubot 14):
//   POST /hubot/opsgenie             secret in the X-Hubot-Secret header
//   POST /hubot/opsgenie/<secret>    for senders that cannot add a header
//   POST /hubot/statuspage/<secret>
// Each answers 404 until its secret is set, 401 for a wrong or missing secret, 413 for a body over
// the bound, 400 for a body that is not JSON, and 202 otherwise; never with a body, never with detail.
//
// Hubot's own JSON parser runs before these routes (its limit is EXPRESS_LIMIT, default 100kb): a
// JSON body it already read is taken from req.body; its errors (too large, bad JSON) reach the
// error handler below, scoped to these paths, so Express never logs them (or the URL).

import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Clock } from '../util/clock'
import type { WebhookReceiver } from './receiver'
import { sameSecret } from './secret'
import type { WebhookSettings } from './settings'

type Endpoint = 'opsgenie' | 'statuspage'

type Req = IncomingMessage & { body?: unknown, originalUrl?: string }
type Res = ServerResponse
type Handler = (req: Req, res: Res) => void
type ErrorHandler = (err: unknown, req: Req, res: Res, next: (err?: unknown) => void) => void

/** The part of an Express app (or router) this module uses. */
export interface RouterLike {
  post(path: string, handler: Handler): unknown
  use(path: string, handler: ErrorHandler): unknown
}

export interface EndpointLog {
  debug(line: string): void
  warn(line: string): void
  error(line: string): void
}

const SECRET_HEADER = 'x-hubot-secret'
const REFUSAL_LOG_INTERVAL_MS = 60_000

export function registerEndpoints (
  router: RouterLike, receiver: WebhookReceiver, log: EndpointLog, clock: Clock
): void {
  const refusals = new RefusalLog(log, clock, () => { receiver.stats.refused++ })
  const handler = (endpoint: Endpoint): Handler => (req, res) => {
    void handle(endpoint, req, res, { receiver, refusals, log })
  }
  router.post('/hubot/opsgenie', handler('opsgenie'))
  router.post('/hubot/opsgenie/:secret', handler('opsgenie'))
  router.post('/hubot/statuspage/:secret', handler('statuspage'))
  // Four parameters: Express tells error handlers from other middleware by the function's length.
  const errors = (endpoint: Endpoint): ErrorHandler => (err, req, res, _next) => {
    const verdict = authorize(endpoint, req, receiver.settings())
    if (verdict !== 'ok') return refuse(endpoint, verdict, res, refusals)
    const status = statusOf(err)
    log.debug(`[webhooks] refused a ${endpoint} body: ${status === 413 ? 'too large' : 'not readable JSON'} (${status})`)
    answer(res, status)
  }
  router.use('/hubot/opsgenie', errors('opsgenie'))
  router.use('/hubot/statuspage', errors('statuspage'))
}

/** What every delivery is handled with: the receiver, the refusal log and the log. */
interface Handling {
  receiver: WebhookReceiver
  refusals: RefusalLog
  log: EndpointLog
}

async function handle (endpoint: Endpoint, req: Req, res: Res, { receiver, refusals, log }: Handling): Promise<void> {
  try {
    const settings = receiver.settings()
    const verdict = authorize(endpoint, req, settings)
    if (verdict !== 'ok') return refuse(endpoint, verdict, res, refusals)
    const body = await readJson(req, settings.maxBytes)
    if (typeof body === 'number') {
      log.debug(`[webhooks] refused a ${endpoint} body: ${body === 413 ? 'too large' : 'not JSON'} (${body})`)
      return answer(res, body)
    }
    if (endpoint === 'opsgenie') receiver.acceptAlert(body.value, body.raw)
    else receiver.acceptStatuspage(body.value, body.raw)
    answer(res, 202)
  } catch (err) {
    log.error(`[webhooks] ${endpoint} webhook failed: ${err instanceof Error ? err.message : String(err)}`)
    answer(res, 500)
  }
}

type Verdict = 'ok' | 'off' | 'denied'

/** 'off' (404) until the secret is set. */
function authorize (endpoint: Endpoint, req: Req, settings: WebhookSettings): Verdict {
  const expected = endpoint === 'opsgenie' ? settings.opsgenieSecret : settings.statuspageSecret
  if (!expected) return 'off'
  const header = req.headers[SECRET_HEADER]
  const given = endpoint === 'opsgenie' && typeof header === 'string' ? header : secretInPath(req.originalUrl ?? req.url ?? '')
  return sameSecret(given, expected) ? 'ok' : 'denied'
}

/** The segment after /hubot/opsgenie/ or /hubot/statuspage/, decoded; undefined when absent. */
function secretInPath (url: string): string | undefined {
  const path = url.split('?')[0]
  const match = /^\/hubot\/(?:opsgenie|statuspage)\/([^/]+)\/?$/.exec(path)
  if (!match) return undefined
  try { return decodeURIComponent(match[1]) } catch { return undefined }
}

function refuse (endpoint: Endpoint, verdict: Exclude<Verdict, 'ok'>, res: Res, refusals: RefusalLog): void {
  if (verdict === 'denied') refusals.note(endpoint)
  answer(res, verdict === 'off' ? 404 : 401)
}

function answer (res: Res, status: number): void {
  if (res.headersSent) return
  res.statusCode = status
  res.end()
}

const statusOf = (err: unknown): number => {
  const e = err as { status?: unknown, statusCode?: unknown } | undefined
  const status = Number(e?.status ?? e?.statusCode)
  return status === 413 || status === 415 ? status : 400
}

const isJsonType = (req: Req): boolean => /\bjson\b/i.test(String(req.headers['content-type'] ?? ''))

/**
 * The body as JSON and as text (for the duplicate check), or the status to refuse it with. Hubot's
 * parser has read a JSON body already (the stream has ended); any other body is read here.
 */
async function readJson (req: Req, maxBytes: number): Promise<{ value: unknown, raw: string } | 400 | 413> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > maxBytes) return 413
  if (req.readableEnded || req.complete) {
    if (!isJsonType(req) || req.body === undefined) return 400
    const raw = JSON.stringify(req.body)
    return Buffer.byteLength(raw) > maxBytes ? 413 : { value: req.body, raw }
  }
  const raw = await readRaw(req, maxBytes)
  if (raw === undefined) return 413
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return 400
  }
  // As strict as Hubot's JSON parser: a webhook body is an object (or a list), never a bare value.
  return typeof value === 'object' && value !== null ? { value, raw } : 400
}

function readRaw (req: Req, maxBytes: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (chunk: Buffer) => {
      if (over) return
      size += chunk.length
      if (size > maxBytes) { over = true; chunks.length = 0; resolve(undefined); return }
      chunks.push(chunk)
    })
    req.on('end', () => { if (!over) resolve(Buffer.concat(chunks).toString('utf8')) })
    req.on('error', reject)
  })
}

/** One warning line a minute at most, with how many calls were refused since the last one. */
class RefusalLog {
  private last = new Map<Endpoint, number>()
  private count = new Map<Endpoint, number>()

  constructor (
    private readonly log: EndpointLog,
    private readonly clock: Clock,
    private readonly counted: () => void
  ) {}

  note (endpoint: Endpoint): void {
    this.counted()
    const now = this.clock.now()
    const n = (this.count.get(endpoint) ?? 0) + 1
    const last = this.last.get(endpoint)
    if (last !== undefined && now - last < REFUSAL_LOG_INTERVAL_MS) { this.count.set(endpoint, n); return }
    this.last.set(endpoint, now)
    this.count.set(endpoint, 0)
    this.log.warn(`[webhooks] refused ${n === 1 ? 'a call' : `${n} calls`} to the ${endpoint} webhook: wrong or missing secret (at most one such line a minute)`)
  }
}
