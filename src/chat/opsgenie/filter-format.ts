// Pure: the replies of a filtered bulk action that found nothing to act on.

import type { FilterWords } from './format'

export function formatNothingMatches (verb: 'acknowledge' | 'close', filter: FilterWords): string {
  const noun = `${filter.adjective ? `${filter.adjective} ` : ''}alert${filter.suffix ?? ''}`
  const state = verb === 'acknowledge' ? 'open unacknowledged' : 'open'
  return `No ${state} ${noun}: there is nothing to ${verb}.`
}
