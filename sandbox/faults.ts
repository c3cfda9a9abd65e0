// The fault switch: makes a stand-in fail the way the real service fails, so the package's error
// paths can be seen from the chat room. Set at start with SANDBOX_FAULT (both stand-ins),
// SANDBOX_STATUSPAGE_FAULT or SANDBOX_OPSGENIE_FAULT, or at runtime with
//   curl -X POST <stand-in>/__sandbox/fault -d '{"fault":"429","retryAfter":2,"times":3}'
//   curl -X DELETE <stand-in>/__sandbox/fault
// Text form (env or {"fault": "..."}): `<kind>[,key=value...]`, e.g. `429,retryAfter=2,times=3`,
// `slow,delayMs=15000`, `503,path=/incidents`.

import type { SandboxReply } from './http-kit'

export const FAULT_KINDS = ['401', '403', '420', '429', '500', '503', 'slow', 'html'] as const
type FaultKind = typeof FAULT_KINDS[number]
export type ServiceKind = 'statuspage' | 'opsgenie' | 'jsm'

export interface Fault {
  kind: FaultKind
  /** Seconds, sent as Retry-After with 420/429 (default 1). */
  retryAfter?: number
  /** How long `slow` waits before answering normally (default 3000 ms). */
  delayMs?: number
  /** Only the next N matching requests fail; then the switch turns itself off. Unset: until cleared. */
  times?: number
  /** Only requests whose path contains this text (e.g. `/incidents`, `/acknowledge`). */
  path?: string
  /** Only requests with this method (e.g. POST). */
  method?: string
}

const NUMBER_FIELDS = ['retryAfter', 'delayMs', 'times'] as const

/** A fault from its text form or a JSON object; throws with a readable message when it makes no sense. */
export function parseFault (input: unknown): Fault {
  let fields: Record<string, unknown>
  if (typeof input === 'string') {
    const [kind, ...pairs] = input.split(',').map(s => s.trim()).filter(Boolean)
    fields = { kind }
    for (const pair of pairs) {
      const [key, value] = pair.split('=').map(s => s.trim())
      if (!key || value === undefined) throw new Error(`fault option "${pair}" is not key=value`)
      fields[key] = value
    }
  } else if (input && typeof input === 'object') {
    fields = { ...(input as Record<string, unknown>) }
  } else {
    throw new Error('a fault is a string like "429,retryAfter=2" or an object like {"kind":"429"}')
  }
  const kind = String(fields.kind ?? '')
  if (!(FAULT_KINDS as readonly string[]).includes(kind)) {
    throw new Error(`unknown fault "${kind}": use one of ${FAULT_KINDS.join(', ')}`)
  }
  const fault: Fault = { kind: kind as FaultKind }
  for (const key of NUMBER_FIELDS) {
    if (fields[key] === undefined) continue
    const n = Number(fields[key])
    if (!Number.isFinite(n) || n < 0) throw new Error(`fault option ${key} must be a number >= 0`)
    fault[key] = n
  }
  if (typeof fields.path === 'string' && fields.path) fault.path = fields.path
  if (typeof fields.method === 'string' && fields.method) fault.method = fields.method.toUpperCase()
  return fault
}

/** The fault named by the environment for this service, if any (the service's own variable wins). */
export function faultFromEnv (service: ServiceKind, env: NodeJS.ProcessEnv = process.env): Fault | undefined {
  const raw = env[`SANDBOX_${service.toUpperCase()}_FAULT`]?.trim() || env.SANDBOX_FAULT?.trim()
  return raw && raw !== 'none' ? parseFault(raw) : undefined
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

export class FaultSwitch {
  private fault: Fault | undefined

  constructor (private readonly service: ServiceKind, initial?: Fault) {
    this.fault = initial
  }

  current (): Fault | undefined { return this.fault ? { ...this.fault } : undefined }
  set (fault: Fault | undefined): void { this.fault = fault && { ...fault } }
  clear (): void { this.fault = undefined }

  /** The failure to answer instead of the real handler, or undefined to go on (after any delay). */
  async apply (
    method: string, path: string, errorBody: (status: number, message: string) => unknown
  ): Promise<SandboxReply | undefined> {
    const fault = this.fault
    if (!fault) return undefined
    if (fault.path && !path.includes(fault.path)) return undefined
    if (fault.method && fault.method !== method) return undefined
    if (fault.times !== undefined) {
      fault.times -= 1
      if (fault.times <= 0) this.fault = undefined
    }
    return this.reply(fault, errorBody, method, path)
  }

  private async reply (
    fault: Fault, errorBody: (status: number, message: string) => unknown, method: string, path: string
  ): Promise<SandboxReply | undefined> {
    const retryAfter = String(fault.retryAfter ?? 1)
    switch (fault.kind) {
      case 'slow':
        await sleep(fault.delayMs ?? 3000)
        return undefined
      case '401':
        return { status: 401, body: errorBody(401, 'Could not authenticate') }
      case '403':
        // OpsGenie's answer to a key from API Key Management used for an alert action (POST
        // /v2/alerts/{id}/{action}); anything else is refused without that code.
        return this.service === 'opsgenie' && method === 'POST' && /\/alerts\/[^/]+\/[a-z]+$/.test(path)
          ? { status: 403, body: { ...(errorBody(403, 'To perform this action, use an API key from an API integration.') as object), code: 40301 } }
          : { status: 403, body: errorBody(403, 'You are not authorized to access this resource') }
      case '420':
      case '429':
        return {
          status: Number(fault.kind),
          headers: {
            'Retry-After': retryAfter,
            ...(this.service === 'opsgenie' ? { 'X-RateLimit-State': 'THROTTLED', 'X-RateLimit-Reason': 'ACCOUNT', 'X-RateLimit-Period-In-Sec': '60' } : {})
          },
          body: errorBody(Number(fault.kind), 'Rate limit exceeded')
        }
      case '500':
        return { status: 500, body: errorBody(500, 'Internal Server Error') }
      case '503':
        return { status: 503, headers: { 'Retry-After': retryAfter }, body: errorBody(503, 'Service Unavailable') }
      case 'html':
        return { status: 502, text: '<html><body><h1>502 Bad Gateway</h1></body></html>' }
    }
  }
}
