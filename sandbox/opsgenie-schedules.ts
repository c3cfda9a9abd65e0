// OpsGenie v2 schedules, on-calls (who is on call now or at `date`: the rotation, unless an
// override covers that moment), overrides, and users.

import type { Router, SandboxReply, SandboxRequest } from './http-kit'
import { uuid } from './ids'
import { fail, invalid, ok } from './opsgenie-envelope'
import type { OpsgenieState, OpsgenieUser, Override, Schedule } from './opsgenie-model'

type Guard = (handler: (req: SandboxRequest) => SandboxReply) => (req: SandboxRequest) => SandboxReply

export function scheduleRoutes (router: Router, guarded: Guard, state: () => OpsgenieState): void {
  const schedule = (req: SandboxRequest, typeParam: string): Schedule | SandboxReply => {
    const type = req.query.get(typeParam) ?? req.query.get('identifierType') ?? 'id'
    if (type !== 'id' && type !== 'name') return fail(422, `Invalid ${typeParam}, use id or name`)
    const id = req.params.identifier
    const found = state().schedules.find(s => (type === 'name' ? s.name === id : s.id === id))
    return found ?? fail(404, `No schedule exists with ${type} [${id}]`)
  }
  const isReply = (x: Schedule | SandboxReply): x is SandboxReply => 'status' in x && typeof (x as SandboxReply).status === 'number'

  router.on('GET', '/v2/schedules', guarded(() => ok(200, { data: state().schedules.map(scheduleBody), expandable: ['rotation'] })))

  router.on('GET', '/v2/schedules/:identifier', guarded((req) => {
    const s = schedule(req, 'identifierType')
    return isReply(s) ? s : ok(200, { data: scheduleBody(s) })
  }))

  router.on('GET', '/v2/schedules/:identifier/on-calls', guarded((req) => {
    const s = schedule(req, 'scheduleIdentifierType')
    if (isReply(s)) return s
    const at = dateParam(req)
    if (at === undefined) return fail(422, "date must look like yyyy-MM-dd'T'HH:mm:ssZ")
    const who = onCallAt(state(), s, at)
    const _parent = { id: s.id, name: s.name, enabled: s.enabled }
    if (req.query.get('flat') === 'true') return ok(200, { data: { _parent, onCallRecipients: who } })
    return ok(200, { data: { _parent, onCallParticipants: participants(state(), who) } })
  }))

  router.on('GET', '/v2/schedules/:identifier/next-on-calls', guarded((req) => {
    const s = schedule(req, 'scheduleIdentifierType')
    if (isReply(s)) return s
    const at = dateParam(req)
    if (at === undefined) return fail(422, "date must look like yyyy-MM-dd'T'HH:mm:ssZ")
    const now = onCallAt(state(), s, at)
    let t = at
    let next = now
    // Step through turns until someone else is on call (at most two full rotations).
    for (let i = 0; i < s.rotation.length * 2 && next.join() === now.join(); i++) {
      t = nextTurnStart(s, t)
      next = onCallAt(state(), s, t)
    }
    const _parent = { id: s.id, name: s.name, enabled: s.enabled }
    if (req.query.get('flat') === 'true') return ok(200, { data: { _parent, nextOnCallRecipients: next, exactNextOnCallRecipients: next } })
    return ok(200, { data: { _parent, nextOnCallParticipants: participants(state(), next) } })
  }))

  router.on('GET', '/v2/schedules/:identifier/overrides', guarded((req) => {
    const s = schedule(req, 'scheduleIdentifierType')
    if (isReply(s)) return s
    return ok(200, { data: state().overrides.filter(o => o.scheduleId === s.id).map(o => overrideBody(s, o)) })
  }))

  router.on('POST', '/v2/schedules/:identifier/overrides', guarded((req) => {
    const s = schedule(req, 'scheduleIdentifierType')
    if (isReply(s)) return s
    const parsed = parseOverride(state(), s, req.body)
    if ('status' in parsed) return parsed
    if (state().overrides.some(o => o.scheduleId === s.id && o.alias === parsed.alias)) return fail(409, `Override with alias [${parsed.alias}] already exists`)
    state().overrides.push(parsed)
    return ok(201, { data: { alias: parsed.alias } })
  }))

  const oneOverride = (req: SandboxRequest): { s: Schedule, o: Override } | SandboxReply => {
    const s = schedule(req, 'scheduleIdentifierType')
    if (isReply(s)) return s
    const o = state().overrides.find(x => x.scheduleId === s.id && x.alias === req.params.alias)
    return o ? { s, o } : fail(404, `No override exists with alias [${req.params.alias}]`)
  }
  router.on('GET', '/v2/schedules/:identifier/overrides/:alias', guarded((req) => {
    const found = oneOverride(req)
    return 'o' in found ? ok(200, { data: overrideBody(found.s, found.o) }) : found
  }))
  router.on('PUT', '/v2/schedules/:identifier/overrides/:alias', guarded((req) => {
    const found = oneOverride(req)
    if (!('o' in found)) return found
    const parsed = parseOverride(state(), found.s, { ...(req.body as object), alias: found.o.alias })
    if ('status' in parsed) return parsed
    Object.assign(found.o, parsed)
    return ok(200, { data: { alias: found.o.alias } })
  }))
  router.on('DELETE', '/v2/schedules/:identifier/overrides/:alias', guarded((req) => {
    const found = oneOverride(req)
    if (!('o' in found)) return found
    state().overrides.splice(state().overrides.indexOf(found.o), 1)
    return ok(200, { result: 'Deleted' })
  }))

  router.on('GET', '/v2/users', guarded(() => ok(200, { data: state().users.map(userBody), paging: {}, totalCount: state().users.length })))
  router.on('GET', '/v2/users/:identifier', guarded((req) => {
    const id = req.params.identifier.toLowerCase()
    const user = state().users.find(u => u.id === req.params.identifier || u.username.toLowerCase() === id)
    return user ? ok(200, { data: userBody(user) }) : fail(404, `No user exists with username [${req.params.identifier}]`)
  }))
}

