// Helpers for the webhook suites: the event count of a room message, the format context, an alert event.
import { expect } from 'chai'
import { isIgnored, type AlertEvent } from '../../src/webhooks/events'
import type { FormatContext } from '../../src/webhooks/format'
import { parseAlertWebhook } from '../../src/webhooks/opsgenie-event'

/** The counts at the start of each summary line (or 1 for a single-event message). */
export function accounted (message: string): number {
  const lines = message.split('\n')
  const head = /^(\d+) events? since the last message:$/.exec(lines[0])
  if (!head) return 1
  const sum = lines.slice(1).reduce((n, line) => n + Number(/^(\d+) /.exec(line)?.[1] ?? NaN), 0)
  expect(sum, `the lines of ${JSON.stringify(message)} add up to its header`).to.equal(Number(head[1]))
  return sum
}

/** The ack command and alert link as the webhooks script makes them. */
export const ctx: FormatContext = {
  ack: e => (e.tinyId ? `/genie ack ${e.tinyId}` : undefined),
  link: e => (e.alertId ? `https://app.opsgenie.com/alert/detail/${e.alertId}/details` : undefined)
}

/** An OpsGenie webhook body read into its event (a test failure if it is ignored). */
export const alert = (body: any): AlertEvent => {
  const event = parseAlertWebhook(body, JSON.stringify(body))
  if (isIgnored(event)) throw new Error(event.ignored)
  return event
}
