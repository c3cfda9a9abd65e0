// Durations as people type them: `30m`, `2h`, `1d`, `1h30m`, `90 minutes`, `2 hours`.

const UNIT_MS: Record<string, number> = {
  s: 1_000,
  sec: 1_000,
  secs: 1_000,
  second: 1_000,
  seconds: 1_000,
  m: 60_000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  hrs: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
  w: 604_800_000,
  week: 604_800_000,
  weeks: 604_800_000
}

const PART = /(\d+)\s*([a-z]+)/gy

/** Milliseconds, or undefined when the text is not a positive duration. */
export function parseDuration (text: string): number | undefined {
  const total = totalMs(text)
  return total !== undefined && total > 0 ? total : undefined
}

/** Milliseconds (0 for `0m`), or undefined when the text is not a duration. */
function totalMs (text: string): number | undefined {
  const t = text.trim().toLowerCase()
  if (t === '') return undefined
  let total = 0
  let at = 0
  PART.lastIndex = 0
  for (;;) {
    while (t[at] === ' ') at++
    if (at >= t.length) break
    PART.lastIndex = at
    const m = PART.exec(t)
    if (!m) return undefined
    const unit = UNIT_MS[m[2]]
    if (unit === undefined) return undefined
    total += Number(m[1]) * unit
    at = PART.lastIndex
  }
  return total
}

const MINUTE = 60_000
const DAY = 86_400_000

export interface DurationLimits {
  min: number
  max: number
  /** The sentence that states the limits, e.g. "a snooze must last between 1 minute and 30 days". */
  rule: string
}

/** OpsGenie keeps a snoozed alert quiet until the end time; a month is already long for one. */
export const SNOOZE_LIMITS: DurationLimits = { min: MINUTE, max: 30 * DAY, rule: 'a snooze must last between 1 minute and 30 days' }
/** A chat take is a short override: more than a week is more likely a typo (a rota change belongs in the schedule). */
export const TAKE_LIMITS: DurationLimits = { min: MINUTE, max: 7 * DAY, rule: 'a take must last between 1 minute and 7 days (longer belongs in the schedule itself)' }

/**
 * The duration in `text` when it lies within `limits`, else why not (`0m` and `-5m` are too short);
 * undefined when the text is not a duration at all.
 */
export function boundedDuration (text: string, limits: DurationLimits): { ms: number } | { why: string } | undefined {
  const t = text.trim()
  const negative = t.startsWith('-')
  const total = totalMs(negative ? t.slice(1) : t)
  if (total === undefined) return undefined
  const ms = negative ? -total : total
  if (ms < limits.min) return { why: `${t} is too short: ${limits.rule}` }
  if (ms > limits.max) return { why: `${t} is too long: ${limits.rule}` }
  return { ms }
}

/** `1d 2h`, `45m`, `30s`: the two largest units, for replies. */
export function formatDuration (ms: number): string {
  const units: Array<[string, number]> = [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1_000]]
  const parts: string[] = []
  let left = Math.max(0, Math.round(ms))
  if (left < 1_000) return `${left}ms`
  for (const [name, size] of units) {
    const n = Math.floor(left / size)
    if (n > 0 && parts.length < 2) {
      parts.push(`${n}${name}`)
      left -= n * size
    } else if (parts.length > 0) break
  }
  return parts.join(' ')
}
