import type { HelpEntry } from '../help'

// Keep in the same order and words as the `// Commands:` header of src/scripts/opsgenie.ts
// (a test compares them).
export const OPSGENIE_HELP: HelpEntry[] = [
  { id: 'opsgenie.status', usage: 'genie', description: 'Open alerts, newest first: acknowledged or not, by whom, age, count (also: genie status, genie alerts)' },
  { id: 'opsgenie.ack_all', usage: 'genie ack', description: 'Acknowledge every open unacknowledged alert; reports what OpsGenie confirmed' },
  { id: 'opsgenie.ack', usage: 'genie ack <id> [<id> ...]', description: 'Acknowledge these alerts (tinyIds, spaces or commas)' },
  { id: 'opsgenie.unack', usage: 'genie unack <id> [<id> ...]', description: 'Unacknowledge these alerts' },
  { id: 'opsgenie.close', usage: 'genie close <id> [<id> ...]', description: 'Close these alerts' },
  { id: 'opsgenie.close_all', usage: 'genie close all', description: 'Close every open alert, after genie confirm <code> from you within 60 s' },
  { id: 'opsgenie.confirm', usage: 'genie confirm <code>', description: 'Confirm your genie close all' },
  { id: 'opsgenie.note', usage: 'genie note <id> <text>', description: 'Add a note to an alert' },
  { id: 'opsgenie.snooze', usage: 'genie snooze <id> <duration>', description: 'Snooze an alert for 30m, 2h, 1d ...' },
  { id: 'opsgenie.page', usage: 'genie page <team|user|schedule|escalation> [P1-P5]: <message>', description: 'Page them: a new alert with them as responder, answered once confirmed with its #id' },
  { id: 'opsgenie.page_responder', usage: 'genie page #<id> <team|user>', description: 'Add a responder to an alert' },
  { id: 'opsgenie.escalate', usage: 'genie escalate #<id> [to <escalation>]', description: 'Escalate an alert (to its team\'s escalation when none is named)' },
  { id: 'opsgenie.assign', usage: 'genie assign #<id> to <me|email|name>', description: 'Make someone the owner of an alert' },
  { id: 'opsgenie.priority', usage: 'genie priority #<id> P1', description: 'Change the priority of an alert (P1 to P5)' },
  { id: 'opsgenie.ack_filtered', usage: 'genie ack <P1[,P2]|mine|tag:<tag>>', description: 'Acknowledge the open alerts of these priorities, yours (owned or assigned), or with this tag' },
  { id: 'opsgenie.close_filtered', usage: 'genie close <P1[,P2]|mine|tag:<tag>>', description: 'Close those open alerts, after genie confirm <code> from you within 60 s' },
  { id: 'opsgenie.teams', usage: 'genie teams', description: 'The teams and escalations you can page (also: genie escalations)' },
  { id: 'opsgenie.me', usage: 'genie me as <email>', description: 'Tell the bot who you are in OpsGenie (used on every action and for genie take)' },
  { id: 'opsgenie.me_account', usage: 'genie me as account <accountId>', description: 'On JSM Operations, when the site hides emails: your Atlassian account id' },
  { id: 'opsgenie.identity_record', usage: 'genie <chat user> is <email>', description: 'Identity admins: record who a chat user is in OpsGenie (verified)' },
  { id: 'opsgenie.whoami', usage: 'genie whoami', description: 'Who the bot thinks you are in OpsGenie' },
  { id: 'opsgenie.forget', usage: 'genie forget me', description: 'Forget who you are in OpsGenie' },
  { id: 'opsgenie.oncall', usage: 'genie oncall [<schedule>]', description: 'Who is on call now, in one schedule or all (also: genie who is on call)' },
  { id: 'opsgenie.take', usage: 'genie take [<schedule>] for <duration>', description: 'Put yourself on call now for a while (a schedule override)' },
  { id: 'opsgenie.log', usage: 'genie log [<n>]', description: 'The last n actions taken from chat (default 10): when, who, where, what, outcome' }
]
