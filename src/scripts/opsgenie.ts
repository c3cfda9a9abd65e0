// Description:
//   Work OpsGenie alerts from the chat room: page people, see, acknowledge, close, escalate, assign, note and snooze alerts (only what OpsGenie confirmed is reported done), see who is on call and take a shift.
//
// Configuration:
//   HUBOT_OPSGENIE_API_KEY - required, a key from an OpsGenie API integration (Authorization: GenieKey <key>)
//   HUBOT_OPSGENIE_API_URL - optional, default https://api.opsgenie.com: the OpsGenie API (EU accounts: https://api.eu.opsgenie.com)
//   HUBOT_OPSGENIE_TIMEOUT_MS - optional, default 10000: how long one API call may take
//   HUBOT_OPSGENIE_CONCURRENCY - optional, default 5: how many API calls a bulk action runs at once (1-50)
//   HUBOT_OPSGENIE_CONFIRM_TIMEOUT_MS - optional, default 15000: how long to wait for OpsGenie to confirm one action
//   HUBOT_OPSGENIE_CLOSE_ALL_TTL_MS - optional, default 60000: how long genie close all waits for genie confirm
//   HUBOT_OPSGENIE_RATE_PER_SECOND - optional, default 20: calls per second per OpsGenie rate-limit domain (also JSM; 0: no budget)
//   HUBOT_OPSGENIE_MAX_IDS - optional, default 100: how many alert ids one genie ack/unack/close may name (1-1000)
//   HUBOT_JSM_CLOUD_ID - optional, use JSM Operations (OpsGenie's successor) instead: the site's cloud id (from https://<site>.atlassian.net/_edge/tenant_info)
//   HUBOT_JSM_SITE_URL - with HUBOT_JSM_CLOUD_ID, the Jira site, https://<site>.atlassian.net (people: genie me as, on-call names)
//   HUBOT_JSM_EMAIL - with HUBOT_JSM_CLOUD_ID, the Atlassian account email for Basic auth
//   HUBOT_JSM_API_TOKEN - with HUBOT_JSM_CLOUD_ID, the Atlassian API token for Basic auth (scopes: see docs/opsgenie.md)
//   HUBOT_JSM_INTEGRATION_KEY - optional, the key of a JSM Operations API integration: acknowledge, close and notes then show the person, not the token's account
//   HUBOT_JSM_API_URL - optional, default https://api.atlassian.com: the JSM Operations gateway
//   HUBOT_OPSGENIE_WRITERS - optional, who may act on alerts and take shifts: user ids and role:<name>, comma-separated
//   HUBOT_OPSGENIE_WRITE_ROOMS - optional, the room ids those actions are allowed from, comma-separated
//   HUBOT_OPSGENIE_IDENTITY_ADMINS - optional, who may record someone's identity (genie <chat user> is <email>): user ids and role:<name>
//   HUBOT_COMMAND_DEADLINE_SECONDS - optional, default 90 (from 5): a whole command's deadline, past it the bot answers with what it knows
//
// Commands:
//   hubot genie - Open alerts, newest first: acknowledged or not, by whom, age, count (also: genie status, genie alerts)
//   hubot genie ack - Acknowledge every open unacknowledged alert; reports what OpsGenie confirmed
//   hubot genie ack <id> [<id> ...] - Acknowledge these alerts (tinyIds, spaces or commas)
//   hubot genie unack <id> [<id> ...] - Unacknowledge these alerts
//   hubot genie close <id> [<id> ...] - Close these alerts
//   hubot genie close all - Close every open alert, after genie confirm <code> from you within 60 s
//   hubot genie confirm <code> - Confirm your genie close all
//   hubot genie note <id> <text> - Add a note to an alert
//   hubot genie snooze <id> <duration> - Snooze an alert for 30m, 2h, 1d ...
//   hubot genie page <team|user|schedule|escalation> [P1-P5]: <message> - Page them: a new alert with them as responder, answered once confirmed with its #id
//   hubot genie page #<id> <team|user> - Add a responder to an alert
//   hubot genie escalate #<id> [to <escalation>] - Escalate an alert (to its team's escalation when none is named)
//   hubot genie assign #<id> to <me|email|name> - Make someone the owner of an alert
//   hubot genie priority #<id> P1 - Change the priority of an alert (P1 to P5)
//   hubot genie ack <P1[,P2]|mine|tag:<tag>> - Acknowledge the open alerts of these priorities, yours (owned or assigned), or with this tag
//   hubot genie close <P1[,P2]|mine|tag:<tag>> - Close those open alerts, after genie confirm <code> from you within 60 s
//   hubot genie teams - The teams and escalations you can page (also: genie escalations)
//   hubot genie me as <email> - Tell the bot who you are in OpsGenie (used on every action and for genie take)
//   hubot genie me as account <accountId> - On JSM Operations, when the site hides emails: your Atlassian account id
//   hubot genie <chat user> is <email> - Identity admins: record who a chat user is in OpsGenie (verified)
//   hubot genie whoami - Who the bot thinks you are in OpsGenie
//   hubot genie forget me - Forget who you are in OpsGenie
//   hubot genie oncall [<schedule>] - Who is on call now, in one schedule or all (also: genie who is on call)
//   hubot genie take [<schedule>] for <duration> - Put yourself on call now for a while (a schedule override)
//   hubot genie log [<n>] - The last n actions taken from chat (default 10): when, who, where, what, outcome
//
// Notes:
//   Set HUBOT_ALIAS=/ so people type /genie as they would in Campfire.
//   Actions are asynchronous in OpsGenie: every one is confirmed through its request status before
//   the bot says it is done; what was refused or not confirmed in time is reported as such.
//   Every action carries user (a verified genie me as, else the chat email, else the chat name) and source hubot.
//   genie me as is verified when the chat adapter gives your email and it is that account; otherwise it is only
//   shown, never used (docs/security.md). Identity admins verify people on adapters without emails.
//   On JSM Operations, acknowledge, close and notes carry them only with HUBOT_JSM_INTEGRATION_KEY; otherwise
//   JSM shows the API token's account as the actor (and always for unacknowledge and snooze).
//   Reads are open to everyone; ack, unack, close, close all, confirm, note, snooze, take, page, escalate, assign
//   and priority are limited by
//   HUBOT_OPSGENIE_WRITERS and HUBOT_OPSGENIE_WRITE_ROOMS when set (roles through robot.auth.hasRole), and each
//   one that reached OpsGenie is logged and kept in the brain (the last 500), shown by genie log.
//
// Author:
//   hubot-statuspage-opsgenie

