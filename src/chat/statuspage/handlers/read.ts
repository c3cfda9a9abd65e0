// The reads: the page summary, one component, the unresolved incidents.

import { allSettledOrThrow } from '../../../util/async'
import type { StatuspageClient } from '../../../statuspage/client'
import type { Component, Incident } from '../../../statuspage/types'
import { describeError } from '../../describe-error'
import type { StatusContext } from '../context'
import { formatAmbiguous, formatIncidents, formatNotAState, formatShow, formatSummary, formatUnknown } from '../format'
import { componentBeforeExtraWords, matchComponent } from '../match'
import type { MaintenanceView } from '../maintenance/format'

/** The page as `status` and `status <component>?` show it; maintenance is optional (a failure is said, not thrown). */
async function readPage (client: StatuspageClient, now: number): Promise<[Component[], Incident[], MaintenanceView]> {
  const maintenance = Promise.allSettled([client.listActiveMaintenances(), client.listUpcomingMaintenances()])
  const [components, incidents] = await allSettledOrThrow([client.listComponents(), client.listUnresolvedIncidents()])
    .finally(() => maintenance)
  const [active, upcoming] = await maintenance
  const failed = [active, upcoming].find((r): r is PromiseRejectedResult => r.status === 'rejected')
  const view: MaintenanceView = failed
    ? { active: [], upcoming: [], problem: describeError(failed.reason, { now }) }
    : {
        active: (active as PromiseFulfilledResult<Incident[]>).value,
        upcoming: (upcoming as PromiseFulfilledResult<Incident[]>).value
      }
  return [components, incidents, view]
}

export async function incidentsList (ctx: StatusContext): Promise<string> {
  const client = ctx.client()
  // The components only name the affected ones with their groups: without them, plain names.
  const [components, incidents] = await allSettledOrThrow([
    client.listComponents().catch(() => []), client.listUnresolvedIncidents()
  ])
  return formatIncidents(incidents, ctx.now(), components)
}

export async function summary (ctx: StatusContext): Promise<string> {
  const [components, incidents, maintenance] = await readPage(ctx.client(), ctx.now().getTime())
  return formatSummary(components, incidents, ctx.now(), maintenance)
}

export async function show (ctx: StatusContext, query: string): Promise<string> {
  const [components, incidents, maintenance] = await readPage(ctx.client(), ctx.now().getTime())
  const found = findComponent(query, components, ctx.prefix)
  return typeof found === 'string' ? found : formatShow({ component: found, all: components, incidents, now: ctx.now(), maintenance })
}

/** The component named, or the reply saying why not (a mistyped state after a known name included). */
export function findComponent (query: string, components: Component[], prefix: string): Component | string {
  const match = matchComponent(query, components)
  if (match.kind === 'unknown') {
    const typo = componentBeforeExtraWords(query, components)
    return typo
      ? formatNotAState(typo.extra, typo.component, components, prefix)
      : formatUnknown(query, match.suggestions, components, prefix)
  }
  if (match.kind === 'ambiguous') return formatAmbiguous(query, match.candidates, components)
  return match.component
}
