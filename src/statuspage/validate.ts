// The shapes the /status commands rely on, checked at the client boundary (see src/http/validate.ts).
// Only the fields some command reads are checked; a row missing one is a bad_response error, never
// "undefined" in a reply or in a request path.

import { boolean, id, listOf, nullable, number, object, optional, string, type Check } from '../http/validate'

/** A component row: its id goes into PATCH paths, its name and status into every reply. */
export const component: Check = object({
  id,
  name: string,
  status: string,
  group: optional(boolean),
  group_id: nullable(string),
  position: optional(number),
  components: optional(listOf(id))
})

const incidentUpdate: Check = object({
  status: string,
  body: nullable(string),
  created_at: nullable(string),
  display_at: nullable(string)
})

/** An incident as read, created or updated: id and name are shown in the reply and reused in paths. */
export const incident: Check = object({
  id,
  name: string,
  status: string,
  impact: nullable(string),
  shortlink: nullable(string),
  created_at: nullable(string),
  components: nullable(listOf(object({ id, name: string, group: optional(boolean) }))),
  incident_updates: nullable(listOf(incidentUpdate))
})

export const components: Check = listOf(component)
export const incidents: Check = listOf(incident)

/**
 * A postmortem as read, drafted or published. The contract sheet names no answer shape, so nothing is
 * required; an empty answer is allowed, and the texts shown are text when present.
 */
export const postmortem: Check = nullable(object({
  body_draft: nullable(string),
  body: nullable(string),
  published_at: nullable(string)
}))
