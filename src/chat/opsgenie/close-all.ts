// `genie close all` is held until the same person, in the same room, says `genie confirm <code>`
// before the time runs out. Anything else (a wrong code, another command) drops it: nothing closes.
// Held in memory only, on purpose: a restart cancels it (and `genie confirm` then says so). It closes
// exactly the alerts listed when it was held, which is safe because this process also knows what
// other commands did to them since (alerting/bulk-lock.ts); a new process would not.

import type { Target } from '../../alerting/bulk'
import { ConfirmHolds } from '../confirm-hold'
import type { FilterWords } from './format'

/** What a held close-all closes, and the filter it repeats if any. */
export interface CloseAll {
  /** The alerts the person was told about: exactly these are closed on confirmation. */
  targets: Target[]
  /** genie close P1 / mine / tag:<tag>: the filter, repeated when it is confirmed. */
  filter?: FilterWords
  /** The command as typed (`genie close P1`). */
  what?: string
}

/**
 * The held close-alls of one robot (its runtime's), per room and person, on the robot's clock. A hold's
 * `heldAt` is when its targets were listed: actions that finished after it are not repeated.
 */
export class CloseAllStore extends ConfirmHolds<CloseAll> {}
