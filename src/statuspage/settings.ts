// Everything a status command needs from the environment, read when the command runs (so a
// missing variable is reported, not thrown at load), and the client made from it.

import { createHttpClient, DEFAULT_TIMEOUT_MS, type HttpRuntime } from '../http/client'
import { cachedClient, DEFAULT_CACHE_SECONDS, type PageCaches } from './cache'
import { createStatuspageClient, type StatuspageClient } from './client'
import { STATUSPAGE } from './service'
import { boolEnv, env, intEnv, requireEnv, urlEnv } from '../util/config'

const DEFAULT_STATUSPAGE_API_URL = 'https://api.statuspage.io/v1'
const SERVICE = STATUSPAGE.name

export interface StatusSettings {
  apiKey: string
  pageId: string
  apiUrl: string
  timeoutMs: number
  /** false: incidents created or updated from chat do not notify subscribers. */
  notify: boolean
  /** How long a read of components and incidents is reused (0: never). */
  cacheSeconds: number
  /** Calls allowed per rolling minute, and per second (a burst), for this key (0: no budget). */
  ratePerMinute: number
  burstPerSecond: number
}

/** Statuspage allows 1 request per second per key over a rolling 60 s window. */
const DEFAULT_RATE_PER_MINUTE = 60
/** Within that, a few calls at once are fine: one cold read of a 300-component page is 5. */
const DEFAULT_BURST_PER_SECOND = 10

/** The variables whose values must never be shown (scrubbed from every reply and log line). */
export const secretVariables = (): Array<string | undefined> => [env('HUBOT_STATUSPAGE_API_KEY')]

/** Throws a ConfigError naming every missing or invalid variable. */
export function readSettings (): StatusSettings {
  const required = requireEnv(SERVICE, ['HUBOT_STATUSPAGE_API_KEY', 'HUBOT_STATUSPAGE_PAGE_ID'])
  return {
    apiKey: required.HUBOT_STATUSPAGE_API_KEY,
    pageId: required.HUBOT_STATUSPAGE_PAGE_ID,
    apiUrl: urlEnv(SERVICE, 'HUBOT_STATUSPAGE_API_URL', DEFAULT_STATUSPAGE_API_URL),
    timeoutMs: intEnv(SERVICE, 'HUBOT_STATUSPAGE_TIMEOUT_MS', { fallback: DEFAULT_TIMEOUT_MS, min: 10, max: 120_000 }),
    notify: boolEnv(SERVICE, 'HUBOT_STATUSPAGE_NOTIFY', true),
    cacheSeconds: intEnv(SERVICE, 'HUBOT_STATUSPAGE_CACHE_SECONDS', { fallback: DEFAULT_CACHE_SECONDS, min: 0, max: 3600 }),
    ratePerMinute: intEnv(SERVICE, 'HUBOT_STATUSPAGE_RATE_PER_MINUTE', { fallback: DEFAULT_RATE_PER_MINUTE, min: 0, max: 100_000 }),
    burstPerSecond: intEnv(SERVICE, 'HUBOT_STATUSPAGE_BURST', { fallback: DEFAULT_BURST_PER_SECOND, min: 1, max: 10_000 })
  }
}

/** What clients of one robot share: its clock, governors and page caches (see chat/runtime.ts). */
export interface StatuspageRuntime extends HttpRuntime {
  pageCaches: PageCaches
}

/** The client for these settings, paced by the robot's governors and reading through its page cache. */
export function createClient (settings: StatusSettings, runtime: StatuspageRuntime): StatuspageClient {
  const http = createHttpClient({
    runtime,
    service: STATUSPAGE,
    baseURL: settings.apiUrl,
    authorization: `OAuth ${settings.apiKey}`,
    secrets: [settings.apiKey],
    timeoutMs: settings.timeoutMs,
    ...(settings.ratePerMinute > 0
      ? {
          budget: {
            windows: [
              { limit: settings.ratePerMinute, windowMs: 60_000 },
              { limit: settings.burstPerSecond, windowMs: 1000 }
            ]
          }
        }
      : {})
  })
  const client = createStatuspageClient({ http, pageId: settings.pageId, deliverNotifications: settings.notify })
  const { apiUrl, pageId, apiKey } = settings
  const cache = runtime.pageCaches.for({ apiUrl, pageId, apiKey, ttlMs: settings.cacheSeconds * 1000 })
  return cachedClient(client, cache)
}
