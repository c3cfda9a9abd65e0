// `genie page …`, `genie escalate …`, `genie assign …`, `genie priority …` and the filters of
// `genie ack …` / `genie close …` (P1, P1,P2, mine, tag:<tag>). Pure, like parse.ts, which calls these.

import type { Priority } from '../../alerting/types'
import { MAX_MESSAGE_CHARS, MAX_NAME_CHARS, tooLong } from '../bounds'

export type PagingCommand =
  | { kind: 'page', who: string, priority?: Priority, text: string }
  | { kind: 'page-responder', id: string, who: string }
  | { kind: 'escalate', id: string, escalation?: string }
  | { kind: 'assign', id: string, to: string }
  | { kind: 'priority', id: string, priority: Priority }
  | { kind: 'teams' }

/** Which alerts a filtered ack or close acts on. */
export type AlertSelector =
  | { by: 'priority', priorities: Priority[] }
  | { by: 'mine' }
  | { by: 'tag', tag: string }

type Parsed = PagingCommand | { kind: 'invalid', usage: string, why: string } | { kind: 'refused', reply: string }

const PRIORITY = /^P[1-5]$/i
const ONE_ID = /^#?(\d+)$|^([A-Za-z0-9][A-Za-z0-9_]*-[A-Za-z0-9_-]*)$/
const oneId = (word: string): string | undefined => {
  const m = ONE_ID.exec(word)
  return m ? (m[1] ?? m[2]) : undefined
}
const asPriority = (p: string): Priority => p.toUpperCase() as Priority
const BAD_PRIORITY = 'priorities are P1 (highest) to P5'

const USAGE = {
  page: 'genie page <team|user|schedule|escalation> [P1-P5]: <message>',
  pageId: 'genie page #<id> <team|user>',
  escalate: 'genie escalate #<id> [to <escalation>]',
  assign: 'genie assign #<id> to <me|email|name>',
  priority: 'genie priority #<id> P1'
}

const invalid = (usage: string, why: string): Parsed => ({ kind: 'invalid', usage, why })

function page (args: string): Parsed {
  const colon = args.indexOf(':')
  if (colon < 0) {
    const m = /^(\S+) (.+)$/.exec(args)
    const id = m ? oneId(m[1]) : undefined
    if (m && id) return tooLongName(m[2]) ?? { kind: 'page-responder', id, who: m[2] }
    return invalid(USAGE.page, 'say who, then a colon and the message, e.g. genie page Database P1: the primary is down')
  }
  const head = args.slice(0, colon).trim()
  const text = args.slice(colon + 1).trim()
  if (text === '') return invalid(USAGE.page, 'give the message after the colon')
  const long = tooLong('message', text, MAX_MESSAGE_CHARS)
  if (long) return { kind: 'refused', reply: long }
  const m = /^(.+?)(?: (P\d+))?$/i.exec(head)
  if (!m || m[1].trim() === '') return invalid(USAGE.page, 'say who to page before the colon')
  if (m[2] !== undefined && !PRIORITY.test(m[2])) return invalid(USAGE.page, BAD_PRIORITY)
  return tooLongName(m[1]) ?? { kind: 'page', who: m[1].trim(), text, ...(m[2] ? { priority: asPriority(m[2]) } : {}) }
}

function tooLongName (name: string): Parsed | undefined {
  const reply = tooLong('name', name, MAX_NAME_CHARS)
  return reply === undefined ? undefined : { kind: 'refused', reply }
}

/** `verb` is lower case; `args` what follows it (whitespace collapsed). Undefined: not a paging verb. */
export function parsePaging (verb: string, args: string): Parsed | undefined {
  switch (verb) {
    case 'teams':
    case 'escalations':
      return args === '' ? { kind: 'teams' } : undefined
    case 'page':
      return page(args)
    case 'escalate': {
      const m = /^(\S+)(?: to (.+))?$/i.exec(args)
      const id = m ? oneId(m[1]) : undefined
      if (!m || !id) return invalid(USAGE.escalate, 'give one alert id, e.g. #12, and optionally to <escalation>')
      return m[2] ? (tooLongName(m[2]) ?? { kind: 'escalate', id, escalation: m[2] }) : { kind: 'escalate', id }
    }
    case 'assign': {
      const m = /^(\S+) to (.+)$/i.exec(args)
      const id = m ? oneId(m[1]) : undefined
      if (!m || !id) return invalid(USAGE.assign, 'give one alert id and who, e.g. #12 to me')
      return tooLongName(m[2]) ?? { kind: 'assign', id, to: m[2].replace(/^@/, '') }
    }
    case 'priority': {
      const m = /^(\S+) (\S+)$/.exec(args)
      const id = m ? oneId(m[1]) : undefined
      if (!m || !id) return invalid(USAGE.priority, 'give one alert id and a priority, e.g. #12 P1')
      if (!PRIORITY.test(m[2])) return invalid(USAGE.priority, BAD_PRIORITY)
      return { kind: 'priority', id, priority: asPriority(m[2]) }
    }
  }
  return undefined
}

/**
 * The filter of `genie ack P1` / `P1,P2` / `mine` / `tag:<tag>`, undefined when `args` is not one,
 * or why a priority list is wrong (`P7`).
 */
export function parseSelector (args: string): AlertSelector | { why: string } | undefined {
  const a = args.trim()
  if (/^mine$/i.test(a)) return { by: 'mine' }
  const tag = /^tag:(\S+)$/i.exec(a)
  if (tag) return { by: 'tag', tag: tag[1] }
  const words = a.split(/[\s,]+/).filter(Boolean)
  if (words.length === 0 || !words.every(w => /^P\d+$/i.test(w))) return undefined
  if (!words.every(w => PRIORITY.test(w))) return { why: BAD_PRIORITY }
  return { by: 'priority', priorities: [...new Set(words.map(asPriority))] }
}
