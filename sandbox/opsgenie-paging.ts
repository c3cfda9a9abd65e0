// The OpsGenie stand-in's paging calls beside the alert routes: GET /v2/teams, GET /v2/escalations
// (shaped as the contract sheet: `data` of `{id, name, description}` / `{id, name, ownerTeam, rules}`)
// and PUT /v2/alerts/{identifier}/priority (asynchronous like every alert action: 202 + requestId).

import type { Router, SandboxReply, SandboxRequest } from './http-kit'
import { uuid } from './ids'
import { enqueue, lookup, type AlertRoutesOptions } from './opsgenie-alerts'
import { fail, invalid, ok } from './opsgenie-envelope'
import { PRIORITIES, type Priority } from './opsgenie-model'
import { escalationsOf, teamsOf } from './paging-directory'

type Guard = (handler: (req: SandboxRequest) => SandboxReply) => (req: SandboxRequest) => SandboxReply

export function pagingRoutes (router: Router, guarded: Guard, options: AlertRoutesOptions): void {
  const { state } = options
  router.on('GET', '/v2/teams', guarded(() => ok(200, { data: teamsOf(state().schedules), took: 0.01, requestId: uuid() })))
  router.on('GET', '/v2/escalations', guarded(() => ok(200, { data: escalationsOf(state().schedules), took: 0.01, requestId: uuid() })))
  router.on('PUT', '/v2/alerts/:identifier/priority', guarded((req) => {
    const body = (req.body ?? {}) as Record<string, unknown>
    if (!PRIORITIES.includes(body.priority as Priority)) return invalid('priority', 'Priority should be one of P1, P2, P3, P4, P5')
    const type = req.query.get('identifierType') ?? 'id'
    if (!['id', 'tiny', 'alias'].includes(type)) return fail(422, 'Invalid identifierType, use id, tiny or alias')
    return enqueue(options, 'UpdatePriority', req.params.identifier, body, () => {
      const alert = lookup(state(), req.params.identifier, type)
      if (!alert) return { isSuccess: false, status: 'Alert does not exist', alert: undefined }
      alert.priority = body.priority as Priority
      alert.updatedAt = new Date().toISOString()
      return { isSuccess: true, status: 'UpdatePriority request processed successfully', alert }
    })
  }))
}
