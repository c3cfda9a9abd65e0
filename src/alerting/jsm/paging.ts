// Paging on JSM Operations: creating alerts, and the teams and escalations people can page.
//
// Create: with an integration key, the Integration Events API's create (the person is the creator,
// like on OpsGenie); without one, the REST API's POST /v1/alerts (JSM credits the token's account).
// The body is OpsGenie's. UNCONFIRMED, our reading: the REST create takes responders as
// `{type, id}` (JSM keys teams, schedules and escalations by id; users by account id), and no `user`.
//
// Teams and escalations: UNCONFIRMED on JSM Operations. Our readings, both coded: GET /v1/teams in
// the values envelope; escalations at GET /v1/escalations, or, where that answers 404, per team at
// GET /v1/teams/{teamId}/escalations (JSM keeps escalations under their team).

import type { HttpClient } from '../../http/client'
import { BadResponseError, NotFoundError } from '../../http/errors'
import { createBody } from '../paging'
import { requestIdOf, segment } from '../shared'
import type { Accepted, Actor, Escalation, NewAlert, Responder, Team } from '../types'
import type { IntegrationEvents } from './integration-events'
import { JSM } from './service'

type Row = { id?: unknown, name?: unknown, ownerTeam?: { id?: unknown } | null }
type ListOf = (path: string) => Promise<Row[]>

const named = (rows: Row[]): Array<{ id: string, name: string, row: Row }> =>
  rows.filter(r => typeof r?.id === 'string' && r.id !== '' && typeof r.name === 'string')
    .map(r => ({ id: r.id as string, name: r.name as string, row: r }))

/** The REST create body: OpsGenie's, with responders by id and no `user`. */
function restCreateBody (alert: NewAlert, source: string): Record<string, unknown> {
  const { user: _user, ...body } = createBody(alert, '', source)
  return { ...body, responders: alert.responders.map((r: Responder) => ({ type: r.type, id: r.id })) }
}

export interface JsmPaging {
  createAlert(alert: NewAlert, actor: Actor): Promise<Accepted>
  listTeams(): Promise<Team[]>
  listEscalations(): Promise<Escalation[]>
}

export function createJsmPaging (
  rest: HttpClient, list: ListOf, integration: IntegrationEvents | undefined, onIntegration: (requestId: string) => void
): JsmPaging {
  const listTeams = async (): Promise<Team[]> => named(await list('/teams')).map(t => ({ id: t.id, name: t.name }))
  const toEscalation = (e: { id: string, name: string, row: Row }, teamId?: string): Escalation => {
    const owner = typeof e.row.ownerTeam?.id === 'string' ? e.row.ownerTeam.id : teamId
    return { id: e.id, name: e.name, ...(owner ? { ownerTeamId: owner } : {}) }
  }
  return {
    createAlert: async (alert, actor) => {
      if (integration) {
        const accepted = await integration.create(alert, actor)
        if (accepted.kind === 'queued') onIntegration(accepted.requestId)
        return accepted
      }
      const path = '/alerts'
      const response = await rest.request<unknown>('POST', path, { body: restCreateBody(alert, actor.source), idempotent: true })
      const requestId = requestIdOf(response.data)
      if (!requestId) {
        throw new BadResponseError({ service: JSM, method: 'POST', path, status: response.status }, 'accepted the alert without a requestId to confirm it by')
      }
      return { kind: 'queued', requestId }
    },
    listTeams,
    listEscalations: async () => {
      try {
        return named(await list('/escalations')).map(e => toEscalation(e))
      } catch (err) {
        if (!(err instanceof NotFoundError)) throw err
      }
      const out: Escalation[] = []
      for (const team of await listTeams()) {
        out.push(...named(await list(`/teams/${segment(team.id)}/escalations`)).map(e => toEscalation(e, team.id)))
      }
      return out
    }
  }
}
