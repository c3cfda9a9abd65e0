// The little HTTP plumbing both stand-ins share: a loopback-only server, a router with :params,
// JSON in and out, the control endpoints (/__sandbox/...) and the fault switch in front of every
// API route. Plain node:http, so the sandbox adds no dependency to the package.

import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { FaultSwitch, parseFault } from './faults'

export interface SandboxRequest {
  method: string
  path: string
  query: URLSearchParams
  params: Record<string, string>
  headers: http.IncomingHttpHeaders
  body: unknown
  /** The server's own origin, e.g. http://127.0.0.1:51234 (for paging links). */
  origin: string
}

export interface SandboxReply {
  status: number
  body?: unknown
  headers?: Record<string, string>
  /** Raw text instead of JSON (the fault that imitates a proxy's HTML page). */
  text?: string
}

export type Handler = (req: SandboxRequest) => SandboxReply | Promise<SandboxReply>

interface Route { method: string, parts: string[], handler: Handler }

export class Router {
  private readonly routes: Route[] = []

  on (method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, parts: pattern.split('/').filter(Boolean), handler })
    return this
  }

  /** The handler and :params for a request, 'method' when only the method is wrong, or undefined. */
  match (method: string, path: string): { handler: Handler, params: Record<string, string> } | 'method' | undefined {
    const parts = path.split('/').filter(Boolean)
    let wrongMethod = false
    for (const route of this.routes) {
      if (route.parts.length !== parts.length) continue
      const params: Record<string, string> = {}
      const same = route.parts.every((p, i) => {
        if (p.startsWith(':')) { params[p.slice(1)] = decodeURIComponent(parts[i]); return true }
        return p === parts[i]
      })
      if (!same) continue
      if (route.method !== method) { wrongMethod = true; continue }
      return { handler: route.handler, params }
    }
    return wrongMethod ? 'method' : undefined
  }
}

interface RequestLogEntry { method: string, path: string, query: string, status: number, at: string }

export interface StandInOptions {
  name: string
  router: Router
  faults: FaultSwitch
  /** Answers for the API's own error shape (each API words its errors differently). */
  errorBody: (status: number, message: string) => unknown
  /** The state as JSON, for GET /__sandbox/state. */
  snapshot: () => unknown
  reset: () => void
  port?: number
  /** The stand-in's own control endpoints (e.g. firing an alert); undefined passes to the shared ones. */
  control?: (method: string, path: string, body: Record<string, unknown>) => SandboxReply | undefined
}

export interface StandIn {
  name: string
  origin: string
  server: http.Server
  /** Every API request answered, oldest first (capped), so tests can check how the package paged. */
  requests: RequestLogEntry[]
  close(): Promise<void>
}

const MAX_LOG = 1000
const MAX_BODY = 1_000_000

/** Starts a stand-in on 127.0.0.1 (never another interface): it is a toy, not a service. */
export async function startStandIn (options: StandInOptions): Promise<StandIn> {
  const requests: RequestLogEntry[] = []
  const server = http.createServer((req, res) => {
    void handle(req, res, options, origin(), requests)
  })
  // Keep-alive sockets would hold close() open for seconds.
  server.keepAliveTimeout = 1000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => { server.off('error', reject); resolve() })
  })
  const origin = (): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    name: options.name,
    origin: origin(),
    server,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
  }
}

async function handle (
  req: http.IncomingMessage, res: http.ServerResponse, options: StandInOptions, origin: string, log: RequestLogEntry[]
): Promise<void> {
  const url = new URL(req.url ?? '/', origin)
  const method = (req.method ?? 'GET').toUpperCase()
  let reply: SandboxReply
  try {
    const raw = await readBody(req)
    // Also under the API's base path: the banner shows Statuspage's URL with /v1, and people append to it.
    const at = url.pathname.indexOf('/__sandbox/')
    if (at !== -1) {
      reply = control(method, url.pathname.slice(at), raw, options)
    } else {
      reply = await api(method, url, raw, req.headers, options, origin)
      log.push({ method, path: url.pathname, query: url.search, status: reply.status, at: new Date().toISOString() })
      if (log.length > MAX_LOG) log.shift()
    }
  } catch (err) {
    reply = { status: 500, body: options.errorBody(500, `sandbox bug: ${err instanceof Error ? err.message : String(err)}`) }
  }
  write(res, reply)
}

