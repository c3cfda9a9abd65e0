// The stand-in's postmortems, at the contract sheet's paths: PUT …/postmortem {"postmortem":{"body_draft"}}
// creates or replaces the draft, GET reads it, DELETE removes it, PUT …/postmortem/publish
// {"postmortem":{"notify_subscribers","notify_twitter","custom_tweet"}} publishes it and PUT
// …/postmortem/revert un-publishes it. Answers carry the postmortem's fields as Atlassian's OpenAPI
// description lists them. What the sheet leaves UNCONFIRMED is the stand-in's own choice, said here:
// every incident takes a postmortem whatever its status; publishing without a draft, and a
// non-boolean switch, are 422; a read with no postmortem is 404.

import type { Router, SandboxReply, SandboxRequest } from './http-kit'
import type { StatuspageState, StoredIncident, StoredPostmortem } from './statuspage-model'

/** A draft larger than this is refused (the live bound is UNCONFIRMED; this keeps the stand-in's memory bounded). */
const MAX_DRAFT = 100_000

type Handler = (req: SandboxRequest) => SandboxReply

export interface PostmortemRouteKit {
  state: () => StatuspageState
  /** Checks the key and the page first (the stand-in's `guarded`). */
  guarded: (handler: Handler) => Handler
  fail: (status: number, message: string) => SandboxReply
  now: () => string
  previewKey: () => string
}

const inputOf = (req: SandboxRequest): Record<string, unknown> | undefined => {
  const input = (req.body as { postmortem?: unknown } | undefined)?.postmortem
  return input && typeof input === 'object' && !Array.isArray(input) ? input as Record<string, unknown> : undefined
}

export function postmortemRoutes (router: Router, kit: PostmortemRouteKit): void {
  const { guarded, fail, now } = kit
  const PATH = '/v1/pages/:page/incidents/:id/postmortem'
  /** The handler with the incident it names, or 404 when there is no such incident. */
  const onIncident = (handler: (incident: StoredIncident, req: SandboxRequest) => SandboxReply): Handler =>
    guarded((req) => {
      const incident = kit.state().incidents.find(i => i.id === req.params.id)
      return incident ? handler(incident, req) : fail(404, 'Incident not found')
    })
  const stored = (id: string): StoredPostmortem | undefined => kit.state().postmortems[id]
  const answer = (p: StoredPostmortem): SandboxReply => ({ status: 200, body: { ...p } })

  router.on('GET', PATH, onIncident((incident) => {
    const p = stored(incident.id)
    return p ? answer(p) : fail(404, 'Postmortem not found')
  }))

  router.on('PUT', PATH, onIncident((incident, req) => {
    const input = inputOf(req)
    if (!input) return fail(400, 'postmortem is missing')
    if (typeof input.body_draft !== 'string') return fail(422, 'Body draft must be text')
    if (input.body_draft.length > MAX_DRAFT) return fail(422, `Body draft is too long (maximum is ${MAX_DRAFT} characters)`)
    const t = now()
    const p = stored(incident.id) ?? blank(kit.previewKey(), t)
    p.body_draft = input.body_draft
    p.body_draft_updated_at = t
    p.updated_at = t
    kit.state().postmortems[incident.id] = p
    return answer(p)
  }))

  router.on('DELETE', PATH, onIncident((incident) => {
    if (!stored(incident.id)) return fail(404, 'Postmortem not found')
    delete kit.state().postmortems[incident.id]
    return { status: 204 }
  }))

  router.on('PUT', `${PATH}/publish`, onIncident((incident, req) => {
    const input = inputOf(req) ?? {}
    for (const field of ['notify_subscribers', 'notify_twitter'] as const) {
      if (input[field] !== undefined && typeof input[field] !== 'boolean') return fail(422, `${field} must be true or false`)
    }
    if (input.custom_tweet !== undefined && input.custom_tweet !== null && typeof input.custom_tweet !== 'string') {
      return fail(422, 'Custom tweet must be text')
    }
    const p = stored(incident.id)
    if (!p?.body_draft) return fail(422, 'There is no postmortem draft to publish')
    const t = now()
    p.body = p.body_draft
    p.body_updated_at = t
    p.published_at = t
    p.notify_subscribers = input.notify_subscribers === true
    p.notify_twitter = input.notify_twitter === true
    p.custom_tweet = typeof input.custom_tweet === 'string' ? input.custom_tweet : null
    p.updated_at = t
    return answer(p)
  }))

  router.on('PUT', `${PATH}/revert`, onIncident((incident) => {
    const p = stored(incident.id)
    if (!p?.published_at) return fail(422, 'The postmortem is not published')
    p.published_at = null
    p.updated_at = now()
    return answer(p)
  }))
}

function blank (previewKey: string, t: string): StoredPostmortem {
  return {
    preview_key: previewKey,
    body: null,
    body_updated_at: null,
    body_draft: null,
    body_draft_updated_at: null,
    published_at: null,
    notify_subscribers: null,
    notify_twitter: null,
    custom_tweet: null,
    created_at: t,
    updated_at: t
  }
}
