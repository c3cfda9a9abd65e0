// One error class per kind of failure, so callers decide by type and never by parsing strings.
// Every message is built from the service name, the method, the path and the API's own words;
// credentials are never part of it (see redact.ts and the tests that prove it).

import type { ServiceDescriptor, ServiceHints } from './service'

export interface RequestInfo {
  service: ServiceDescriptor
  method: string
  path: string
}

export interface ErrorDetails {
  status?: number
  apiMessage?: string
  code?: number
  requestId?: string
  /** The response headers the service asked to keep (see ServiceDescriptor.errorHeaders), lower case. */
  headers?: Record<string, string>
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

export class ServiceError extends Error {
  readonly kind: ErrorKind = 'http'
  /** The service's name, as messages show it. */
  readonly service: string
  /** The service's own wording hints (key setting, web app, command to check with). */
  readonly hints: ServiceHints
  readonly method: string
  readonly path: string
  /** HTTP status, when the service answered at all. */
  readonly status?: number
  /** The API's own explanation, taken from its error body. */
  readonly apiMessage?: string
  /** The service's numeric error code, when it sent one. */
  readonly code?: number
  readonly requestId?: string
  /** The response headers the service cares about (e.g. its error type), lower case. */
  readonly headers: Record<string, string>
  /** How many times the request was sent before this error was given up on (1: it was not repeated). */
  attempts = 1

  constructor (info: RequestInfo & ErrorDetails, summary: string) {
    const where = `${info.service.name} ${info.method.toUpperCase()} ${info.path}`
    const detail = info.apiMessage ? `: ${info.apiMessage}` : ''
    super(`${where} ${summary}${detail}`)
    this.name = new.target.name
    this.service = info.service.name
    this.hints = info.service.hints
    this.method = info.method.toUpperCase()
    this.path = info.path
    this.status = info.status
    this.apiMessage = info.apiMessage
    this.code = info.code
    this.requestId = info.requestId
    this.headers = info.headers ?? {}
  }
}

/** 401: the key was rejected (wrong, revoked, or its integration is disabled). */
export class AuthError extends ServiceError { override readonly kind = 'auth' }
/** 402/403: the key is valid but may not do this. */
export class ForbiddenError extends ServiceError { override readonly kind = 'forbidden' }
export class NotFoundError extends ServiceError { override readonly kind = 'not_found' }
/** 400/422: the service understood the request and refused its content. */
export class InvalidRequestError extends ServiceError { override readonly kind = 'invalid' }
export class RateLimitError extends ServiceError {
  override readonly kind = 'rate_limited'
  /** Seconds the service asked us to wait, when it said. */
  retryAfterSeconds?: number
}
/** 5xx. */
export class UnavailableError extends ServiceError { override readonly kind = 'unavailable' }
export class TimeoutError extends ServiceError {
  override readonly kind = 'timeout'
  timeoutMs?: number
}
/** The connection failed or was reset before an answer came. */
export class NetworkError extends ServiceError {
  override readonly kind = 'network'
  /** The socket error code (ECONNRESET, ECONNREFUSED, ENOTFOUND...) or message. */
  reason?: string
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
