// Alert labels read at a glance: `#48–#197, #201` instead of 151 ids in arrival order.

import { numberRuns } from '../../util/ranges'

// Up to 15 digits: a longer number is no tinyId and would lose digits as a Number (#1e+26), so it stays text.
const NUMBERED = /^#?(\d{1,15})$/

/**
 * Sorts labels (numbered `#12` ones first, in numeric order, then the others), drops repeats and
 * writes three or more consecutive numbers as a range.
 */
export function compressLabels (labels: readonly string[], limit = 100): string {
  const numbers = labels.map(l => NUMBERED.exec(l)?.[1]).filter((n): n is string => n !== undefined).map(Number)
  const others = [...new Set(labels.filter(l => !NUMBERED.test(l)))].sort()
  const parts: Array<[string, number]> = numberRuns(numbers, 3).map(run => [run.text, run.count])
  const all = [...parts, ...others.map((o): [string, number] => [o, 1])]
  const hidden = all.slice(limit).reduce((n, [, c]) => n + c, 0)
  return all.slice(0, limit).map(([text]) => text).join(', ') + (hidden > 0 ? ` +${hidden} more` : '')
}
