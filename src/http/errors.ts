// One error class per kind of failure, so callers decide by type and never by parsing strings, and
// the failure's meaning travels on it: whether the request reached the service (`reached`), how
// long the service asked us to wait (`retryAfterMs`), the request as it may be shown (`request`),
// the original error (`cause`), and the one rule for whether it may have been carried out
// (`mayHaveHappened`), which replies, the audit trail and bulk results all read.
// Every message is built from the service name, the method, the path and the API's own words;
// credentials are never part of it (see redact.ts and the tests that prove it).

import type { ServiceDescriptor, ServiceHints } from './service'

export interface RequestInfo {
  service: ServiceDescriptor
  method: string
  path: string
}

/**
 * Whether the request reached the service: `no`, it never left (connection refused, unknown host,
 * bad URL); `maybe`, it left and no answer came (timeout, connection lost); `yes`, an answer came
 * (any HTTP status, or a success whose body could not be read).
 */
export type Reached = 'no' | 'maybe' | 'yes'

export interface ErrorDetails {
  status?: number
  apiMessage?: string
  code?: number
  requestId?: string
  /** The response headers the service asked to keep (see ServiceDescriptor.errorHeaders), lower case. */
  headers?: Record<string, string>
  /** Milliseconds the service asked us to wait (its Retry-After), when it said. */
  retryAfterMs?: number
  /** The low-level error behind this one (a socket error, axios's timeout). */
  cause?: unknown
}

export type ErrorKind =
  | 'auth'
  | 'forbidden'
  | 'not_found'
  | 'invalid'
  | 'rate_limited'
  | 'unavailable'
  | 'timeout'
  | 'network'
  | 'bad_response'
  | 'http'

/** Answers that say the service may have done the work although it did not confirm it. */
const UNCONFIRMED_ANSWERS: ReadonlySet<ErrorKind> = new Set(['unavailable', 'bad_response'])

export class ServiceError extends Error {
  readonly kind: ErrorKind = 'http'
  /** The service's name, as messages show it. */
  readonly service: string
  /** The service's own wording hints (key setting, web app, command to check with). */
  readonly hints: ServiceHints
  /** What was asked, as it may be shown (no credential is ever part of a method or a path). */
  readonly request: { readonly method: string, readonly path: string }
  /** HTTP status, when the service answered at all. */
  readonly status?: number
  /** The API's own explanation, taken from its error body. */
  readonly apiMessage?: string
  /** The service's numeric error code, when it sent one. */
  readonly code?: number
  readonly requestId?: string
  /** The response headers the service cares about (e.g. its error type), lower case. */
  readonly headers: Record<string, string>
  /** Milliseconds the service asked us to wait before asking again, when it said. */
  readonly retryAfterMs?: number
  /** How many times the request was sent before this error was given up on (1: it was not repeated). */
  attempts = 1

  constructor (info: RequestInfo & ErrorDetails, summary: string) {
    const where = `${info.service.name} ${info.method.toUpperCase()} ${info.path}`
    const detail = info.apiMessage ? `: ${info.apiMessage}` : ''
    super(`${where} ${summary}${detail}`, info.cause === undefined ? undefined : { cause: info.cause })
    this.name = new.target.name
    this.service = info.service.name
    this.hints = info.service.hints
    this.request = { method: info.method.toUpperCase(), path: info.path }
    this.status = info.status
    this.apiMessage = info.apiMessage
    this.code = info.code
    this.requestId = info.requestId
    this.headers = info.headers ?? {}
    this.retryAfterMs = info.retryAfterMs
  }

  get method (): string { return this.request.method }
  get path (): string { return this.request.path }

  /** An answer came, so the request got there (transport failures say otherwise). */
  get reached (): Reached { return 'yes' }

  /**
   * THE rule for "may have happened", decided here once: a write (anything but GET) that reached
   * or may have reached the service and was neither refused nor confirmed (no answer, a 5xx, an
   * answer that could not be read). A refusal (4xx, rate limit) changed nothing; a request that
   * never left changed nothing; a read changes nothing.
   */
  get mayHaveHappened (): boolean {
    if (this.method === 'GET' || this.reached === 'no') return false
    return this.reached === 'maybe' || UNCONFIRMED_ANSWERS.has(this.kind)
  }
}

/**
 * Whether a failed write may still have been carried out, for any error: a service error says
 * (see ServiceError.mayHaveHappened); anything else (a bug in between) cannot rule it out.
 */
export function mayHaveHappened (err: unknown): boolean {
  return err instanceof ServiceError ? err.mayHaveHappened : true
}

/** 401: the key was rejected (wrong, revoked, or its integration is disabled). */
export class AuthError extends ServiceError { override readonly kind = 'auth' }
/** 402/403: the key is valid but may not do this. */
export class ForbiddenError extends ServiceError { override readonly kind = 'forbidden' }
export class NotFoundError extends ServiceError { override readonly kind = 'not_found' }
/** 400/422: the service understood the request and refused its content. */
export class InvalidRequestError extends ServiceError { override readonly kind = 'invalid' }
/** 420/429: refused before any work was done; `retryAfterMs` says for how long, when the service said. */
export class RateLimitError extends ServiceError { override readonly kind = 'rate_limited' }
/** 5xx. */
export class UnavailableError extends ServiceError { override readonly kind = 'unavailable' }

/** Socket errors that happen before a request is sent: it cannot have reached the service. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ERR_INVALID_URL'])

export class TimeoutError extends ServiceError {
  override readonly kind = 'timeout'
  timeoutMs?: number
  override get reached (): Reached { return 'maybe' }
}
/** The connection failed or was reset before an answer came. */
export class NetworkError extends ServiceError {
  override readonly kind = 'network'
  /** The socket error code (ECONNRESET, ECONNREFUSED, ENOTFOUND...) or message. */
  reason?: string
  /** Refused or unresolvable before sending: `no`; lost after sending: `maybe`. */
  override get reached (): Reached { return NEVER_SENT.has(this.reason ?? '') ? 'no' : 'maybe' }
}
/**
 * A success status with a body that is not the JSON the API promises: not JSON at all (`shape`
 * undefined: a proxy or maintenance page), or JSON without a field a command relies on (`shape`
 * says which, e.g. "data[2].id is null, not a non-empty text").
 */
export class BadResponseError extends ServiceError {
  override readonly kind = 'bad_response'
  shape?: string
}

export function isServiceError (err: unknown): err is ServiceError {
  return err instanceof ServiceError
}
