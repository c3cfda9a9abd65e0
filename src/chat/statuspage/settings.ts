// Everything a status command needs from the environment, read when the command runs (so a
// missing variable is reported, not thrown at load), and the client made from it.

import { createHttpClient, DEFAULT_TIMEOUT_MS } from '../../http/client'
import { createStatuspageClient, type StatuspageClient } from '../../statuspage/client'
import { STATUSPAGE } from '../../statuspage/service'
import { boolEnv, env, intEnv, requireEnv, urlEnv } from '../config'

export const DEFAULT_STATUSPAGE_API_URL = 'https://api.statuspage.io/v1'
const SERVICE = STATUSPAGE.name

export interface StatusSettings {
  apiKey: string
  pageId: string
  apiUrl: string
  timeoutMs: number
  /** false: incidents created or updated from chat do not notify subscribers. */
  notify: boolean
}

/** The variables whose values must never be shown (scrubbed from every reply and log line). */
export const secretVariables = (): Array<string | undefined> => [env('HUBOT_STATUSPAGE_API_KEY')]

/** Throws a ConfigError naming every missing or invalid variable. */
export function readSettings (): StatusSettings {
  const required = requireEnv(SERVICE, ['HUBOT_STATUSPAGE_API_KEY', 'HUBOT_STATUSPAGE_PAGE_ID'])
  return {
    apiKey: required.HUBOT_STATUSPAGE_API_KEY,
    pageId: required.HUBOT_STATUSPAGE_PAGE_ID,
    apiUrl: urlEnv(SERVICE, 'HUBOT_STATUSPAGE_API_URL', DEFAULT_STATUSPAGE_API_URL),
    timeoutMs: intEnv(SERVICE, 'HUBOT_STATUSPAGE_TIMEOUT_MS', DEFAULT_TIMEOUT_MS, 10, 120_000),
    notify: boolEnv(SERVICE, 'HUBOT_STATUSPAGE_NOTIFY', true)
  }
}

export function createClient (settings: StatusSettings): StatuspageClient {
  const http = createHttpClient({
    service: STATUSPAGE,
    baseURL: settings.apiUrl,
    authorization: `OAuth ${settings.apiKey}`,
    secrets: [settings.apiKey],
    timeoutMs: settings.timeoutMs
  })
  return createStatuspageClient({ http, pageId: settings.pageId, deliverNotifications: settings.notify })
}
