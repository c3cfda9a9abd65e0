// Classic Campfire (campfirenow.com, Hubot's built-in adapter: Hubot 14 `-a Campfire`, Hubot 3.5
// `-a campfire`) shows multi-line text as a paste only when the message is sent with
// `type: PasteMessage`. The adapter's send() always "speaks" (a one-line TextMessage, line breaks
// flattened), but its Campfire client has the paste call: Room(id).paste(text, callback). So a
// multi-line text goes through that call when, and only when, the adapter is classic Campfire
// (the room port, room.ts, decides).

import type { Clock } from '../util/clock'
import type { HubotRobot } from './hubot'

type Callback = (err: unknown, data?: unknown) => void
interface CampfireRoom { paste?: (text: string, callback: Callback) => unknown }
interface ClassicCampfireAdapter { bot?: { Room?: (id: string) => CampfireRoom } }

/** The adapter's own client waits for Campfire without a limit (and never calls back on a network error). */
const PASTE_TIMEOUT_MS = 15_000

export type Paste = (room: string, text: string) => Promise<void>

/** A paste function when the robot runs Hubot's classic Campfire adapter, else undefined. */
export function classicCampfirePaste (robot: HubotRobot, clock: Clock): Paste | undefined {
  if (!/^campfire$/i.test(String(robot.adapterName ?? ''))) return undefined
  const bot = (robot.adapter as ClassicCampfireAdapter | undefined)?.bot
  if (typeof bot?.Room !== 'function' || typeof bot.Room('0').paste !== 'function') return undefined
  return (room, text) => new Promise<void>((resolve, reject) => {
    const late = (): void => reject(new Error(`Campfire did not confirm the paste within ${PASTE_TIMEOUT_MS / 1000} s`))
    const timer = clock.setTimeout(late, PASTE_TIMEOUT_MS)
    bot.Room!(room).paste!(text, (err) => {
      clock.clearTimeout(timer)
      if (err) reject(err instanceof Error ? err : new Error(String(err)))
      else resolve()
    })
  })
}
