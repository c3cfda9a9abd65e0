// Everything one robot keeps between commands, in one object per robot: its clock, its room port, the rate
// governors and page caches of the services it talks to, the display names it has looked up, and
// the stores its commands share (held close-alls and postmortem publishes, actions in flight, its
// own Statuspage writes the webhook must not announce again). Each script asks for its robot's
// runtime (`runtimeOf`), so two robots in one process share nothing, and a test hands in its own
// clock before the scripts load; nothing here is set process-wide.

import { ActionClaims } from '../alerting/bulk-lock'
import { jiraNames, type JiraNames } from '../alerting/jsm'
import { Governors } from '../http/governor'
import { PageCaches } from '../statuspage/cache'
import { OwnChanges } from '../statuspage/own-changes'
import { watchBrain } from '../util/brain-store'
import { systemClock, type Clock } from '../util/clock'
import type { HubotRobot } from './hubot'
import { PublishHolds } from './incident/publish-hold'
import { CloseAllStore } from './opsgenie/close-all'
import { noticeWithoutPersistence } from './persistence-notice'
import { roomPort, type RoomPort } from './room'
import { createShutdown, stopGracefully, type Shutdown } from './shutdown'

export interface Runtime {
  readonly clock: Clock
  /** The one way to say something in a room (see room.ts). */
  readonly room: RoomPort
  /** One rate governor per service, key and rate-limit domain. */
  readonly governors: Governors
  /** One Statuspage cache per page and key. */
  readonly pageCaches: PageCaches
  /** People's display names on JSM (Jira accounts). */
  readonly jiraNames: JiraNames
  /** What this robot just changed on Statuspage, per room (see statuspage/own-changes.ts). */
  readonly ownChanges: OwnChanges
  /** `genie close all` waiting for its confirmation code. */
  readonly closeAll: CloseAllStore
  /** `incident postmortem publish` waiting for its confirmation code. */
  readonly publishHolds: PublishHolds
  /** Alert actions in flight, shared by every command: none is sent twice. After a restart none is
   * (deliberately kept only in memory: a new process has nothing in flight). */
  readonly claims: ActionClaims
  /** Stopping without losing what is held or running (see shutdown.ts). */
  readonly shutdown: Shutdown
}

export interface RuntimeOptions {
  /** The real clock when not given. */
  clock?: Clock
}

function createRuntime (robot: HubotRobot, options: RuntimeOptions): Runtime {
  const clock = options.clock ?? systemClock
  // Late data from a persistent brain (hubot-redis-brain) is merged into this package's keys.
  watchBrain(robot)
  const shutdown = createShutdown(clock)
  stopGracefully(robot, shutdown)
  noticeWithoutPersistence(robot, clock)
  const now = (): number => clock.now()
  return {
    clock,
    room: roomPort(robot, clock),
    governors: new Governors(clock),
    pageCaches: new PageCaches(now),
    jiraNames: jiraNames(now),
    ownChanges: new OwnChanges(now),
    closeAll: new CloseAllStore(now),
    publishHolds: new PublishHolds(now),
    claims: new ActionClaims(now),
    shutdown
  }
}

const runtimes = new WeakMap<object, Runtime>()

/**
 * The robot's runtime, created by the first script (or test) that asks; `options` count only then.
 * Held beside the robot, not on it, and forgotten with it.
 */
export function runtimeOf (robot: HubotRobot, options: RuntimeOptions = {}): Runtime {
  let runtime = runtimes.get(robot)
  if (!runtime) {
    runtime = createRuntime(robot, options)
    runtimes.set(robot, runtime)
  }
  return runtime
}
