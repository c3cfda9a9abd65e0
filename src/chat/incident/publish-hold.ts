// `incident postmortem publish` is held until the same person, in the same room, says
// `incident confirm <code>` before it runs out. A wrong code drops it: nothing is published.

import { ConfirmHolds } from '../confirm-hold'

export const PUBLISH_HOLD_MS = 120_000

/** One robot's held postmortem publishes, per room and person, on the robot's clock: the incident each is for. */
export class PublishHolds extends ConfirmHolds<{ incidentId: string }> {}
