// The one way anything this package says reaches a room, commands' replies and webhook posts alike
// (bolt-js builds one `say` per event; hubot runs every outgoing message through one middleware):
// - every text is redacted (the package's keys, and whatever the caller adds) and made inert (no
//   controls, direction overrides or whole-room mentions, whatever it quotes; see util/inert.ts);
// - a multi-line text on classic Campfire is pasted (see classic-campfire.ts), everything else is
//   sent as usual: in answer to the message when there is one (keeping the adapter's envelope:
//   thread, user), else to the room;
// - once a command has answered, the robot is told (HANDLED_EVENT: tests and middleware wait on it).

import { secretVariables as alertingSecrets } from '../alerting/settings'
import { redact } from '../http/redact'
import { secretVariables as statuspageSecrets } from '../statuspage/settings'
import type { Clock } from '../util/clock'
import { inertMessage } from '../util/inert'
import { classicCampfirePaste } from './classic-campfire'
import type { HubotResponse, HubotRobot } from './hubot'

/** Emitted on the robot once a command has sent its reply (tests and middleware wait on it). */
export const HANDLED_EVENT = 'hubot-statuspage-opsgenie:handled'

interface Handled {
  /** The listener's id (`statuspage.status`). */
  id: string
  /** Whether the command failed (its reply says how). */
  failed: boolean
  room: string
}

interface SayOptions {
  /** The message this answers: the reply goes back through it (same envelope, thread, user). */
  answering?: HubotResponse
  /** More values to scrub beside the package's keys (a script's own secrets). */
  secrets?: ReadonlyArray<string | undefined>
}

export interface RoomPort {
  /** Says `text` in `room`: redacted, pasted on classic Campfire when it has several lines. */
  say(room: string, text: string, options?: SayOptions): Promise<void>
  /** Tells the robot a command has answered. */
  handled(event: Handled): void
}

interface MessagingRobot extends HubotRobot {
  messageRoom?: (room: string, ...strings: string[]) => unknown
}

export function roomPort (robot: HubotRobot, clock: Clock): RoomPort {
  return {
    say: async (room, text, options = {}) => {
      const secrets = [...statuspageSecrets(), ...alertingSecrets(), ...(options.secrets ?? [])]
      const safe = inertMessage(redact(text, secrets))
      const paste = safe.includes('\n') && room ? classicCampfirePaste(robot, clock) : undefined
      if (paste) return await paste(room, safe)
      if (options.answering) {
        await options.answering.send(safe)
        return
      }
      await (robot as MessagingRobot).messageRoom?.(room, safe)
    },
    handled: (event) => { robot.emit(HANDLED_EVENT, event) }
  }
}
