// Who a name people type stands for, among what can be paged: a team, an escalation or a schedule
// by its name (case-insensitive), or a user by their username (an email address). A name that
// matches nothing is answered with the closest names, before anything is created.

import { NotFoundError } from '../http/errors'
import type { AlertingBackend } from './backend'
import type { Escalation, Responder, ResponderType } from './types'

export type ResponderLookup =
  | { kind: 'found', responder: Responder }
  | { kind: 'none', suggestions: string[] }

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/
/** How many names a refusal suggests at most. */
const SUGGESTIONS = 3

/** Levenshtein distance, bounded by the shorter strings people type. */
function distance (a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const here = row[j]
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = here
    }
  }
  return row[b.length]
}

/** The names closest to `typed`: containing it, contained in it, or a few letters off. */
export function suggest (typed: string, names: readonly string[], max = SUGGESTIONS): string[] {
  const t = typed.toLowerCase()
  const scored = [...new Set(names)].map(name => {
    const n = name.toLowerCase()
    const score = n.includes(t) || t.includes(n) ? 0 : distance(t, n)
    return { name, score }
  }).filter(s => s.score <= Math.max(2, Math.floor(t.length / 3)))
  return scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name)).slice(0, max).map(s => s.name)
}

/** Matches `typed` against named rows, case-insensitive. */
export function byName<T extends { name: string }> (rows: readonly T[], typed: string): T | undefined {
  const t = typed.toLowerCase()
  return rows.find(r => r.name.toLowerCase() === t)
}

/**
 * A list the backend may not have (JSM Operations' teams and escalations are UNCONFIRMED): a 404
 * reads as none, so paging a schedule or a user still works there.
 */
export async function orNone<T> (list: Promise<T[]>): Promise<T[]> {
  try {
    return await list
  } catch (err) {
    if (err instanceof NotFoundError) return []
    throw err
  }
}

/** Looks a name up among teams, escalations and schedules (read at once), or a user by email. */
export async function findResponder (backend: AlertingBackend, typed: string): Promise<ResponderLookup> {
  const name = typed.trim()
  if (EMAIL.test(name)) {
    const found = await backend.findUser({ email: name })
    if (found.kind !== 'found') return { kind: 'none', suggestions: [] }
    const { user } = found
    return { kind: 'found', responder: { type: 'user', id: user.accountId ?? user.id, name: user.username } }
  }
  const [teams, escalations, schedules] =
    await Promise.all([orNone(backend.listTeams()), orNone(backend.listEscalations()), backend.listSchedules()])
  const kinds: Array<[ResponderType, ReadonlyArray<{ id: string, name: string }>]> =
    [['team', teams], ['escalation', escalations], ['schedule', schedules]]
  for (const [type, rows] of kinds) {
    const row = byName(rows, name)
    if (row) return { kind: 'found', responder: { type, id: row.id, name: row.name } }
  }
  return { kind: 'none', suggestions: suggest(name, kinds.flatMap(([, rows]) => rows.map(r => r.name))) }
}

/** The escalation for an alert when none was named: its team's, or the only one there is. */
export function escalationFor (escalations: readonly Escalation[], teamIds: readonly string[]): Escalation | undefined {
  const ofTeams = escalations.filter(e => e.ownerTeamId !== undefined && teamIds.includes(e.ownerTeamId))
  if (ofTeams.length === 1) return ofTeams[0]
  return escalations.length === 1 ? escalations[0] : undefined
}
