// hubot-once-campfire: `hubot -a hubot-once-campfire` (Hubot 14 imports the package and calls
// `.default.use(robot)`) or `hubot -a once-campfire` (Hubot 3.5 requires hubot-once-campfire and
// calls `.use(robot)`). CommonJS, so both work: module.exports is Hubot 14's `default`.

import { OnceCampfireAdapter, type AdapterOptions } from './adapter'
import type { Robot } from './hubot-types'

export = {
  use: (robot: Robot): OnceCampfireAdapter => new OnceCampfireAdapter(robot),
  /** For tests and embedding: an adapter with its settings and parts given. */
  create: (robot: Robot, options: AdapterOptions = {}): OnceCampfireAdapter => new OnceCampfireAdapter(robot, options),
  OnceCampfireAdapter
}