function scheduleBody (s: Schedule): Record<string, unknown> {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    timezone: s.timezone,
    enabled: s.enabled,
    ownerTeam: s.ownerTeam,
    rotations: []
  }
}

function userBody (u: OpsgenieUser): Record<string, unknown> {
  return { id: u.id, username: u.username, fullName: u.fullName, role: { id: u.role, name: u.role }, timeZone: u.timeZone, locale: 'en_US', blocked: false, verified: true, createdAt: '2023-01-09T10:00:00.000Z' }
}

function overrideBody (s: Schedule, o: Override): Record<string, unknown> {
  return {
    _parent: { id: s.id, name: s.name, enabled: s.enabled },
    alias: o.alias,
    user: o.user,
    startDate: o.startDate,
    endDate: o.endDate,
    rotations: []
  }
}

function participants (state: OpsgenieState, usernames: string[]): Array<Record<string, string>> {
  return usernames.map(name => ({ id: state.users.find(u => u.username === name)?.id ?? '', name, type: 'user' }))
}

/** `date` is yyyy-MM-dd'T'HH:mm:ssZ; an unescaped `+` arrives as a space, so take it back. */
function dateParam (req: SandboxRequest): number | undefined {
  const raw = req.query.get('date')
  if (raw === null || raw === '') return Date.now()
  const t = Date.parse(raw.replace(' ', '+'))
  return Number.isNaN(t) ? undefined : t
}

const turnMs = (s: Schedule): number => s.rotationHours * 3_600_000

function nextTurnStart (s: Schedule, at: number): number {
  const start = Date.parse(s.rotationStart)
  return start + (Math.floor((at - start) / turnMs(s)) + 1) * turnMs(s)
}

/** The override covering `at` (the newest one wins), else whoever's turn it is. */
function onCallAt (state: OpsgenieState, s: Schedule, at: number): string[] {
  const covering = state.overrides
    .filter(o => o.scheduleId === s.id && Date.parse(o.startDate) <= at && at < Date.parse(o.endDate))
  if (covering.length) return [covering[covering.length - 1].user.username]
  if (!s.enabled || s.rotation.length === 0) return []
  const turns = Math.floor((at - Date.parse(s.rotationStart)) / turnMs(s))
  const n = s.rotation.length
  return [s.rotation[((turns % n) + n) % n]]
}

function parseOverride (state: OpsgenieState, s: Schedule, body: unknown): Override | SandboxReply {
  const b = (body ?? {}) as Record<string, unknown>
  const user = b.user as { type?: unknown, username?: unknown } | undefined
  if (!user || typeof user.username !== 'string') return invalid('user', 'User must have a username.')
  if (user.type !== undefined && user.type !== 'user') return invalid('user.type', 'The sandbox supports overrides by users only.')
  if (!state.users.some(u => u.username.toLowerCase() === String(user.username).toLowerCase())) return invalid('user', `User [${user.username}] does not exist.`)
  const start = typeof b.startDate === 'string' ? Date.parse(b.startDate) : NaN
  const end = typeof b.endDate === 'string' ? Date.parse(b.endDate) : NaN
  if (Number.isNaN(start)) return invalid('startDate', 'startDate must be an ISO 8601 date.')
  if (Number.isNaN(end)) return invalid('endDate', 'endDate must be an ISO 8601 date.')
  if (end <= start) return invalid('endDate', 'endDate must be after startDate.')
  return {
    alias: typeof b.alias === 'string' && b.alias ? b.alias : uuid(),
    scheduleId: s.id,
    user: { type: 'user', username: String(user.username).toLowerCase() },
    startDate: new Date(start).toISOString(),
    endDate: new Date(end).toISOString()
  }
}
