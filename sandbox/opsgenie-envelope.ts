// OpsGenie wraps every answer with `took` (seconds) and `requestId`; errors are
// `{"message","took","requestId","errors"?}`. One place for those shapes.

import { uuid } from './ids'
import type { SandboxReply } from './http-kit'

export const SANDBOX_OPSGENIE_KEY = 'sandbox-opsgenie-key'

const took = (): number => Math.round(Math.random() * 20) / 1000 + 0.001

export const ok = (status: number, body: Record<string, unknown>): SandboxReply =>
  ({ status, body: { ...body, took: took(), requestId: uuid() } })

export const opsgenieError = (_status: number, message: string): Record<string, unknown> =>
  ({ message, took: took(), requestId: uuid() })

export const fail = (
  status: number, message: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>
): SandboxReply => ({ status, headers, body: { ...opsgenieError(status, message), ...extra } })

/** A 422 for a body field, as OpsGenie words it. */
export const invalid = (field: string, problem: string): SandboxReply =>
  fail(422, 'Request body is not processable. Please check the errors.', { errors: { [field]: problem } })
