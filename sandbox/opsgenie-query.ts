// The part of OpsGenie's alert search language the package uses: `field: value` terms joined by
// AND / OR (AND binds tighter), optional NOT, `=` accepted like `:`, and a bare word searching the
// message. Enough for `status: open AND acknowledged: false`; an unknown field is an error (422),
// as it is on the real service.

import type { Alert } from './opsgenie-model'

type Predicate = (a: Alert) => boolean

const FIELDS: Record<string, (a: Alert) => string | string[] | boolean | number> = {
  status: a => a.status,
  acknowledged: a => a.acknowledged,
  isseen: a => a.isSeen,
  snoozed: a => a.snoozed,
  priority: a => a.priority,
  tag: a => a.tags,
  tags: a => a.tags,
  tinyid: a => a.tinyId,
  id: a => a.id,
  alias: a => a.alias,
  message: a => a.message,
  source: a => a.source,
  owner: a => a.owner,
  entity: a => a.entity,
  count: a => a.count
}

export class QueryError extends Error {}

export function parseQuery (query: string | null | undefined): Predicate {
  const text = (query ?? '').trim()
  if (!text) return () => true
  const ors = text.split(/\s+OR\s+/)
  const groups = ors.map(part => part.split(/\s+AND\s+/).map(term))
  return a => groups.some(group => group.every(p => p(a)))
}

function term (raw: string): Predicate {
  let text = raw.trim().replace(/^\((.*)\)$/, '$1').trim()
  let negate = false
  if (/^NOT\s+/.test(text)) { negate = true; text = text.replace(/^NOT\s+/, '') }
  const match = /^([A-Za-z]+)\s*[:=]\s*(.+)$/.exec(text)
  let p: Predicate
  if (!match) {
    const word = unquote(text).toLowerCase()
    if (!word) throw new QueryError(`Invalid query: empty term in "${raw}"`)
    p = a => a.message.toLowerCase().includes(word)
  } else {
    const get = FIELDS[match[1].toLowerCase()]
    if (!get) throw new QueryError(`Invalid query: unknown field "${match[1]}"`)
    const want = unquote(match[2]).toLowerCase()
    p = a => {
      const value = get(a)
      if (Array.isArray(value)) return value.some(v => v.toLowerCase() === want)
      if (typeof value === 'string' && ['message', 'source', 'entity'].includes(match[1].toLowerCase())) return value.toLowerCase().includes(want)
      return String(value).toLowerCase() === want
    }
  }
  return negate ? a => !p(a) : p
}

const unquote = (s: string): string => s.trim().replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1')
