// One parsed command → its handler. The listener calls only this.

import type { GenieCommand } from '../parse'
import type { GenieContext } from '../context'
import { formatHelp, formatInvalid, formatUnknown } from '../command-format'
import { ackAll, actOnIds, closeAll, confirmCloseAll, note, snooze, status } from './alerts'
import { ackFiltered, closeFiltered } from './filtered'
import { addResponder, assign, escalate, page, priority, teams } from './paging'
import { forgetMe, meAs, meAsAccount, onCall, recordFor, take, whoami } from './people'

export async function handleGenie (command: GenieCommand, ctx: GenieContext): Promise<string> {
  // A held close all waits for `genie confirm` and nothing else from that person.
  if (command.kind !== 'confirm') ctx.closeAll.cancel(ctx.room, ctx.user.id)
  switch (command.kind) {
    case 'status': return status(ctx)
    case 'ack-all': return ackAll(ctx)
    case 'ack': return actOnIds(ctx, 'acknowledge', command.ids)
    case 'unack': return actOnIds(ctx, 'unacknowledge', command.ids)
    case 'close': return actOnIds(ctx, 'close', command.ids)
    case 'close-all': return closeAll(ctx)
    case 'confirm': return confirmCloseAll(ctx, command.code)
    case 'note': return note(ctx, command.id, command.text)
    case 'snooze': return snooze(ctx, command.id, command.durationMs)
    case 'me-as': return meAs(ctx, command.email)
    case 'me-as-account': return meAsAccount(ctx, command.accountId)
    case 'whoami': return whoami(ctx)
    case 'forget-me': return forgetMe(ctx)
    case 'identity-record': return recordFor(ctx, command.who, command.email)
    case 'oncall': return onCall(ctx, command.schedule)
    case 'take': return take(ctx, command.schedule, command.durationMs)
    case 'ack-filtered': return ackFiltered(ctx, command.selector)
    case 'close-filtered': return closeFiltered(ctx, command.selector)
    case 'page': return page(ctx, command.who, command.priority, command.text)
    case 'page-responder': return addResponder(ctx, command.id, command.who)
    case 'escalate': return escalate(ctx, command.id, command.escalation)
    case 'assign': return assign(ctx, command.id, command.to)
    case 'priority': return priority(ctx, command.id, command.priority)
    case 'teams': return teams(ctx)
    case 'help': return formatHelp(ctx.prefix)
    case 'invalid': return formatInvalid(command, ctx.prefix)
    case 'unknown': return formatUnknown(command.text, ctx.prefix)
    case 'refused': return command.reply
  }
}
