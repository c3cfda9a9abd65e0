// Filtered bulk actions: genie ack P1 / P1,P2 / mine / tag:<tag>, and genie close with the same
// filters behind the close-all confirmation. The open alerts are listed once and filtered here, so
// exactly the matching alerts are touched; the filter is repeated in the count.

import { labelOf } from '../../../alerting/resolve'
import type { Alert } from '../../../alerting/types'
import type { GenieContext } from '../context'
import { formatCloseAllPrompt, newestFirst, type FilterWords } from '../format'
import { scheduleUsername, verifiedIdentity } from '../identity'
import { formatAssignMeUnknown } from '../paging-format'
import { formatNothingMatches } from '../filter-format'
import type { AlertSelector } from '../parse-paging'
import { bulk } from './alerts'

/** Whether an alert is picked, or why the selector cannot be used (who "me" is is unknown). */
function matcher (ctx: GenieContext, selector: AlertSelector): ((a: Alert) => boolean) | undefined {
  switch (selector.by) {
    case 'priority': return a => a.priority !== undefined && (selector.priorities as string[]).includes(a.priority)
    case 'tag': return a => (a.tags ?? []).some(t => t.toLowerCase() === selector.tag.toLowerCase())
    case 'mine': {
      // "Me" is the verified identity (or the chat adapter's email), never a claim.
      const identity = verifiedIdentity(ctx.brain, ctx.user)
      const username = scheduleUsername(ctx.user, identity)
      if (!username) return undefined
      const ids = [username, identity?.accountId].filter((x): x is string => Boolean(x))
      const mine = new Set(ids.map(x => x.toLowerCase()))
      return a => a.owner !== undefined && mine.has(a.owner.toLowerCase())
    }
  }
}

function filterWords (selector: AlertSelector): FilterWords {
  switch (selector.by) {
    case 'priority': return { adjective: selector.priorities.join('/') }
    case 'tag': return { suffix: ` tagged ${selector.tag}` }
    case 'mine': return { suffix: ' owned by or assigned to you' }
  }
}

const typed = (selector: AlertSelector): string =>
  selector.by === 'priority' ? selector.priorities.join(',') : selector.by === 'tag' ? `tag:${selector.tag}` : 'mine'

async function matching (
  ctx: GenieContext, selector: AlertSelector, acknowledged?: false
): Promise<Alert[] | undefined> {
  const picks = matcher(ctx, selector)
  if (!picks) return undefined
  const filter = acknowledged === false ? { status: 'open' as const, acknowledged } : { status: 'open' as const }
  const alerts = await ctx.backend().listAlerts(filter)
  return newestFirst(alerts.filter(picks))
}

export async function ackFiltered (ctx: GenieContext, selector: AlertSelector): Promise<string> {
  const listedAt = ctx.now()
  const alerts = await matching(ctx, selector, false)
  if (!alerts) return formatAssignMeUnknown(ctx.service, ctx.prefix)
  const filter = filterWords(selector)
  if (alerts.length === 0) return formatNothingMatches('acknowledge', filter)
  const targets = alerts.map(a => ({ alertId: a.id, label: labelOf(a) }))
  return bulk(ctx, { name: 'acknowledge', targets, unknown: [], what: `genie ack ${typed(selector)}`, listedAt, filter })
}

export async function closeFiltered (ctx: GenieContext, selector: AlertSelector): Promise<string> {
  const alerts = await matching(ctx, selector)
  if (!alerts) return formatAssignMeUnknown(ctx.service, ctx.prefix)
  const filter = filterWords(selector)
  if (alerts.length === 0) return formatNothingMatches('close', filter)
  const targets = alerts.map(a => ({ alertId: a.id, label: labelOf(a) }))
  const what = `genie close ${typed(selector)}`
  const ttlMs = ctx.settings.closeAllTtlMs
  const pending = ctx.closeAll.hold(ctx.room, ctx.user.id, { targets, filter, what }, ttlMs)
  const prompt = { code: pending.code, prefix: ctx.prefix, ttlMs: ctx.settings.closeAllTtlMs, filter }
  return formatCloseAllPrompt(targets.map(t => t.label), prompt)
}
