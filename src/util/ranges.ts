// Runs of consecutive numbers written as ranges: [48, 49, 50, 52] → `#48–#50`, `#52`. The one
// loop behind the bulk replies (runs of three or more) and the webhook summaries (runs of two or more).

export interface NumberRun {
  text: string
  /** How many numbers the part stands for, so a bounded list can count what it leaves out. */
  count: number
}

/** Sorts and de-duplicates `numbers`, then writes each run of at least `minRun` as `#a–#b`, the rest one by one. */
export function numberRuns (numbers: readonly number[], minRun: number): NumberRun[] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b)
  const parts: NumberRun[] = []
  for (let i = 0; i < sorted.length;) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++
    if (j - i + 1 >= minRun) parts.push({ text: `#${sorted[i]}–#${sorted[j]}`, count: j - i + 1 })
    else for (let k = i; k <= j; k++) parts.push({ text: `#${sorted[k]}`, count: 1 })
    i = j + 1
  }
  return parts
}
