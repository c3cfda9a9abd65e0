// Alert labels read at a glance: `#48–#197, #201` instead of 151 ids in arrival order.

const NUMBERED = /^#?(\d+)$/

/**
 * Sorts labels (numbered `#12` ones first, in numeric order, then the others), drops repeats and
 * writes three or more consecutive numbers as a range.
 */
export function compressLabels (labels: readonly string[], limit = 100): string {
  const numbered = labels.map(l => NUMBERED.exec(l)?.[1]).filter((n): n is string => n !== undefined)
  const numbers = [...new Set(numbered.map(Number))].sort((a, b) => a - b)
  const others = [...new Set(labels.filter(l => !NUMBERED.test(l)))].sort()
  // Each part with how many labels it stands for, so a bounded list can count what it leaves out.
  const parts: Array<[string, number]> = []
  for (let i = 0; i < numbers.length;) {
    let j = i
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++
    if (j - i >= 2) parts.push([`#${numbers[i]}–#${numbers[j]}`, j - i + 1])
    else for (let k = i; k <= j; k++) parts.push([`#${numbers[k]}`, 1])
    i = j + 1
  }
  const all = [...parts, ...others.map((o): [string, number] => [o, 1])]
  const hidden = all.slice(limit).reduce((n, [, c]) => n + c, 0)
  return all.slice(0, limit).map(([text]) => text).join(', ') + (hidden > 0 ? ` +${hidden} more` : '')
}