import { auditedBackend } from '../chat/audit/clients'
import { formatHistory } from '../chat/audit/format'
import { parseLogRequest } from '../chat/audit/parse'
import { readHistory } from '../chat/audit/store'
import { respond } from '../chat/command'
import { registerHelp } from '../chat/help'
import type { HubotRobot } from '../chat/hubot'
import { classifyGenie, GENIE_GATE } from '../chat/opsgenie/access'
import { handleGenie } from '../chat/opsgenie/handlers'
import { OPSGENIE_HELP } from '../chat/opsgenie/help'
import { GENIE_PATTERN, parseGenie } from '../chat/opsgenie/parse'
import { createClient, readSettings, secretVariables, serviceName } from '../alerting/settings'
import { runtimeOf } from '../chat/runtime'
import { findChatUser, mayRecordIdentities } from '../chat/opsgenie/identity-admins'

export = (robot: HubotRobot): void => {
  const runtime = runtimeOf(robot)
  registerHelp(robot, OPSGENIE_HELP)
  respond(robot, {
    id: 'opsgenie.genie',
    pattern: GENIE_PATTERN,
    secrets: secretVariables,
    parse: match => parseLogRequest(match[1]) ?? parseGenie(match[1] ?? ''),
    classify: classifyGenie,
    gate: GENIE_GATE,
    slow: { get service () { return serviceName() }, check: 'genie' }
  }, async ({ command, user, room, audit, deadline }) => {
    if (command.kind === 'log') return formatHistory(readHistory(robot.brain, 'opsgenie'), command.count, serviceName())
    const settings = readSettings()
    let backend: ReturnType<typeof createClient> | undefined
    return handleGenie(command, {
      backend: () => (backend ??= auditedBackend(createClient(settings, runtime), audit)),
      service: serviceName(),
      settings,
      user,
      room,
      brain: robot.brain,
      closeAll: runtime.closeAll,
      claims: runtime.claims,
      clock: runtime.clock,
      now: () => runtime.clock.now(),
      deadline,
      prefix: robot.alias || `${robot.name} `,
      chatUser: nameOrId => findChatUser(robot.brain, nameOrId),
      mayRecordIdentities: () => mayRecordIdentities(robot, user),
      audit
    })
  })
}
