// `genie ...` text → what the person asked for. Pure: no robot, no API, so every form is unit
// tested and the one listener in src/scripts/opsgenie.ts only dispatches.

import { boundedDuration, SNOOZE_LIMITS, TAKE_LIMITS } from '../../util/duration'
import { MAX_MESSAGE_CHARS, MAX_NAME_CHARS, tooLong } from '../bounds'
import { parsePaging, parseSelector, type AlertSelector, type PagingCommand } from './parse-paging'

export type GenieCommand =
  | { kind: 'status' }
  | { kind: 'ack-all' }
  | { kind: 'ack' | 'unack' | 'close', ids: string[] }
  /** `genie ack P1`, `genie close mine`…: the open alerts the selector picks. */
  | { kind: 'ack-filtered' | 'close-filtered', selector: AlertSelector }
  | PagingCommand
  | { kind: 'close-all' }
  | { kind: 'confirm', code: string }
  | { kind: 'note', id: string, text: string }
  | { kind: 'snooze', id: string, durationMs: number }
  | { kind: 'me-as', email: string }
  | { kind: 'me-as-account', accountId: string }
  | { kind: 'whoami' }
  | { kind: 'forget-me' }
  /** An identity admin records who a chat user is: `genie <chat user> is <email>`. */
  | { kind: 'identity-record', who: string, email: string }
  | { kind: 'oncall', schedule?: string }
  | { kind: 'take', schedule?: string, durationMs: number }
  | { kind: 'help' }
  /** A known verb with arguments that do not fit: `usage` says the right form. */
  | { kind: 'invalid', usage: string, why: string }
  | { kind: 'unknown', text: string }
  /** Over a bound on what one message may ask (its length): `reply` says which. */
  | { kind: 'refused', reply: string }

/** The listener's pattern: `genie`, or `genie` and anything; a colon may follow the word (`genie: ack 5`). */
export const GENIE_PATTERN = /genie:?(?:\s+([\s\S]*))?$/i

/**
 * An alert id as people type it: a tinyId (digits, `12` or `#12`) or a full id, which both vendors
 * write as hyphenated parts (UUID-like, `70413a06-38d6-4c85-92b8-5ebc900d42e2`). A plain word such
 * as `abc` is neither, so it is answered as not an id instead of being looked up.
 */
const ID = /^#?(\d+)$|^([A-Za-z0-9][A-Za-z0-9_]*-[A-Za-z0-9_-]*)$/
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/
/** Atlassian account ids: `5b10ac8d82e05b22cc7d4ef5` or `712020:0e7bcc2b-…`. */
const ACCOUNT_ID = /^[A-Za-z0-9][A-Za-z0-9:_-]{0,127}$/

/** Ids separated by spaces and/or commas; `#12` and `12` are the same. Undefined if one is not an id. */
export function parseIds (text: string): string[] | undefined {
  const words = text.split(/[\s,]+/).filter(Boolean)
  const ids: string[] = []
  for (const word of words) {
    const m = ID.exec(word)
    if (!m) return undefined
    ids.push(m[1] ?? m[2])
  }
  return ids
}

/** Why the ids in `text` were not understood: the first word that is not an alert id, named. */
function notAnId (text: string, fallback: string): string {
  const word = text.split(/[\s,]+/).find(w => w !== '' && !ID.test(w))
  if (word === undefined) return fallback
  const shown = word.length > 40 ? `${word.slice(0, 40)}…` : word
  return `${shown} is not an alert id: tinyIds are numbers such as 12 or #12, full ids look like 70413a06-38d6-4c85-92b8-5ebc900d42e2`
}

/** Chat clients turn addresses into links: `<mailto:a@b.com|a@b.com>` → `a@b.com`. */
function unlinkEmail (text: string): string {
  const m = /^<mailto:([^|>]+)(?:\|[^>]*)?>$/i.exec(text)
  return m ? m[1] : text
}

const invalid = (usage: string, why: string): GenieCommand => ({ kind: 'invalid', usage, why })

/** The refusal when `text` is over its bound, else undefined. */
function refuse (what: string, text: string, max: number): GenieCommand | undefined {
  const reply = tooLong(what, text, max)
  return reply === undefined ? undefined : { kind: 'refused', reply }
}

