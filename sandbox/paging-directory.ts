// What can be paged in the stand-ins: the teams that own the seeded schedules, one escalation per
// team (`<Team>_escalation`, its first rule the team's schedule), and the people. Shared by the
// OpsGenie and JSM Operations stand-ins; derived from the state so a reseed keeps it in step.

import { uuid } from './ids'
import type { Alert, Schedule } from './opsgenie-model'

export interface SandboxTeam { id: string, name: string, description: string }
export interface SandboxEscalation {
  id: string
  name: string
  description: string
  ownerTeam: { id: string, name: string }
  rules: Array<{
    condition: string
    notifyType: string
    delay: { timeAmount: number, timeUnit: string }
    recipient: { type: string, id: string, name: string }
  }>
}

export function teamsOf (schedules: readonly Schedule[]): SandboxTeam[] {
  const teams = new Map<string, SandboxTeam>()
  for (const s of schedules) {
    teams.set(s.ownerTeam.id, { id: s.ownerTeam.id, name: s.ownerTeam.name, description: `Owns ${s.name}` })
  }
  return [...teams.values()]
}

export function escalationsOf (schedules: readonly Schedule[]): SandboxEscalation[] {
  return teamsOf(schedules).map(team => {
    const schedule = schedules.find(s => s.ownerTeam.id === team.id)!
    return {
      id: uuid(`escalation:${team.name}`),
      name: `${team.name}_escalation`,
      description: `Pages ${schedule.name}, then again after 5 minutes`,
      ownerTeam: { id: team.id, name: team.name },
      rules: [{
        condition: 'if-not-acked',
        notifyType: 'default',
        delay: { timeAmount: 0, timeUnit: 'minutes' },
        recipient: { type: 'schedule', id: schedule.id, name: schedule.name }
      }]
    }
  })
}

/**
 * A responder as a request names it (`{type, id|name|username}`), resolved against the directory:
 * `{type, id}`, or undefined when it names nobody. Users are kept by what was sent (username or id).
 */
type Ref = { type: string, id: string }

export function resolveResponder (schedules: readonly Schedule[], raw: unknown): Ref | undefined {
  const r = raw as { type?: unknown, id?: unknown, name?: unknown, username?: unknown } | undefined
  if (!r || typeof r.type !== 'string') return undefined
  const key = typeof r.id === 'string' ? r.id : typeof r.name === 'string' ? r.name : typeof r.username === 'string' ? r.username : undefined
  if (!key) return undefined
  const pick = (rows: ReadonlyArray<{ id: string, name: string }>) => rows.find(x => x.id === key || x.name === key)
  switch (r.type) {
    case 'team': { const t = pick(teamsOf(schedules)); return t && { type: 'team', id: t.id } }
    case 'escalation': { const e = pick(escalationsOf(schedules)); return e && { type: 'escalation', id: e.id } }
    case 'schedule': { const s = pick(schedules); return s && { type: 'schedule', id: s.id } }
    case 'user': return { type: 'user', id: key }
  }
  return undefined
}

/** Adds a responder to an alert (a team also joins its teams), once. */
export function addResponder (alert: Alert, responder: { type: string, id: string }): void {
  if (!alert.responders.some(r => r.type === responder.type && r.id === responder.id)) alert.responders.push(responder)
  if (responder.type === 'team' && !alert.teams.some(t => t.id === responder.id)) alert.teams.push({ id: responder.id })
}

/** The responders of a create request that name someone (unknown ones are dropped, as OpsGenie does UNCONFIRMED). */
export function respondersOf (schedules: readonly Schedule[], raw: unknown): Array<{ type: string, id: string }> {
  return (Array.isArray(raw) ? raw : []).map(r => resolveResponder(schedules, r))
    .filter((r): r is { type: string, id: string } => r !== undefined)
}
