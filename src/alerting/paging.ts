// Paging someone: the new alert's body, built the same for every backend. The alias makes the
// create safe to retry: an open alert with the same alias is deduplicated by the backend itself
// (its count goes up, nobody is notified twice), so a create that may have reached the service
// (timeout, reset, 5xx) can be sent again without paging twice.

import { createHash } from 'node:crypto'
import { responderJson } from './shared'
import type { NewAlert, Priority, Responder } from './types'

/** OpsGenie's limit on `message`; the full text goes to the description. */
const MESSAGE_LIMIT = 130
/** OpsGenie's limit on `description`. */
const DESCRIPTION_LIMIT = 15_000
const MINUTE_MS = 60_000

const PAGE_TAGS = ['paged-from-chat']

export interface PageRequest {
  responder: Responder
  priority?: Priority
  text: string
  /** Who paged, from which room, as the description tells it. */
  who: string
  room: string
  /** When (epoch ms): the alias holds for the minute, so the same page repeated in it is one alert. */
  at: number
}

/** The same room, message and minute give the same alias. */
export function pageAlias (room: string, text: string, at: number): string {
  const minute = Math.floor(at / MINUTE_MS)
  return `chat-page-${createHash('sha256').update(`${room}\n${text}\n${minute}`).digest('hex').slice(0, 32)}`
}

function cutMessage (text: string): string {
  return text.length <= MESSAGE_LIMIT ? text : `${text.slice(0, MESSAGE_LIMIT - 1)}…`
}

export function newAlert (request: PageRequest): NewAlert {
  const { responder, priority, text, who, room, at } = request
  const head = `Paged from chat by ${who} in ${room}, to ${responder.type} ${responder.name}.`
  return {
    message: cutMessage(text),
    description: `${head}\n\n${text}`.slice(0, DESCRIPTION_LIMIT),
    alias: pageAlias(room, text, at),
    responders: [responder],
    ...(priority ? { priority } : {}),
    tags: PAGE_TAGS
  }
}

/** The create body in OpsGenie's spelling (also the JSM Integration Events API's). */
export function createBody (alert: NewAlert, user: string, source: string): Record<string, unknown> {
  return {
    message: alert.message,
    alias: alert.alias,
    description: alert.description,
    responders: alert.responders.map(responderJson),
    ...(alert.priority ? { priority: alert.priority } : {}),
    tags: alert.tags,
    user,
    source
  }
}
