// Description:
//   Run your Atlassian Statuspage from the chat room: see and set component states, open, update and resolve incidents, schedule maintenance.
//
// Configuration:
//   HUBOT_STATUSPAGE_API_KEY - required, the Statuspage API key (Authorization: OAuth <key>)
//   HUBOT_STATUSPAGE_PAGE_ID - required, the id of the status page
//   HUBOT_STATUSPAGE_API_URL - optional, default https://api.statuspage.io/v1: the Statuspage API's base URL
//   HUBOT_STATUSPAGE_TIMEOUT_MS - optional, default 10000: how long to wait for each API answer
//   HUBOT_STATUSPAGE_CACHE_SECONDS - optional, default 30: how long a read of components and incidents is reused (0-3600; 0: never)
//   HUBOT_STATUSPAGE_RATE_PER_MINUTE - optional, default 60: calls per rolling minute for this key (0: no client-side budget)
//   HUBOT_STATUSPAGE_BURST - optional, default 10: calls per second within that budget
//   HUBOT_STATUSPAGE_NOTIFY - optional, default true: false and incidents and maintenance from chat do not notify subscribers (nor remind them)
//   HUBOT_STATUSPAGE_WRITERS - optional, who may change the page: user ids and role:<name>, comma-separated
//   HUBOT_STATUSPAGE_WRITE_ROOMS - optional, the room ids the page may be changed from, comma-separated
//   HUBOT_COMMAND_DEADLINE_SECONDS - optional, default 90 (from 5): a whole command's deadline, past it the bot answers with what it knows
//
// Commands:
//   hubot status - What is not operational, and the unresolved incidents (also: status?)
//   hubot status components - Every component with its state, grouped
//   hubot status <component>? - One component's state and the incident affecting it
//   hubot status <component> <state> - Set a component: operational|ok, degraded, partial, major|down, maintenance
//   hubot status <component> <state>: <message> - Set a component and explain it in its incident (opened if none)
//   hubot status incidents - The unresolved incidents with their latest update
//   hubot status open [<incident status>] <name>[: <message>] - Open an incident (investigating by default)
//   hubot status update [<incident id>] [<incident status>]: <message> - Add an update to an incident
//   hubot status resolve [<incident id>][: <message>] - Resolve an incident and set its components operational
//   hubot status maintenance - Maintenance in progress and upcoming, with windows (UTC)
//   hubot status maintenance <name> from <time> for <duration> [on <components>]: <message> - Schedule maintenance (UTC unless a zone is given)
//   hubot status maintenance start|complete|cancel [<id>][: <message>] - Start, complete or call off a maintenance
//   hubot status maintenance update [<id>] [<status>]: <message> - Add an update to a maintenance
//   hubot status help - The status commands, one a line
//   hubot status log [<n>] - The last n changes made from chat (default 10): when, who, where, what, outcome
//
// Notes:
//   Set HUBOT_ALIAS=/ so people type /status as they would in Campfire.
//   Reads are open to everyone; set, open, update, resolve and maintenance changes are limited by HUBOT_STATUSPAGE_WRITERS and
//   HUBOT_STATUSPAGE_WRITE_ROOMS when set (roles through robot.auth.hasRole, e.g. hubot-auth), and each one
//   that reached Statuspage is logged and kept in the brain (the last 500), shown by status log.
//
// Author:
//   hubot-statuspage-opsgenie

import { auditedStatuspage } from '../chat/audit/clients'
import { formatHistory } from '../chat/audit/format'
import { parseLogRequest } from '../chat/audit/parse'
import { readHistory } from '../chat/audit/store'
import { addressPrefix, respond } from '../chat/command'
import { registerHelp } from '../chat/help'
import type { HubotRobot } from '../chat/hubot'
import { classifyStatus, STATUS_GATE } from '../chat/statuspage/access'
import type { StatuspageClient } from '../statuspage/client'
import { rememberWrites } from '../statuspage/own-changes'
import { handleStatus } from '../chat/statuspage/handlers'
import { STATUSPAGE_HELP } from '../chat/statuspage/help'
import { parseStatus, STATUS_PATTERN } from '../chat/statuspage/parse'
import { runtimeOf } from '../chat/runtime'
import { createClient, readSettings, secretVariables, type StatusSettings } from '../statuspage/settings'

const STATUS_SLOW = { service: 'Statuspage', check: 'status (and status incidents)' }

// One listener for every `status` message: the pure parser decides which command it is, so no
// message is ever answered twice. Writes are gated and audited in respond().
export = (robot: HubotRobot): void => {
  const runtime = runtimeOf(robot)
  registerHelp(robot, STATUSPAGE_HELP)
  respond(robot, {
    id: 'statuspage.status',
    pattern: STATUS_PATTERN,
    secrets: secretVariables,
    parse: match => parseLogRequest(match[1]) ?? parseStatus(match[1]),
    classify: classifyStatus,
    gate: STATUS_GATE,
    slow: STATUS_SLOW
  }, async ({ command, audit, room }) => {
    if (command.kind === 'log') return formatHistory(readHistory(robot.brain, 'statuspage'), command.count, 'Statuspage')
    let settings: StatusSettings | undefined
    const readSettingsOnce = (): StatusSettings => (settings ??= readSettings())
    let client: StatuspageClient | undefined
    // Writes that succeed are remembered for this room, so the webhook does not announce them again here.
    const made = (): StatuspageClient =>
      auditedStatuspage(rememberWrites(createClient(readSettingsOnce(), runtime), room, runtime.ownChanges), audit)
    return handleStatus(command, {
      settings: readSettingsOnce,
      client: () => (client ??= made()),
      room,
      now: () => new Date(runtime.clock.now()),
      prefix: addressPrefix(robot)
    })
  })
}
