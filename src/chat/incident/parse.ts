// Pure: an `incident …` message → the command. Bad input becomes an `invalid` command whose reply
// says what to type instead; nothing is sent anywhere for it.

import { SEVERITIES, type Severity } from './model'

export type UpdateStatus = 'investigating' | 'identified' | 'monitoring'
type Role = 'lead' | 'comms'

export type IncidentCommand =
  | { kind: 'show' }
  | { kind: 'help' }
  | { kind: 'start', title: string, severity: Severity, components: string[] }
  | { kind: 'role', role: Role, who: string }
  | { kind: 'note', text: string }
  | { kind: 'link-alerts', tinyIds: string[] }
  | { kind: 'link-public', incidentId: string }
  | { kind: 'timeline' }
  | { kind: 'public', message?: string }
  | { kind: 'update', status?: UpdateStatus, message: string }
  | { kind: 'resolve', message?: string }
  | { kind: 'publish' }
  | { kind: 'draft' }
  | { kind: 'confirm', code: string }
  | { kind: 'history', count: number }
  | { kind: 'invalid', usage: string, why: string }

/** `incident` and what follows it (not `incidents`: that is `status incidents`' word). */
export const INCIDENT_PATTERN = /incident(\s[\s\S]*)?$/i

/** The most alerts one `incident link` takes (bounds the work of one message). */
export const MAX_LINKS = 20
const MAX_TITLE = 255
const DEFAULT_SEVERITY: Severity = 'P3'
const HISTORY_DEFAULT = 5
const HISTORY_MAX = 50

const invalid = (usage: string, why: string): IncidentCommand => ({ kind: 'invalid', usage, why })
const tidy = (text: string): string => text.trim().replace(/[ \t]+/g, ' ')
/** The text after an optional colon: `: all good` → `all good`. */
const afterColon = (text: string): string => tidy(text.replace(/^\s*:/, ''))

export function parseIncident (raw: string | undefined): IncidentCommand {
  const text = tidy(raw ?? '')
  if (text === '') return { kind: 'show' }
  const [word, ...restWords] = text.split(' ')
  const rest = restWords.join(' ')
  switch (word.toLowerCase().replace(/:$/, '')) {
    case 'help': return { kind: 'help' }
    case 'start': return parseStart(text.slice(word.length))
    case 'lead':
    case 'comms': {
      const role = word.toLowerCase().replace(/:$/, '') as Role
      const who = afterColon(rest)
      if (who === '' || who.length > 60) return invalid(`incident ${role} <me|name>`, 'say who: me, or their chat name')
      return { kind: 'role', role, who: who.replace(/^@/, '') }
    }
    case 'note': {
      const note = afterColon(text.slice(word.length))
      return note === '' ? invalid('incident note <text>', 'the note is empty') : { kind: 'note', text: note }
    }
    case 'link': return parseLink(rest)
    case 'timeline': return { kind: 'timeline' }
    case 'public': {
      const message = afterColon(text.slice(word.length))
      return { kind: 'public', ...(message ? { message } : {}) }
    }
    case 'update': return parseUpdate(text.slice(word.length))
    case 'resolve': {
      const message = afterColon(text.slice(word.length))
      return { kind: 'resolve', ...(message ? { message } : {}) }
    }
    case 'postmortem':
      if (/^publish$/i.test(rest)) return { kind: 'publish' }
      if (/^draft$/i.test(rest)) return { kind: 'draft' }
      return invalid('incident postmortem publish', 'the postmortem commands are: incident postmortem draft (write the draft again ' +
        'from the timeline), incident postmortem publish')
    case 'confirm':
      return /^[A-Za-z0-9]{4,8}$/.test(rest) ? { kind: 'confirm', code: rest.toUpperCase() } : invalid('incident confirm <code>', 'give the code from the publish reply')
    case 'history': {
      if (rest === '') return { kind: 'history', count: HISTORY_DEFAULT }
      const n = /^\d{1,4}$/.test(rest) ? Number(rest) : NaN
      return n >= 1 ? { kind: 'history', count: Math.min(n, HISTORY_MAX) } : invalid('incident history [<n>]', 'n is a number of incidents, e.g. 5')
    }
    default:
      return invalid('incident help', `"${word.slice(0, 30)}" is not an incident command`)
  }
}

function parseStart (args: string): IncidentCommand {
  const usage = 'incident start <title> [P1-P5] [on <components>]'
  const m = /^\s*:?\s*(.*?)(?:\s+(P[1-5]))?(?:\s+on\s+(.+))?$/i.exec(args)
  const title = tidy(m?.[1] ?? '')
  if (!m || title === '' || /^P[1-5]$/i.test(title)) return invalid(usage, 'give the incident a title')
  if (title.length > MAX_TITLE) return invalid(usage, `the title is longer than ${MAX_TITLE} characters`)
  const severity = (m[2]?.toUpperCase() ?? DEFAULT_SEVERITY) as Severity
  if (!SEVERITIES.includes(severity)) return invalid(usage, 'the severity is P1 to P5')
  const components = (m[3] ?? '').split(',').map(tidy).filter(Boolean)
  return { kind: 'start', title, severity, components }
}

function parseLink (args: string): IncidentCommand {
  const usage = 'incident link #<alert> [#<alert> …] | incident link <statuspage incident id>'
  const tokens = args.split(/[\s,]+/).filter(Boolean)
  if (tokens.length === 0) return invalid(usage, 'say which alerts (#12) or which Statuspage incident (its id)')
  if (tokens.length === 1 && /^[a-z0-9]{8,20}$/i.test(tokens[0]) && /[a-z]/i.test(tokens[0])) {
    return { kind: 'link-public', incidentId: tokens[0] }
  }
  const ids = tokens.map(t => /^#?(\d{1,10})$/.exec(t)?.[1])
  if (ids.some(id => id === undefined)) return invalid(usage, 'alerts are given by their number, e.g. #12')
  const unique = [...new Set(ids as string[])]
  if (unique.length > MAX_LINKS) return invalid(usage, `at most ${MAX_LINKS} alerts in one message`)
  return { kind: 'link-alerts', tinyIds: unique }
}

function parseUpdate (args: string): IncidentCommand {
  const usage = 'incident update [investigating|identified|monitoring]: <message>'
  const m = /^\s*(investigating|identified|monitoring)?\s*:?\s*([\s\S]*)$/i.exec(args)
  const message = tidy(m?.[2] ?? '')
  if (message === '') return invalid(usage, 'the update needs a message')
  const status = m?.[1]?.toLowerCase() as UpdateStatus | undefined
  return { kind: 'update', ...(status ? { status } : {}), message }
}
