// The shapes the genie commands rely on, checked at the backend boundary (see src/http/validate.ts).
// Only the fields something reads are checked: an alert's id goes into action paths, its tinyId and
// message into replies, `acknowledged` decides what `genie ack` does; a request state must say
// whether it succeeded. A body that does not fit is a bad_response error, never `#null` or an alert
// shown as not acknowledged because a field was missing.

import { boolean, either, id, listOf, nullable, number, object, optional, string, type Check } from '../http/validate'

/** An alert as both vendors send it (OpsGenie `isSeen`, JSM `seen`: neither is relied on). */
const alert: Check = object({
  id,
  tinyId: optional(either(id, number)),
  message: string,
  status: optional(string),
  acknowledged: boolean,
  snoozed: nullable(boolean),
  count: nullable(number),
  createdAt: nullable(string),
  priority: nullable(string),
  report: nullable(object({ acknowledgedBy: nullable(string) }))
})

/** OpsGenie's list envelope: `data` and `paging.next`. */
export const alertList: Check = object({ data: listOf(alert), paging: nullable(object({ next: nullable(string) })) })
/** OpsGenie's single-alert envelope. */
export const oneAlert: Check = object({ data: alert })

/** The answer to an action: the request id to confirm it by. */
export const accepted: Check = object({ requestId: id })

/** A processed request: whether it succeeded (either spelling) and, when it failed, why. */
export const requestState: Check = either(
  object({ isSuccess: boolean, status: nullable(string) }),
  object({ success: boolean, status: nullable(string) })
)

const schedule: Check = object({ id, name: string, enabled: nullable(boolean) })
export const scheduleList: Check = object({ data: listOf(schedule) })
export const onCall: Check = object({ data: object({ onCallRecipients: nullable(listOf(string)) }) })
export const override: Check = object({ data: object({ alias: id }) })
export const user: Check = object({ data: object({ id, username: id, fullName: nullable(string) }) })
/** Teams and escalations: `data` of named rows with ids. */
export const namedList: Check = object({ data: listOf(object({ id, name: string })) })
