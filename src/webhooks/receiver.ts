// From a parsed delivery to the room: duplicates dropped, routed to its room(s), the bot's own
// Statuspage changes skipped in the room that made them, then coalesced and posted.

import type { Clock } from '../util/clock'
import { Coalescer } from './coalescer'
import type { AlertEvent, StatuspageEvent, WebhookEvent } from './events'
import { isIgnored } from './events'
import { formatBatch, type FormatContext } from './format'
import { parseAlertWebhook } from './opsgenie-event'
import { componentKey, incidentKey, type OwnChanges } from '../statuspage/own-changes'
import type { BrainLike } from '../util/brain-store'
import { RecentKeys } from './recent-keys'
import { roomsFor } from './routes'
import { alertLink, readWebhookSettings, type WebhookSettings } from './settings'
import { parseStatuspageWebhook } from './statuspage-event'

interface ReceiverLog {
  debug(line: string): void
  info(line: string): void
  warn(line: string): void
  error(line: string): void
}

/** Emitted on the robot with each new webhook event (see ReceiverDeps.onEvent). */
export const WEBHOOK_EVENT = 'hubot-statuspage-opsgenie:webhook-event'

export interface ReceiverDeps {
  post: (room: string, text: string) => unknown
  log: ReceiverLog
  clock: Clock
  ownChanges: OwnChanges
  /** What people type before `genie`: the alias or the robot's name and a space. */
  prefix: () => string
  /** Every new event (not a duplicate, not ignored, not the bot's own change), whatever its room. */
  onEvent?: (event: WebhookEvent) => void
  /** The robot's brain: duplicate keys outlive a restart on a persistent brain. */
  brain?: BrainLike
}

/** What became of one delivery. */
export type Outcome = 'queued' | 'duplicate' | 'ignored' | 'own change' | 'no room'

const DEDUPE = { max: 10_000, ttlMs: 60 * 60_000 }

/** What arrived since start, per endpoint and outcome (for `hubot webhooks`). */
export interface ReceiverStats {
  alerts: Record<Outcome, number>
  statuspage: Record<Outcome, number>
  refused: number
  messages: number
}

const outcomes = (): Record<Outcome, number> => ({ queued: 0, duplicate: 0, ignored: 0, 'own change': 0, 'no room': 0 })

export class WebhookReceiver {
  private readonly recent: RecentKeys
  private readonly coalescer: Coalescer<WebhookEvent>
  private readonly reported = new Set<string>()
  private current: WebhookSettings
  private stopping = false
  readonly stats: ReceiverStats = { alerts: outcomes(), statuspage: outcomes(), refused: 0, messages: 0 }

  constructor (private readonly deps: ReceiverDeps) {
    this.recent = new RecentKeys({ ...DEDUPE, now: () => deps.clock.now(), brain: deps.brain })
    this.current = this.settings()
    this.coalescer = new Coalescer<WebhookEvent>({
      // Once stopping, every event is posted at once: no window would end before the exit.
      windowMs: () => this.stopping ? 0 : this.current.coalesceMs,
      clock: deps.clock,
      flush: (room, items, overflow) => {
        this.recent.save()
        this.post(room, formatBatch(items, overflow, this.formatContext()))
      }
    })
  }

  /** Reads the settings again, logging each configuration problem once. */
  settings (): WebhookSettings {
    this.current = readWebhookSettings((line) => {
      if (this.reported.has(line)) return
      this.reported.add(line)
      this.deps.log.error(`[webhooks] ${line}`)
    })
    return this.current
  }

  acceptAlert (body: unknown, raw: string): Outcome {
    const outcome = this.alert(body, raw)
    this.stats.alerts[outcome]++
    return outcome
  }

  acceptStatuspage (body: unknown, raw: string): Outcome {
    const outcome = this.statuspage(body, raw)
    this.stats.statuspage[outcome]++
    return outcome
  }

