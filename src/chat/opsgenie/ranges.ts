// Alert labels read at a glance: `#48–#197, #201` instead of 151 ids in arrival order.

const NUMBERED = /^#?(\d+)$/

/**
 * Sorts labels (numbered `#12` ones first, in numeric order, then the others), drops repeats and
 * writes three or more consecutive numbers as a range.
 */
export function compressLabels (labels: readonly string[]): string {
  const numbered = labels.map(l => NUMBERED.exec(l)?.[1]).filter((n): n is string => n !== undefined)
  const numbers = [...new Set(numbered.map(Number))].sort((a, b) => a - b)
  const others = [...new Set(labels.filter(l => !NUMBERED.test(l)))].sort()
  const parts: string[] = []
  for (let i = 0; i < numbers.length;) {
    let j = i
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++
    if (j - i >= 2) parts.push(`#${numbers[i]}–#${numbers[j]}`)
    else for (let k = i; k <= j; k++) parts.push(`#${numbers[k]}`)
    i = j + 1
  }
  return [...parts, ...others].join(', ')
}
