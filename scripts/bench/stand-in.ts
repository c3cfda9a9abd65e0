// The bench's stand-in for OpsGenie and Statuspage: a node:http server on 127.0.0.1, in this
// process, answering every call after a fixed latency. OpsGenie processes an action a fixed time
// after it arrived (before that, its request status answers 404 RequestNotProcessed, as the API
// does). Records every call (arrival, answer, kind) for the figures. Shapes follow the contract
// sheet; only what the benched commands need.

import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface CallRecord { kind: string, start: number, end: number }

export interface StandInSettings {
  latencyMs: number
  processingMs: number
  alerts: number
  components: number
}

const now = (): number => performance.now()

/** @public Loaded by require() inside the worker thread (bench/worker.ts), which knip cannot follow. */
export class StandIn {
  settings: StandInSettings = { latencyMs: 10, processingMs: 0, alerts: 0, components: 10 }
  calls: CallRecord[] = []
  private arrived = new Map<string, number>()
  private acked = new Set<string>()
  private componentStatus = new Map<string, string>()
  private incidents: any[] = []
  private server?: http.Server
  url = ''

  /** A fresh account: N open alerts, a page of M components with one unresolved incident. */
  reset (settings: Partial<StandInSettings>): void {
    this.settings = { ...this.settings, ...settings }
    this.calls = []
    this.arrived.clear()
    this.acked.clear()
    this.componentStatus.clear()
    for (let i = 0; i < this.settings.components; i++) this.componentStatus.set(cid(i), i === 1 ? 'major_outage' : 'operational')
    this.incidents = [incident('inc000000001', 'Builds are failing', [this.component(1)])]
  }

  async start (): Promise<void> {
    this.server = http.createServer((req, res) => this.handle(req, res))
    await new Promise<void>(resolve => this.server!.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  async stop (): Promise<void> {
    this.server?.closeAllConnections?.()
    await new Promise<void>(resolve => this.server?.close(() => resolve()) ?? resolve())
  }

  private component (i: number): any {
    return {
      id: cid(i),
      page_id: 'benchpage',
      group_id: null,
      group: false,
      name: `Service ${i + 1}`,
      description: null,
      position: i + 1,
      status: this.componentStatus.get(cid(i)) ?? 'operational',
      showcase: true,
      only_show_if_degraded: false
    }
  }

  private handle (req: http.IncomingMessage, res: http.ServerResponse): void {
    const start = now()
    let body = ''
    req.on('data', chunk => { body += chunk })
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x')
      const [status, payload, headers, kind] = this.route(req.method ?? 'GET', url, body, start)
      setTimeout(() => {
        res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
        res.end(JSON.stringify(payload))
        this.calls.push({ kind, start, end: now() })
      }, this.settings.latencyMs)
    })
  }

