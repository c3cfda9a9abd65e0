// Said once at start when nothing persists the brain: Hubot's default brain lives in memory, so the
// audit history and `genie me as` identities would be gone after a restart. A persistent brain
// script (hubot-redis-brain and the like) listens for the brain's 'save'; scripts load in any order,
// and Hubot 14 loads them after it starts, so this looks a moment after the robot's runtime exists.

import type { Clock } from '../util/clock'
import type { HubotRobot } from './hubot'

/** How long after start the brain is looked at. */
export const NOTICE_AFTER_MS = 3000

export const NO_PERSISTENCE_NOTICE = 'hubot-statuspage-opsgenie: no persistent brain is loaded, so the audit history ' +
  '(status log, genie log) and identities (genie me as) will not survive a restart. To keep them, add hubot-redis-brain ' +
  '(3.x on Hubot 14, 1.x on Hubot 3.5) to external-scripts.json and set REDIS_URL; see docs/persistence.md.'

interface EmittingBrain { listenerCount?: (event: string) => number }

export function noticeWithoutPersistence (robot: HubotRobot, clock: Clock): void {
  clock.setTimeout(() => {
    const brain = robot.brain as unknown as EmittingBrain | undefined
    if (typeof brain?.listenerCount !== 'function' || brain.listenerCount('save') > 0) return
    const logger = robot.logger
    ;(logger.warning ?? logger.warn ?? logger.info).call(logger, NO_PERSISTENCE_NOTICE)
  }, NOTICE_AFTER_MS)
}
