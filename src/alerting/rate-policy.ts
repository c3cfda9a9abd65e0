// How fast the bot may call OpsGenie and JSM Operations, as data next to their clients: a calls-per-
// second budget per rate-limit domain (see http/governor.ts, which enforces it for every client of
// one key). Neither service publishes per-plan numbers (see the README), hence the default.

import type { RateBudgetOptions } from '../http/client'
import type { BudgetWindow } from '../http/rate-budget'

/** The default budget per domain. */
export const DEFAULT_RATE_PER_SECOND = 20

/**
 * OpsGenie's rate-limit domain of a call: each has its own token buckets. Listing alerts counts as
 * a search; every other alert call (actions, their request status, one alert) as the alert domain.
 */
export function opsgenieDomain (_method: string, path: string): string {
  if (path === '/v2/alerts' || path === '/v2/users') return 'search'
  if (path.startsWith('/v2/alerts/')) return 'alert'
  if (/\/(next-)?on-calls$/.test(path)) return 'schedule-oncalls'
  return 'configuration'
}

/** A per-second budget, or none for 0. */
export const perSecond = (rate: number | undefined): BudgetWindow[] | undefined =>
  rate === 0 ? undefined : [{ limit: rate ?? DEFAULT_RATE_PER_SECOND, windowMs: 1000 }]

/** The client option for a budget, or none. */
export const budgetOption = (
  windows: BudgetWindow[] | undefined, domainOf?: RateBudgetOptions['domainOf']
): { budget?: RateBudgetOptions } => (windows ? { budget: { windows, domainOf } } : {})