async function api (
  method: string, url: URL, raw: string, headers: http.IncomingHttpHeaders, options: StandInOptions, origin: string
): Promise<SandboxReply> {
  const faulted = await options.faults.apply(method, url.pathname, options.errorBody)
  if (faulted) return faulted
  const found = options.router.match(method, url.pathname)
  if (found === undefined) return { status: 404, body: options.errorBody(404, `No route for ${method} ${url.pathname}`) }
  if (found === 'method') return { status: 405, body: options.errorBody(405, `${method} is not allowed on ${url.pathname}`) }
  let body: unknown
  if (raw.trim() !== '') {
    try {
      body = JSON.parse(raw)
    } catch {
      return { status: 400, body: options.errorBody(400, 'Request body is not valid JSON') }
    }
  }
  return found.handler({
    method, path: url.pathname, query: url.searchParams, params: found.params, headers, body, origin
  })
}

/** The control endpoints: unauthenticated (loopback only) and never subject to faults. */
function control (method: string, path: string, raw: string, options: StandInOptions): SandboxReply {
  const json = (): Record<string, unknown> => {
    try { return raw.trim() ? JSON.parse(raw) : {} } catch { return {} }
  }
  const own = options.control?.(method, path, json())
  if (own) return own
  if (path === '/__sandbox/fault' && method === 'GET') return { status: 200, body: { fault: options.faults.current() ?? null } }
  if (path === '/__sandbox/fault' && method === 'DELETE') { options.faults.clear(); return { status: 200, body: { fault: null } } }
  if (path === '/__sandbox/fault' && method === 'POST') {
    const input = json()
    try {
      const fault = typeof input.fault === 'string' ? { ...parseFault(input.fault), ...withoutKey(input, 'fault') } : parseFault(input)
      options.faults.set(fault)
      return { status: 200, body: { fault: options.faults.current() ?? null } }
    } catch (err) {
      return { status: 422, body: { message: err instanceof Error ? err.message : String(err) } }
    }
  }
  if (path === '/__sandbox/state' && method === 'GET') return { status: 200, body: options.snapshot() }
  if (path === '/__sandbox/reset' && method === 'POST') { options.reset(); options.faults.clear(); return { status: 200, body: { reset: true } } }
  return { status: 404, body: { message: 'control endpoints: GET|POST|DELETE /__sandbox/fault, GET /__sandbox/state, POST /__sandbox/reset' } }
}

function withoutKey (o: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = o
  return rest
}

function write (res: http.ServerResponse, reply: SandboxReply): void {
  const headers: Record<string, string> = { ...reply.headers }
  let payload = ''
  if (reply.text !== undefined) {
    payload = reply.text
    headers['Content-Type'] ??= 'text/html; charset=utf-8'
  } else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body)
    headers['Content-Type'] = 'application/json; charset=utf-8'
  }
  headers['Content-Length'] = String(Buffer.byteLength(payload))
  res.writeHead(reply.status, headers)
  res.end(payload)
}

function readBody (req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) { reject(new Error('request body too large')); req.destroy(); return }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** The API key from `Authorization: <scheme> <key>`, or undefined (the scheme must match exactly). */
export function keyFrom (headers: http.IncomingHttpHeaders, scheme: string): string | undefined {
  const value = headers.authorization
  if (typeof value !== 'string') return undefined
  const match = /^(\S+)\s+(.+)$/.exec(value.trim())
  return match && match[1] === scheme ? match[2] : undefined
}
