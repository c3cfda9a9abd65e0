// One parsed command → its handler. The listener calls only this. No chat objects reach the
// handlers beyond the context, so every one can be driven from a test without a robot.

import type { StatusCommand } from '../parse'
import type { StatusContext } from '../context'
import { formatComponents, formatInvalid } from '../format'
import { formatStatusHelp } from '../help'
import { handleMaintenance } from '../maintenance/handlers'
import { incidentsList, show, summary } from './read'
import { explain, setState } from './set'
import { open, resolve, update } from './incidents'

export async function handleStatus (command: StatusCommand, ctx: StatusContext): Promise<string> {
  switch (command.kind) {
    case 'invalid': return formatInvalid(command, ctx.prefix)
    case 'summary': return summary(ctx)
    case 'help': return formatStatusHelp(ctx.prefix)
    case 'components': return formatComponents(await ctx.client().listComponents())
    case 'incidents': return incidentsList(ctx)
    case 'show': return show(ctx, command.component)
    case 'set': return command.message === undefined ? setState(ctx, command) : explain(ctx, command, command.message)
    case 'open': return open(ctx, command)
    case 'update': return update(ctx, command.args)
    case 'resolve': return resolve(ctx, command.args)
    case 'maintenance-list':
    case 'maintenance-create':
    case 'maintenance-transition':
    case 'maintenance-update': return handleMaintenance(command, ctx)
  }
}
