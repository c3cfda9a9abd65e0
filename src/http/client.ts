// The one place that talks HTTP for every service: base URL, auth header, JSON, timeout,
// User-Agent, explicit status checks and typed errors, retries by policy, redaction.

import axios, { type AxiosInstance, type AxiosResponse } from 'axios'
import {
  AuthError, BadResponseError, ForbiddenError, InvalidRequestError, NetworkError, NotFoundError,
  RateLimitError, ServiceError, TimeoutError, UnavailableError,
  type ErrorDetails, type RequestInfo
} from './errors'
import { systemClock, type Clock } from '../util/clock'
import { reportActivity } from './activity'
import { Governors, type CallOutcome, type Governor } from './governor'
import type { BudgetWindow } from './rate-budget'
import { redact } from './redact'
import { DEFAULT_RETRY_POLICY, withRetry, type RetryPolicy } from './retry'
import { parseRetryAfterMs } from './retry-after'
import type { ServiceDescriptor } from './service'
import { userAgent } from './user-agent'

export const DEFAULT_TIMEOUT_MS = 10_000

/** What the clients of one robot share: its clock, and its governors (one per key and domain). */
export interface HttpRuntime {
  clock: Clock
  governors: Governors
}

export interface HttpClientOptions {
  /** Who the client talks to: its name, wording hints and the headers it cares about. */
  service: ServiceDescriptor
  baseURL: string
  /** The whole Authorization header value, e.g. `OAuth <key>`. */
  authorization: string
  /** Values that must never appear in an error message (the API key). */
  secrets: string[]
  timeoutMs?: number
  retry?: Partial<RetryPolicy>
  /** The service's rate budget (see governor.ts); none: calls are not paced. */
  budget?: RateBudgetOptions
  /**
   * The robot's clock (what retries and rate budgets wait on) and governors (shared by every client
   * made for the same key; see chat/runtime.ts). Without it: the real clock, and this client paces
   * only its own calls.
   */
  runtime?: Partial<HttpRuntime>
}

export interface RateBudgetOptions {
  windows: BudgetWindow[]
  /** The service's rate-limit domain of a call (OpsGenie counts alerts, searches, ... apart). */
  domainOf?: (method: string, path: string) => string
}

type Params = Record<string, string | number | boolean | undefined>

interface RequestOptions {
  params?: Params
  body?: unknown
  /**
   * Whether repeating the request is harmless. Defaults to true for GET, PUT, PATCH and DELETE
   * and false for POST; a POST that only changes state (acknowledge, close) may say true.
   */
  idempotent?: boolean
}

interface HttpResponse<T> {
  status: number
  data: T
  headers: Record<string, string>
}

export interface HttpClient {
  readonly service: ServiceDescriptor
  request<T>(method: string, path: string, options?: RequestOptions): Promise<HttpResponse<T>>
  get<T>(path: string, params?: Params): Promise<T>
}

export function createHttpClient (options: HttpClientOptions): HttpClient {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const instance: AxiosInstance = axios.create({
    baseURL: options.baseURL.replace(/\/+$/, ''),
    timeout: timeoutMs,
    headers: {
      Authorization: options.authorization,
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'User-Agent': userAgent()
    },
    // Every status resolves; checkStatus below decides, so all failures reach one error path.
    validateStatus: () => true,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    maxRedirects: 0
  })
  const secrets = [...options.secrets, options.authorization]
  const clock = options.runtime?.clock ?? systemClock
  const budget = options.budget
  const governors = options.runtime?.governors ?? new Governors(clock)
  const governorOf = (method: string, path: string): Governor | undefined => {
    if (!budget) return undefined
    const domain = budget.domainOf?.(method.toUpperCase(), path) ?? 'all'
    const { service: { name: service }, baseURL, authorization } = options
    return governors.for({ service, baseURL, authorization, domain, windows: budget.windows })
  }

  const once = async <T>(method: string, path: string, opts: RequestOptions): Promise<HttpResponse<T>> => {
    const info: RequestInfo = { service: options.service, method, path: redact(path, secrets) }
    const release = await governorOf(method, path)?.acquire()
    let response: AxiosResponse<string>
    try {
      response = await instance.request<string>({
        method,
        url: path,
        params: dropUndefined(opts.params),
        data: opts.body === undefined ? undefined : JSON.stringify(opts.body)
      })
    } catch (err) {
      release?.({})
      throw transportError(err, info, timeoutMs, secrets)
    }
    const outcome: CallOutcome = { status: response.status, headers: headersOf(response) }
    release?.(outcome)
    return checkStatus<T>(response, info, { secrets, now: clock.now() })
  }

  const retried = <T>(attempt: () => Promise<T>, idempotent: boolean): Promise<T> =>
    withRetry(attempt, {
      idempotent,
      policy,
      clock,
      onRetry: (n, reason) =>
        reportActivity({ kind: 'retry', service: options.service.name, attempt: n, of: policy.retries + 1, reason })
    })

  return {
    service: options.service,
    request: (method, path, opts = {}) => {
      const idempotent = opts.idempotent ?? method.toUpperCase() !== 'POST'
      return retried(() => once(method, path, opts), idempotent)
    },
    get: async <T>(path: string, params?: Params): Promise<T> =>
      (await retried(() => once<T>('GET', path, { params }), true)).data
  }
}

