// A short-lived cache of one page's components and unresolved incidents, so that a command needs
// only the call that changes something when the page was read moments ago (`/status X degraded`:
// one PATCH), at Statuspage's pace of about one request a second per key.
//
// Staleness bound: a change made elsewhere (the web, another bot) is seen at the latest
// `ttlMs` after the read that filled the cache. Changes made through this client update the
// cache from the API's answers; any failed call empties it, so a fault is never followed by a
// reply built on what may no longer be true. The row counts outlive the entries: the next read
// after expiry fetches all its pages at once.
//
// Reads may be a little stale; writes may not rest on a stale read. A read a write is decided on
// asks for `{ fresh: true }` and goes to Statuspage (refilling the cache).

import { createHash } from 'node:crypto'
import type { ListOptions, StatuspageClient } from './client'
import type { Component, ComponentStatusMap, Incident, IncidentChange } from './types'

export const DEFAULT_CACHE_SECONDS = 30

interface Entry<T> { rows: T[], at: number }

export class PageCache {
  components?: Entry<Component>
  incidents?: Entry<Incident>
  /** Row counts last seen, kept after expiry as a paging hint. */
  readonly counts: { components?: number, incidents?: number } = {}

  constructor (public ttlMs: number, private readonly now: () => number) {}

  fresh<T> (entry: Entry<T> | undefined): T[] | undefined {
    return entry && this.now() - entry.at < this.ttlMs ? entry.rows : undefined
  }

  entry<T> (rows: T[]): Entry<T> {
    return { rows, at: this.now() }
  }

  clear (): void {
    this.components = undefined
    this.incidents = undefined
  }
}

/** The lists this process served from a cache rather than from Statuspage (by identity, held weakly). */
const served = new WeakSet<readonly unknown[]>()

/**
 * Whether `rows` came from the page cache, not from Statuspage: a write decided on them (nothing left
 * to change, a target that has gone) is checked against a fresh read first. The wrappers around the
 * cached client hand the same list on, so this holds for what a command reads.
 */
export function fromCache (rows: readonly unknown[]): boolean {
  return served.has(rows)
}

const CLOSED = new Set(['resolved', 'postmortem', 'completed'])

/** Sets statuses on cached component rows, from an answer or from what a 2xx accepted. */
function applyStatuses (cache: PageCache, statuses: ComponentStatusMap): void {
  if (!cache.components) return
  cache.components.rows = cache.components.rows.map(c => (statuses[c.id] ? { ...c, status: statuses[c.id] } : c))
}

/** The unresolved list after a create or update answered with `incident`. */
function withIncident (cache: PageCache, incident: Incident): void {
  if (!cache.incidents) return
  const rest = cache.incidents.rows.filter(i => i.id !== incident.id)
  cache.incidents.rows = CLOSED.has(incident.status) ? rest : [incident, ...rest]
}

/** What an incident write did to component statuses: the answer's components, else what was asked. */
function statusesOf (incident: Incident, change: IncidentChange): ComponentStatusMap {
  const answered = Object.fromEntries(
    (incident.components ?? []).filter(c => c.status).map(c => [c.id, c.status])
  ) as ComponentStatusMap
  return { ...(change.components ?? {}), ...answered }
}

/** The client, reading through `cache` and keeping it current from the answers to its own writes. */
export function cachedClient (inner: StatuspageClient, cache: PageCache): StatuspageClient {
  const guard = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call()
    } catch (err) {
      cache.clear()
      throw err
    }
  }
  const read = async <T>(
    kind: 'components' | 'incidents', options: ListOptions | undefined, load: (opts: ListOptions) => Promise<T[]>
  ): Promise<T[]> => {
    const hit = options?.fresh === true ? undefined : cache.fresh(cache[kind] as Entry<T> | undefined)
    if (hit) {
      const copy = [...hit]
      served.add(copy)
      return copy
    }
    const rows = await guard(() => load({ expectedRows: cache.counts[kind] }))
    ;(cache as unknown as Record<string, Entry<T>>)[kind] = cache.entry(rows)
    cache.counts[kind] = rows.length
    return [...rows]
  }
  return {
    ...inner,
    listComponents: (options) => read('components', options, opts => inner.listComponents(opts)),
    listUnresolvedIncidents: (options) => read('incidents', options, opts => inner.listUnresolvedIncidents(opts)),
    getIncident: (id) => guard(() => inner.getIncident(id)),
    updateComponentStatus: async (id, status) => {
      const answer = await guard(() => inner.updateComponentStatus(id, status))
      applyStatuses(cache, { [id]: answer.status || status } as ComponentStatusMap)
      return answer
    },
    createIncident: async (incident) => {
      const answer = await guard(() => inner.createIncident(incident))
      applyStatuses(cache, statusesOf(answer, incident))
      withIncident(cache, answer)
      return answer
    },
    updateIncident: async (id, change) => {
      const answer = await guard(() => inner.updateIncident(id, change))
      applyStatuses(cache, statusesOf(answer, change))
      withIncident(cache, answer)
      return answer
    },
    // Maintenance is not cached; a maintenance write may change components and the incident lists: read afresh.
    listActiveMaintenances: () => guard(() => inner.listActiveMaintenances()),
    listUpcomingMaintenances: () => guard(() => inner.listUpcomingMaintenances()),
    createMaintenance: async (maintenance) => {
      try { return await inner.createMaintenance(maintenance) } finally { cache.clear() }
    },
    updateMaintenance: async (id, change) => {
      try { return await inner.updateMaintenance(id, change) } finally { cache.clear() }
    },
    // A postmortem changes no component and no unresolved incident: nothing cached to update.
    getPostmortem: (id) => guard(() => inner.getPostmortem(id)),
    putPostmortemDraft: (id, draft) => guard(() => inner.putPostmortemDraft(id, draft)),
    publishPostmortem: (id, options) => guard(() => inner.publishPostmortem(id, options))
  }
}

/** Which page a cache holds, read with which key, and for how long a read is reused. */
export interface PageCacheKey {
  apiUrl: string
  pageId: string
  apiKey: string
  ttlMs: number
}

/**
 * The page caches of one robot, one per page and key (the key is hashed), kept for the robot's life
 * (clients are built per command). Owned by the robot's runtime (chat/runtime.ts).
 */
export class PageCaches {
  private readonly byKey = new Map<string, PageCache>()

  constructor (private readonly now: () => number) {}

  for (page: PageCacheKey): PageCache {
    const key = `${page.apiUrl}|${page.pageId}|${createHash('sha256').update(page.apiKey).digest('hex').slice(0, 16)}`
    let cache = this.byKey.get(key)
    if (!cache) {
      cache = new PageCache(page.ttlMs, this.now)
      this.byKey.set(key, cache)
    }
    cache.ttlMs = page.ttlMs
    return cache
  }

  /** Forgets every page (the bench starts each run from a clean slate). */
  clear (): void { this.byKey.clear() }
}
