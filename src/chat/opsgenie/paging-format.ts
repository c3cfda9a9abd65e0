// Pure: the replies of genie page, escalate, assign, priority and teams.

import type { ActionOutcome } from '../../alerting/actions'
import type { Escalation, Priority, Responder, Team } from '../../alerting/types'
import { inert } from '../../util/inert'
import { boundedList, echo } from '../bounds'
import { shortReason } from './format'

export interface PageWords {
  service: string
  responder: Responder
  priority?: Priority
  confirmTimeoutMs: number
  prefix: string
}

/** Names come from the service (teams, escalations, people): one inert line each (util/inert). */
const name = (text: string): string => inert(text, 80)
const names = (list: readonly string[]): string => boundedList(list.map(name))

const whom = (r: Responder): string => `${r.type} ${name(r.name)}`

/** The new alert as the reply names it: `#42`, or its id when its tinyId could not be read. */
export interface PagedAlert { label: string, count?: number }

export function formatPaged (alert: PagedAlert, words: PageWords): string {
  const priority = words.priority ? ` ${words.priority}` : ''
  const dedupe = alert.count !== undefined && alert.count > 1
    ? ` It was already open from the same page this minute: ${words.service} counted it again (${alert.count}×) and notified nobody twice.`
    : ''
  return `Paged ${whom(words.responder)}: ${alert.label}${priority} is open, confirmed by ${words.service}.${dedupe}`
}

/** A page that was refused (nobody paged) or not confirmed (it may have gone out). */
export function formatPageNotDone (outcome: ActionOutcome, words: PageWords): string {
  const why = shortReason(outcome, words.service, words.confirmTimeoutMs)
  if (outcome.state === 'failed') return `${words.service} refused the page to ${whom(words.responder)} — ${why}. Nobody was paged.`
  return `The page to ${whom(words.responder)} is not confirmed — ${why}. It may have paged, check with ${words.prefix}genie ` +
    'before paging again (the same page within the minute is deduplicated, not sent twice).'
}

export function formatNoResponder (typed: string, suggestions: readonly string[], prefix: string, outcome = 'Nobody was paged.'): string {
  const hint = suggestions.length > 0 ? ` Did you mean: ${names(suggestions)}?` : ` See ${prefix}genie teams.`
  return `No team, user, schedule or escalation is called "${echo(typed)}".${hint} ${outcome}`
}

export function formatNoEscalation (typed: string, suggestions: readonly string[], outcome = 'Nothing was changed.'): string {
  const hint = suggestions.length > 0 ? ` Did you mean: ${names(suggestions)}?` : ''
  return `No escalation is called "${echo(typed)}".${hint} ${outcome}`
}

export function formatWhichEscalation (label: string, escalations: readonly Escalation[], prefix: string): string {
  if (escalations.length === 0) return 'There are no escalations to escalate to. Nothing was changed.'
  return `Which escalation? Say ${prefix}genie escalate ${label} to <escalation> (${names(escalations.map(e => e.name))}). Nothing was changed.`
}

export const formatAssignWho = (to: string, service: string, prefix: string): string =>
  `I don't know who "${echo(to)}" is in ${service}: give an email address, or a chat user who told me (${prefix}genie me as). Nothing was changed.`

export const formatAssignMeUnknown = (service: string, prefix: string): string =>
  `I don't know who you are in ${service}: say ${prefix}genie me as <email> first. Nothing was changed.`

export const formatResponderAdded = (label: string, responder: Responder, service: string): string =>
  `Added ${whom(responder)} as a responder to ${label} (confirmed by ${service}).`

export const formatEscalated = (label: string, escalation: Escalation, service: string): string =>
  `Escalated ${label} to ${name(escalation.name)} (confirmed by ${service}).`

export const formatAssigned = (label: string, owner: string, service: string): string =>
  `Assigned ${label} to ${name(owner)} (confirmed by ${service}).`

export const formatPrioritySet = (label: string, priority: Priority, service: string): string =>
  `${label} is now ${priority} (confirmed by ${service}).`

export function formatTeams (
  service: string, teams: readonly Team[], escalations: readonly Escalation[], prefix: string
): string {
  if (teams.length === 0 && escalations.length === 0) return `${service} has no teams or escalations.`
  const lines = [`Teams: ${teams.length > 0 ? names(teams.map(t => t.name)) : 'none'}.`]
  lines.push(`Escalations: ${escalations.length > 0 ? names(escalations.map(e => e.name)) : 'none'}.`)
  lines.push(`Page one: ${prefix}genie page <name> [P1-P5]: <message> (schedules and users by email too).`)
  return lines.join('\n')
}