function dropUndefined (params: Params | undefined): Params | undefined {
  if (!params) return undefined
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined))
}

function headersOf (response: AxiosResponse): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(response.headers ?? {})) out[k.toLowerCase()] = String(v)
  return out
}

/** Only the headers the service asked to keep on its errors. */
function kept (headers: Record<string, string>, names: readonly string[] = []): Record<string, string> {
  return Object.fromEntries(names.filter(name => name in headers).map(name => [name, headers[name]]))
}

function parseJson (text: string): { ok: true, value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

function checkStatus<T> (
  response: AxiosResponse<string>, info: RequestInfo, at: { secrets: string[], now: number }
): HttpResponse<T> {
  const headers = headersOf(response)
  const text = typeof response.data === 'string' ? response.data : ''
  const parsed = text.trim() === '' ? { ok: true as const, value: undefined } : parseJson(text)
  const status = response.status
  if (status >= 200 && status < 300) {
    if (!parsed.ok) {
      throw new BadResponseError({ ...info, status }, `answered ${status} with a body that is not JSON`)
    }
    return { status, data: parsed.value as T, headers }
  }
  const details: ErrorDetails = {
    status,
    ...(parsed.ok ? errorDetails(parsed.value, at.secrets) : {}),
    headers: kept(headers, info.service.errorHeaders),
    retryAfterMs: status === 420 || status === 429 ? parseRetryAfterMs(headers['retry-after'], at.now) : undefined
  }
  throw errorForStatus(status, { ...info, ...details })
}

/** What each 5xx means, so the log says what was answered (a 502 is not a 503). */
const SERVER_ERRORS: Record<number, string> = {
  500: 'internal server error', 502: 'bad gateway', 503: 'service unavailable', 504: 'gateway timeout'
}

function errorForStatus (status: number, info: RequestInfo & ErrorDetails): ServiceError {
  switch (true) {
    case status === 401: return new AuthError(info, 'answered 401 (key rejected)')
    case status === 402: return new ForbiddenError(info, 'answered 402 (not allowed on this plan)')
    case status === 403: return new ForbiddenError(info, 'answered 403 (not permitted)')
    case status === 404: return new NotFoundError(info, 'answered 404 (not found)')
    case status === 400 || status === 422: return new InvalidRequestError(info, `answered ${status} (request refused)`)
    case status === 420 || status === 429: return new RateLimitError(info, `answered ${status} (rate limited)`)
    case status >= 500: return new UnavailableError(info, `answered ${status} (${SERVER_ERRORS[status] ?? 'server error'})`)
    default: return new ServiceError(info, `answered ${status}`)
  }
}

/** Reads the API's own explanation from whichever field this API uses (`message`, `error`, `errors`). */
export function errorDetails (body: unknown, secrets: string[] = []): Pick<ErrorDetails, 'apiMessage' | 'code' | 'requestId'> {
  if (!body || typeof body !== 'object') return {}
  const b = body as Record<string, unknown>
  const parts: string[] = []
  const add = (v: unknown): void => {
    if (typeof v === 'string' && v.trim()) parts.push(v.trim())
    else if (Array.isArray(v)) v.forEach(add)
    // JSM's newer shape `{errors: [{title, detail?, code}]}`: the title is the sentence.
    else if (v && typeof v === 'object' && typeof (v as { title?: unknown }).title === 'string') {
      add((v as { title: string }).title)
      add((v as { detail?: unknown }).detail)
    } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) add(typeof x === 'string' ? `${k}: ${x}` : x)
  }
  add(b.message)
  add(b.error)
  add(b.errors)
  const apiMessage = parts.length ? redact([...new Set(parts)].join('; '), secrets).slice(0, 500) : undefined
  return {
    apiMessage,
    code: typeof b.code === 'number' ? b.code : undefined,
    requestId: typeof b.requestId === 'string' ? b.requestId : undefined
  }
}

function transportError (err: unknown, info: RequestInfo, timeoutMs: number, secrets: string[]): ServiceError {
  const e = err as { code?: string, message?: string }
  const code = e?.code ?? ''
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(e?.message ?? '')) {
    const t = new TimeoutError({ ...info, cause: transportCause(err, secrets) }, `got no answer within ${timeoutMs} ms`)
    t.timeoutMs = timeoutMs
    return t
  }
  const reason = redact(code || e?.message || 'connection failed', secrets)
  const network = new NetworkError({ ...info, cause: transportCause(err, secrets) }, `could not be reached (${reason})`)
  network.reason = reason
  return network
}

/**
 * The socket or axios error behind a transport failure, as a plain Error with its name, code and
 * redacted message: axios's own error carries the request config, Authorization header included,
 * so it is never kept as it is.
 */
function transportCause (err: unknown, secrets: string[]): Error {
  const e = err as { name?: string, code?: string, message?: string } | undefined
  const cause = new Error(redact(String(e?.message ?? err), secrets)) as Error & { code?: string }
  cause.name = typeof e?.name === 'string' ? e.name : 'Error'
  if (typeof e?.code === 'string') cause.code = e.code
  cause.stack = undefined
  return cause
}
