// What every status handler gets: the client and the settings (both read on first use, so the
// answers that need no API work without a key), where the command came from, the clock and prefix.

import type { StatuspageClient } from '../../statuspage/client'
import type { StatusSettings } from '../../statuspage/settings'

export interface StatusContext {
  client(): StatuspageClient
  settings(): StatusSettings
  room: string
  now(): Date
  /** How people address the robot: `/` or `hubot `. */
  prefix: string
}