/** Parses what follows `genie` (may be empty). */
export function parseGenie (input: string): GenieCommand {
  // Refused before any other work: a note is the longest thing a genie command carries.
  const long = refuse('message', input, MAX_MESSAGE_CHARS + 100)
  if (long) return long
  const text = input.trim().replace(/\s+/g, ' ')
  const lower = text.toLowerCase()
  if (lower === '' || lower === 'status' || lower === 'alerts') return { kind: 'status' }
  if (lower === 'help') return { kind: 'help' }

  const [verbRaw, ...rest] = text.split(' ')
  const verb = verbRaw.toLowerCase()
  const args = rest.join(' ')

  const paging = parsePaging(verb, args)
  if (paging) return paging
  switch (verb) {
    case 'ack':
    case 'unack':
    case 'close': {
      if (verb === 'ack' && args === '') return { kind: 'ack-all' }
      if (verb === 'close' && args.toLowerCase() === 'all') return { kind: 'close-all' }
      const ids = parseIds(args)
      const selector = verb === 'unack' || ids ? undefined : parseSelector(args)
      if (selector && 'why' in selector) return invalid(`genie ${verb} P1[,P2]`, selector.why)
      if (selector) return { kind: verb === 'ack' ? 'ack-filtered' : 'close-filtered', selector }
      if (!ids || ids.length === 0) return invalid(`genie ${verb} <id> [<id> ...]`, notAnId(args, 'give the alerts\' tinyIds, e.g. 12 13 or #12, #13'))
      return { kind: verb, ids }
    }
    case 'confirm': {
      if (!/^[A-Za-z0-9]+$/.test(args)) return invalid('genie confirm <code>', 'give the code from the close all reply')
      return { kind: 'confirm', code: args.toUpperCase() }
    }
    case 'note': {
      const m = /^(\S+) (.+)$/.exec(args)
      const ids = m ? parseIds(m[1]) : undefined
      if (!m || !ids || ids.length !== 1) return invalid('genie note <id> <text>', notAnId(m?.[1] ?? '', 'give one alert id and the note'))
      return refuse('note', m[2], MAX_MESSAGE_CHARS) ?? { kind: 'note', id: ids[0], text: m[2] }
    }
    case 'snooze': {
      const m = /^(\S+) (?:for )?(.+)$/i.exec(args)
      const ids = m ? parseIds(m[1]) : undefined
      const duration = m ? boundedDuration(m[2], SNOOZE_LIMITS) : undefined
      if (!m || !ids || ids.length !== 1 || duration === undefined) {
        return invalid('genie snooze <id> <duration>', notAnId(m?.[1] ?? '', 'give one alert id and a duration such as 30m, 2h or 1d'))
      }
      if ('why' in duration) return invalid('genie snooze <id> <duration>', duration.why)
      return { kind: 'snooze', id: ids[0], durationMs: duration.ms }
    }
    case 'me': {
      const long = refuse('address', args, MAX_NAME_CHARS)
      if (long) return long
      const account = /^as account (\S+)$/i.exec(args)
      if (account) {
        if (!ACCOUNT_ID.test(account[1])) return invalid('genie me as account <accountId>', 'give your Atlassian account id, e.g. 5b10ac8d82e05b22cc7d4ef5')
        return { kind: 'me-as-account', accountId: account[1] }
      }
      const m = /^as (\S+)$/i.exec(args)
      const email = m ? unlinkEmail(m[1]) : undefined
      if (!email || !EMAIL.test(email)) return invalid('genie me as <email>', 'give your OpsGenie login, an email address')
      return { kind: 'me-as', email }
    }
    case 'whoami':
      if (args === '') return { kind: 'whoami' }
      break
    case 'forget':
      if (args.toLowerCase() === 'me') return { kind: 'forget-me' }
      break
    case 'oncall':
      return refuse('schedule name', args, MAX_NAME_CHARS) ?? (args === '' ? { kind: 'oncall' } : { kind: 'oncall', schedule: args })
    case 'take': {
      const long = refuse('schedule name', args, MAX_NAME_CHARS)
      if (long) return long
      const m = /^(?:(.+?) )?for (.+)$/i.exec(args)
      const duration = m ? boundedDuration(m[2], TAKE_LIMITS) : undefined
      if (!m || duration === undefined) return invalid('genie take [<schedule>] for <duration>', 'say for how long, e.g. for 2h')
      if ('why' in duration) return invalid('genie take [<schedule>] for <duration>', duration.why)
      return m[1] ? { kind: 'take', schedule: m[1], durationMs: duration.ms } : { kind: 'take', durationMs: duration.ms }
    }
  }

  if (lower === 'who am i') return { kind: 'whoami' }
  const record = /^(.+?) is (\S+)$/i.exec(text)
  const recorded = record ? unlinkEmail(record[2]) : undefined
  if (record && recorded && EMAIL.test(recorded) && record[1].length <= MAX_NAME_CHARS) {
    return { kind: 'identity-record', who: record[1].replace(/^@/, ''), email: recorded }
  }
  const onCall = /^(?:who(?: is|'s|s)? )?on[ -]?call(?: (?:for |in )?(.+?))?\??$/i.exec(text)
  if (onCall) return onCall[1] ? { kind: 'oncall', schedule: onCall[1] } : { kind: 'oncall' }
  return { kind: 'unknown', text }
}
