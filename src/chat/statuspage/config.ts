// Statuspage settings, read from the environment each time a command runs.

import { createHttpClient, DEFAULT_TIMEOUT_MS } from '../../http/client'
import { createStatuspageClient, type StatuspageClient } from '../../statuspage/client'
import { STATUSPAGE } from '../../statuspage/service'
import { rememberWrites } from '../../webhooks/own-changes'
import { boolEnv, env, intEnv, requireEnv, urlEnv } from '../config'
import { addressPrefix } from '../command'
import type { HubotRobot } from '../hubot'
import type { StatuspageDeps } from './handlers'

export const DEFAULT_STATUSPAGE_API_URL = 'https://api.statuspage.io/v1'
const SERVICE = STATUSPAGE.name

export interface StatuspageConfig {
  apiKey: string
  pageId: string
  apiUrl: string
  timeoutMs: number
  /** false: incidents created or updated from chat do not notify subscribers. */
  notify: boolean
}

/** Throws a ConfigError naming every missing or invalid variable. */
export function readStatuspageConfig (): StatuspageConfig {
  const required = requireEnv(SERVICE, ['HUBOT_STATUSPAGE_API_KEY', 'HUBOT_STATUSPAGE_PAGE_ID'])
  return {
    apiKey: required.HUBOT_STATUSPAGE_API_KEY,
    pageId: required.HUBOT_STATUSPAGE_PAGE_ID,
    apiUrl: urlEnv(SERVICE, 'HUBOT_STATUSPAGE_API_URL', DEFAULT_STATUSPAGE_API_URL),
    timeoutMs: intEnv(SERVICE, 'HUBOT_STATUSPAGE_TIMEOUT_MS', DEFAULT_TIMEOUT_MS, 10, 120_000),
    notify: boolEnv(SERVICE, 'HUBOT_STATUSPAGE_NOTIFY', true)
  }
}

/** Values to scrub from every reply and log line. */
export const statuspageSecrets = (): Array<string | undefined> => [env('HUBOT_STATUSPAGE_API_KEY')]

export function statuspageClient (config: StatuspageConfig): StatuspageClient {
  const http = createHttpClient({
    service: STATUSPAGE,
    baseURL: config.apiUrl,
    authorization: `OAuth ${config.apiKey}`,
    secrets: [config.apiKey],
    timeoutMs: config.timeoutMs
  })
  return createStatuspageClient({ http, pageId: config.pageId, deliverNotifications: config.notify })
}

/**
 * Everything a command needs, built when it runs (so a missing variable is reported, not thrown at load).
 * Writes that succeed are remembered for `room`, so the Statuspage webhook does not announce them again there.
 */
export function statuspageDeps (robot: HubotRobot, room = ''): StatuspageDeps {
  return {
    client: rememberWrites(statuspageClient(readStatuspageConfig()), room),
    now: () => new Date(),
    prefix: addressPrefix(robot)
  }
}
