// Help for both Hubots. Hubot 3.5 (with hubot-help) lists the `// Commands:` header of each
// script; Hubot 14's built-in `help` lists only what is registered on robot.commands. Each script
// keeps its commands in one table: the header is checked against it by a test, and Hubot 14 gets
// it here. Ids contain a dot, so the CommandBus (which matches a message's first word against ids)
// never takes a message away from the listeners: every message still gets exactly one answer.

import type { HelpEntry } from '../util/help'
import type { CommandBusLike, HubotRobot } from './hubot'

export { helpLine, type HelpEntry } from '../util/help'

function commandBus (robot: HubotRobot): CommandBusLike | undefined {
  const bus = robot.commands as Partial<CommandBusLike> | undefined
  return bus && typeof bus.register === 'function' ? bus as CommandBusLike : undefined
}

export function registerHelp (robot: HubotRobot, entries: readonly HelpEntry[]): void {
  const bus = commandBus(robot)
  if (!bus) return
  const prefix = robot.alias || `${robot.name} `
  for (const entry of entries) {
    if (bus.getCommand?.(entry.id)) continue
    bus.register({
      id: entry.id,
      description: `${entry.usage} - ${entry.description}`,
      examples: [`${prefix}${entry.usage}`],
      confirm: 'never',
      // Reached only if someone types the id itself; point them at the real command.
      handler: () => `Type: ${prefix}${entry.usage}`
    })
  }
}
