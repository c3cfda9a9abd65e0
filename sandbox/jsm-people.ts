// JSM Operations schedules, on-calls and overrides (people as account ids), and the small part of the
// Jira platform user API the package uses, on the same "site":
//   GET  /jsm/ops/api/{cloudId}/v1/schedules                 {values, links, count}
//   GET  .../schedules/{id}/on-calls[?flat=true]   {onCallParticipants: [{id, type}]} | {onCallUsers: [accountId]}
//   POST .../schedules/{id}/overrides               {responder: {type: 'user', id}, startDate, endDate}
//                                                            → 201 the override
//   GET  /rest/api/3/user/search?query=<text>                [{accountId, displayName, emailAddress?, active}]
//   GET  /rest/api/3/user?accountId=<id>                     {accountId, displayName, emailAddress?}

import type { Router, SandboxReply, SandboxRequest } from './http-kit'
import { uuid } from './ids'
import { jsmFail } from './jsm-alerts'
import type { JsmPerson, JsmState } from './jsm-model'
import type { Schedule } from './opsgenie-model'

type Guard = (handler: (req: SandboxRequest) => SandboxReply) => (req: SandboxRequest) => SandboxReply

export function jsmPeopleRoutes (router: Router, rest: Guard, state: () => JsmState): void {
  const base = '/jsm/ops/api/:cloudId/v1'
  const schedule = (req: SandboxRequest): Schedule | undefined => state().schedules.find(s => s.id === req.params.id)

  router.on('GET', `${base}/schedules`, rest(() => ({
    status: 200,
    body: {
      values: state().schedules.map(s => ({
        id: s.id,
        name: s.name,
        description: s.description,
        timezone: s.timezone,
        enabled: s.enabled,
        teamId: s.ownerTeam.id
      })),
      links: {},
      count: state().schedules.length
    }
  })))

  router.on('GET', `${base}/schedules/:id/on-calls`, rest((req) => {
    const s = schedule(req)
    if (!s) return jsmFail(404, `Schedule ${req.params.id} does not exist`)
    const who = onCallNow(state(), s, Date.now())
    if (req.query.get('flat') === 'true') return { status: 200, body: { onCallUsers: who } }
    return { status: 200, body: { onCallParticipants: who.map(id => ({ id, type: 'user' })) } }
  }))

  router.on('POST', `${base}/schedules/:id/overrides`, rest((req) => {
    const s = schedule(req)
    if (!s) return jsmFail(404, `Schedule ${req.params.id} does not exist`)
    const b = (req.body ?? {}) as Record<string, unknown>
    if (b.user !== undefined) return jsmFail(400, 'Unrecognized field "user": name the person in responder')
    const responder = b.responder as { type?: unknown, id?: unknown } | undefined
    if (!responder || responder.type !== 'user' || typeof responder.id !== 'string') return jsmFail(400, 'responder must be {type: "user", id: <accountId>}')
    if (!state().people.some(p => p.accountId === responder.id)) return jsmFail(400, `No user with account id ${String(responder.id)}`)
    const start = typeof b.startDate === 'string' ? Date.parse(b.startDate) : NaN
    const end = typeof b.endDate === 'string' ? Date.parse(b.endDate) : NaN
    if (Number.isNaN(start) || Number.isNaN(end) || end <= start) return jsmFail(400, 'startDate and endDate must be ISO 8601 dates, endDate after startDate')
    const override = {
      alias: uuid(),
      scheduleId: s.id,
      accountId: responder.id,
      startDate: new Date(start).toISOString(),
      endDate: new Date(end).toISOString()
    }
    state().overrides.push(override)
    return { status: 201, body: { alias: override.alias, responder: { type: 'user', id: override.accountId }, startDate: override.startDate, endDate: override.endDate, rotations: [] } }
  }))

  router.on('GET', '/rest/api/3/user/search', rest((req) => {
    const q = (req.query.get('query') ?? '').trim().toLowerCase()
    if (!q) return jsmFail(400, 'query is required')
    // Matches the email even when it is hidden (the match is made on the server), but never shows it.
    const found = state().people.filter(p => p.email.toLowerCase() === q || p.displayName.toLowerCase().includes(q))
    return { status: 200, body: found.map(userBody) }
  }))

  router.on('GET', '/rest/api/3/user', rest((req) => {
    const person = state().people.find(p => p.accountId === req.query.get('accountId'))
    return person ? { status: 200, body: userBody(person) } : { status: 404, body: { errorMessages: ['Specified user does not exist or you do not have required permissions'], errors: {} } }
  }))
}

function userBody (p: JsmPerson): Record<string, unknown> {
  return { accountId: p.accountId, accountType: 'atlassian', displayName: p.displayName, active: true, timeZone: 'Europe/London', ...(p.emailVisible ? { emailAddress: p.email } : {}) }
}

/** The newest override covering `at`, else whoever's turn it is. */
function onCallNow (state: JsmState, s: Schedule, at: number): string[] {
  const covering = state.overrides
    .filter(o => o.scheduleId === s.id && Date.parse(o.startDate) <= at && at < Date.parse(o.endDate))
  if (covering.length) return [covering[covering.length - 1].accountId]
  if (!s.enabled || s.rotation.length === 0) return []
  const turns = Math.floor((at - Date.parse(s.rotationStart)) / (s.rotationHours * 3_600_000))
  const n = s.rotation.length
  return [s.rotation[((turns % n) + n) % n]]
}