  private alert (body: unknown, raw: string): Outcome {
    const event = parseAlertWebhook(body, raw)
    if (isIgnored(event)) return this.ignore('alert', event.ignored)
    if (!this.recent.firstTime(event.key)) return this.duplicate(event)
    this.tell(event)
    const rooms = roomsFor(event, this.current.routes, this.current.opsgenieRoom)
    if (rooms.length === 0) return this.noRoom('HUBOT_OPSGENIE_ROOM', event)
    for (const room of rooms) this.coalescer.add(room, event)
    return 'queued'
  }

  private statuspage (body: unknown, raw: string): Outcome {
    const event = parseStatuspageWebhook(body, raw)
    if (isIgnored(event)) return this.ignore('Statuspage', event.ignored)
    if (!this.recent.firstTime(event.key)) return this.duplicate(event)
    const room = this.current.statuspageRoom
    if (!room) return this.noRoom('HUBOT_STATUSPAGE_ROOM', event)
    if (this.deps.ownChanges.wasOwnChange(room, ownKey(event))) {
      this.deps.log.debug(`[webhooks] Statuspage ${event.type} ${event.type === 'component' ? event.componentId : event.id}: made from chat in this room, not announced again`)
      return 'own change'
    }
    this.tell(event)
    this.coalescer.add(room, event)
    return 'queued'
  }

  private tell (event: WebhookEvent): void {
    try {
      this.deps.onEvent?.(event)
    } catch (err) {
      this.deps.log.error(`[webhooks] a listener failed on an event: ${err instanceof Error ? err.message : String(err)}`)
    }
  }

  /** Events held for a room's next message. */
  get pending (): number { return this.coalescer.pending }

  /** Posts whatever is held, and from now on each event at once (the bot is stopping). */
  drain (): void {
    this.stopping = true
    this.coalescer.drain()
    this.recent.save()
  }

  private formatContext (): FormatContext {
    const { jsm, alertUrl } = this.current
    return {
      ack: (e: AlertEvent) => {
        const id = ackId(e, jsm)
        return id ? `${this.deps.prefix()}genie ack ${id}` : undefined
      },
      link: (e: AlertEvent) => alertLink(alertUrl, e)
    }
  }

  private post (room: string, text: string): void {
    const failed = (err: unknown): void => {
      this.deps.log.error(`[webhooks] could not post to room ${room}: ${err instanceof Error ? err.message : String(err)}`)
    }
    this.stats.messages++
    try {
      const result = this.deps.post(room, text)
      if (result instanceof Promise) result.catch(failed)
    } catch (err) {
      failed(err)
    }
  }

  private ignore (what: string, why: string): Outcome {
    this.deps.log.debug(`[webhooks] ignored a ${what} webhook: ${why}`)
    return 'ignored'
  }

  private duplicate (event: WebhookEvent): Outcome {
    this.deps.log.debug(`[webhooks] duplicate delivery not posted again (${event.key.slice(0, 80)})`)
    return 'duplicate'
  }

  private noRoom (variable: string, event: WebhookEvent): Outcome {
    const what = event.source === 'alerts' ? `alert ${event.tinyId ?? event.alertId ?? ''} ${event.action}` : `Statuspage ${event.type}`
    this.deps.log.warn(`[webhooks] ${what} matched no route and ${variable} is not set: not posted anywhere. Set ${variable}.`)
    return 'no room'
  }
}

function ownKey (event: StatuspageEvent): string {
  return event.type === 'component' ? componentKey(event.componentId, event.newStatus) : incidentKey(event.id, event.status)
}

/** A full alert id as `genie ack` reads one (hyphenated parts, UUID-like). */
const FULL_ID = /^[A-Za-z0-9][A-Za-z0-9_]*-[A-Za-z0-9_-]*$/

/**
 * The id an ack hint may name, or undefined: only what `genie ack` reads as one id (a numeric tinyId;
 * on JSM Operations the full alert id), so no hint carries outside words into a command.
 */
function ackId (e: AlertEvent, jsm: boolean): string | undefined {
  if (jsm && e.alertId && FULL_ID.test(e.alertId)) return e.alertId
  if (e.tinyId && /^\d{1,12}$/.test(e.tinyId)) return e.tinyId
  return undefined
}