  private route (
    method: string, url: URL, body: string, arrivedAt: number
  ): [number, unknown, Record<string, string>, string] {
    const p = url.pathname
    // OpsGenie
    if (method === 'GET' && p === '/v2/alerts') {
      const offset = Number(url.searchParams.get('offset') ?? 0)
      const limit = Number(url.searchParams.get('limit') ?? 20)
      const ids = Array.from({ length: this.settings.alerts }, (_, i) => i + 1).filter(n => !this.acked.has(alertId(n)))
      const page = ids.slice(offset, offset + limit).map(n => ({
        id: alertId(n),
        tinyId: String(n),
        message: `Bench alert ${n}`,
        status: 'open',
        acknowledged: false,
        count: 1,
        priority: 'P3',
        createdAt: new Date(Date.now() - n * 1000).toISOString()
      }))
      const paging = offset + limit < ids.length ? { next: `/v2/alerts?offset=${offset + limit}&limit=${limit}` } : {}
      return [200, { data: page, paging, took: 0.01, requestId: 'list' }, {}, 'list']
    }
    // Paging: the lists that check a name, the create (processed like an action), the new alert read by id.
    if (method === 'GET' && (p === '/v2/teams' || p === '/v2/escalations' || p === '/v2/schedules')) {
      return [200, { data: [{ id: `${p.slice(4)}-1`, name: 'Platform', enabled: true }], took: 0.01, requestId: 'named' }, {}, 'names']
    }
    if (method === 'POST' && p === '/v2/alerts') {
      const requestId = `req-${alertId(900_000 + this.arrived.size)}-${this.arrived.size}`
      this.arrived.set(requestId, arrivedAt)
      return [202, { result: 'Request will be processed', took: 0.01, requestId }, {}, 'create']
    }
    const one = /^\/v2\/alerts\/([0-9a-f-]{36})$/.exec(p)
    if (method === 'GET' && one) {
      const alert = { id: one[1], tinyId: String(Number(one[1].slice(-12))), message: 'Bench page', status: 'open', acknowledged: false, count: 1, priority: 'P1', createdAt: new Date().toISOString() }
      return [200, { data: alert, took: 0.01, requestId: 'get' }, {}, 'get']
    }
    let m = /^\/v2\/alerts\/([^/]+)\/acknowledge$/.exec(p)
    if (method === 'POST' && m) {
      const requestId = `req-${m[1]}-${this.arrived.size}`
      this.arrived.set(requestId, arrivedAt)
      return [202, { result: 'Request will be processed', took: 0.01, requestId }, {}, 'act']
    }
    m = /^\/v2\/alerts\/requests\/([^/]+)$/.exec(p)
    if (method === 'GET' && m) {
      const at = this.arrived.get(m[1])
      if (at !== undefined && arrivedAt >= at + this.settings.processingMs) {
        const id = m[1].replace(/^req-/, '').replace(/-\d+$/, '')
        this.acked.add(id)
        return [200, { data: { success: true, isSuccess: true, action: 'Acknowledge', status: 'Acknowledged', alertId: id }, took: 0.01 }, {}, 'status']
      }
      return [404, { message: 'Request not processed', took: 0 }, { 'X-Opsgenie-Errortype': 'RequestNotProcessed' }, 'status-pending']
    }
    // Statuspage
    if (method === 'GET' && p.endsWith('/components')) {
      const page = Number(url.searchParams.get('page') ?? 1)
      const per = Number(url.searchParams.get('per_page') ?? 100)
      const rows = Array.from({ length: this.settings.components }, (_, i) => this.component(i))
        .slice((page - 1) * per, page * per)
      return [200, rows, {}, 'components']
    }
    if (method === 'GET' && p.endsWith('/incidents/unresolved')) {
      const page = Number(url.searchParams.get('page') ?? 1)
      return [200, page === 1 ? this.incidents : [], {}, 'incidents']
    }
    m = /\/components\/([^/]+)$/.exec(p)
    if (method === 'PATCH' && m) {
      const status = JSON.parse(body || '{}').component?.status ?? 'operational'
      this.componentStatus.set(m[1], status)
      return [200, this.component(Number(m[1].slice(3))), {}, 'patch-component']
    }
    if (method === 'POST' && p.endsWith('/incidents')) {
      const asked = JSON.parse(body || '{}').incident ?? {}
      for (const [id, status] of Object.entries(asked.components ?? {})) this.componentStatus.set(id, String(status))
      const created = incident(`inc${String(this.incidents.length + 1).padStart(9, '0')}`, asked.name ?? 'Incident',
        (asked.component_ids ?? []).map((id: string) => this.component(Number(id.slice(3)))), asked.status ?? 'investigating')
      this.incidents.unshift(created)
      return [201, created, {}, 'post-incident']
    }
    m = /\/incidents\/([^/]+)$/.exec(p)
    if (m && (method === 'PATCH' || method === 'GET')) {
      const found = this.incidents.find(i => i.id === m![1])
      if (!found) return [404, { error: 'Not found' }, {}, 'incident']
      if (method === 'PATCH') {
        const asked = JSON.parse(body || '{}').incident ?? {}
        for (const [id, status] of Object.entries(asked.components ?? {})) this.componentStatus.set(id, String(status))
        if (asked.status) found.status = asked.status
        if (found.status === 'resolved') this.incidents = this.incidents.filter(i => i !== found)
        return [200, found, {}, 'patch-incident']
      }
      return [200, found, {}, 'get-incident']
    }
    return [404, { message: `no route ${method} ${p}` }, {}, 'unknown']
  }
}

const cid = (i: number): string => `cmp${String(i).padStart(9, '0')}`
const alertId = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

function incident (id: string, name: string, components: any[], status = 'identified'): any {
  const at = new Date().toISOString()
  return {
    id,
    name,
    status,
    impact: 'major',
    impact_override: null,
    shortlink: `https://stspg.io/${id}`,
    created_at: at,
    updated_at: at,
    components,
    incident_updates: [{ id: `upd-${id}`, incident_id: id, status, body: 'Bench incident.', created_at: at, display_at: at, affected_components: [] }]
  }
}

/** Round trips: a call that starts after every earlier call ended begins a new one. */
export function roundTrips (calls: readonly CallRecord[]): number {
  let trips = 0
  let frontier = -Infinity
  for (const c of [...calls].sort((a, b) => a.start - b.start)) {
    if (c.start >= frontier) trips++
    frontier = Math.max(frontier === -Infinity ? c.end : frontier, c.end)
  }
  return trips
}

/** The most calls that arrived within any window of `windowMs`. */
export function peakPerWindow (calls: readonly CallRecord[], windowMs = 1000): number {
  const starts = calls.map(c => c.start).sort((a, b) => a - b)
  let most = 0
  for (let i = 0, j = 0; j < starts.length; j++) {
    while (starts[j] - starts[i] >= windowMs) i++
    most = Math.max(most, j - i + 1)
  }
  return most
}
