// The JSM Operations stand-in's paging calls (our readings of the UNCONFIRMED parts, as the package
// codes them):
//   REST   POST  /jsm/ops/api/{cloudId}/v1/alerts            create, responders by id, no `user` (the token's)
//          PATCH .../alerts/{id}/priority                    {priority}
//          GET   .../teams                                   {values, links, count}
//          GET   .../teams/{teamId}/escalations              escalations live under their team (no global list: 404)
//   Events POST  /jsm/ops/integration/v2/alerts               create with `user` (the person as creator)
// Every create is asynchronous (202 + requestId); the request status names the new alert; the
// Create webhook goes out like monitoring's, and an alias already open only raises its count.

import type { Router, SandboxReply, SandboxRequest } from './http-kit'
import { uuid } from './ids'
import { enqueue, jsmFail, type JsmAlertOptions } from './jsm-alerts'
import { TOKEN_ACCOUNT } from './jsm-model'
import { createAlert } from './opsgenie-alerts'
import { PRIORITIES, type Priority } from './opsgenie-model'
import { escalationsOf, teamsOf } from './paging-directory'

type Guard = (handler: (req: SandboxRequest) => SandboxReply) => (req: SandboxRequest) => SandboxReply

const list = <T>(values: T[]): SandboxReply => ({ status: 200, body: { values, links: {}, count: values.length } })

export function jsmPagingRoutes (router: Router, rest: Guard, integration: Guard, options: JsmAlertOptions): void {
  const { state } = options
  const base = '/jsm/ops/api/:cloudId/v1'

  const create = (body: Record<string, unknown>, user: string): SandboxReply => {
    if (typeof body.message !== 'string' || !body.message.trim()) return jsmFail(400, 'message can not be empty')
    if (body.message.length > 130) return jsmFail(400, 'message must be at most 130 characters')
    if (body.priority !== undefined && !PRIORITIES.includes(body.priority as Priority)) return jsmFail(400, 'priority must be P1 to P5')
    const requestId = uuid()
    state().requests[requestId] = { requestId, action: 'Create', alertId: null, alias: null, processed: false }
    const timer = setTimeout(() => {
      options.timers.delete(timer)
      const s = state()
      const outcome = createAlert(s, { ...body, user })
      if (outcome.alert && outcome.status === 'Created alert') options.onAction?.('Create', outcome.alert, { ...body, user })
      Object.assign(s.requests[requestId], {
        processed: true,
        isSuccess: outcome.isSuccess,
        status: outcome.status,
        processedAt: new Date().toISOString(),
        alertId: outcome.alert?.id ?? null,
        alias: outcome.alert?.alias ?? null
      })
    }, options.actionDelayMs())
    timer.unref()
    options.timers.add(timer)
    return { status: 202, body: { result: 'Request will be processed', took: 0.004, requestId } }
  }

  router.on('POST', `${base}/alerts`, rest((req) => {
    const body = (req.body ?? {}) as Record<string, unknown>
    if (body.user !== undefined) return jsmFail(400, 'Unrecognized field "user": the REST API credits the API token\'s account')
    return create(body, TOKEN_ACCOUNT.displayName)
  }))
  router.on('POST', '/jsm/ops/integration/v2/alerts', integration((req) => {
    const body = (req.body ?? {}) as Record<string, unknown>
    return create(body, typeof body.user === 'string' ? body.user : 'Integration')
  }))

  router.on('PATCH', `${base}/alerts/:id/priority`, rest((req) => {
    const body = (req.body ?? {}) as Record<string, unknown>
    if (!PRIORITIES.includes(body.priority as Priority)) return jsmFail(400, 'priority must be P1 to P5')
    return enqueue(options, 'priority', 'rest', () => state().alerts.find(a => a.id === req.params.id), body, TOKEN_ACCOUNT.accountId)
  }))

  router.on('GET', `${base}/teams`, rest(() => list(teamsOf(state().schedules))))
  router.on('GET', `${base}/teams/:teamId/escalations`, rest((req) => {
    if (!teamsOf(state().schedules).some(t => t.id === req.params.teamId)) return jsmFail(404, 'Team does not exist')
    return list(escalationsOf(state().schedules).filter(e => e.ownerTeam.id === req.params.teamId))
  }))
}
