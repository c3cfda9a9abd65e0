// Alert routing rules, written by an operator in one variable:
//
//   HUBOT_OPSGENIE_ROUTES="priority:P1,P2=incidents; team:db=dba; tag:payments=payments,incidents"
//
// Rules are separated by `;`. Each is `<field>:<value>[,<value>...]=<room>[,<room>...]`, field one of
// priority, team, tag (case-insensitive values). An alert goes to every room whose rule matches it,
// and to the default room (HUBOT_OPSGENIE_ROOM) when no rule does. A rule that cannot be read is
// reported and skipped; the others still apply.

import type { AlertEvent } from './events'

type RouteField = 'priority' | 'team' | 'tag'
const FIELDS: readonly RouteField[] = ['priority', 'team', 'tag']
const PRIORITIES = ['P1', 'P2', 'P3', 'P4', 'P5']

export interface RouteRule {
  field: RouteField
  values: string[]
  rooms: string[]
}

export interface ParsedRoutes {
  rules: RouteRule[]
  /** One sentence per rule that was skipped, saying why. */
  problems: string[]
}

const split = (text: string, sep: string): string[] => text.split(sep).map(s => s.trim()).filter(Boolean)

export function parseRoutes (raw: string | undefined): ParsedRoutes {
  const rules: RouteRule[] = []
  const problems: string[] = []
  split(raw ?? '', ';').forEach((rule, index) => {
    const problem = (why: string): void => { problems.push(`rule ${index + 1} "${rule}" ${why}`) }
    const eq = rule.indexOf('=')
    const colon = rule.indexOf(':')
    if (eq === -1 || colon === -1 || colon > eq) return problem('is not <field>:<value>=<room> (e.g. priority:P1,P2=incidents)')
    const field = rule.slice(0, colon).trim().toLowerCase()
    const values = split(rule.slice(colon + 1, eq), ',')
    const rooms = split(rule.slice(eq + 1), ',')
    if (!FIELDS.includes(field as RouteField)) return problem(`has an unknown field "${field}" (use priority, team or tag)`)
    if (values.length === 0) return problem('names no value to match')
    if (rooms.length === 0) return problem('names no room')
    if (field === 'priority') {
      const bad = values.filter(v => !PRIORITIES.includes(v.toUpperCase()))
      if (bad.length > 0) return problem(`has a priority that is not P1 to P5: ${bad.join(', ')}`)
    }
    rules.push({ field: field as RouteField, values: values.map(v => v.toLowerCase()), rooms })
  })
  return { rules, problems }
}

function matches (rule: RouteRule, event: AlertEvent): boolean {
  const have = rule.field === 'priority' ? [event.priority ?? ''] : rule.field === 'team' ? event.teams : event.tags
  return have.some(v => rule.values.includes(v.toLowerCase()))
}

/** The rooms an alert goes to, each once: every matching rule's rooms, else the default room. */
export function roomsFor (event: AlertEvent, rules: readonly RouteRule[], defaultRoom: string | undefined): string[] {
  const rooms = new Set<string>()
  for (const rule of rules) if (matches(rule, event)) for (const room of rule.rooms) rooms.add(room)
  if (rooms.size === 0 && defaultRoom) rooms.add(defaultRoom)
  return [...rooms]
}
