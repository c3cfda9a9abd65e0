// Pure: the times people type for a maintenance window, and how replies show them. Parsing reads
// only the words (no clock), so a typo is refused before anything else; resolving a parsed time
// needs "now", handed in by the caller (an injectable clock, so tests are deterministic).
//
// Forms: `2026-12-01 22:00` (or `2026-12-01T22:00`, `:ss` allowed), `today 22:00`, `tomorrow 22:00`,
// `in 2h` (any duration: `in 90 minutes`, `in 1h30m`), `now`, and `22:00` alone (the next 22:00).
// UTC unless a zone follows the time:
// `UTC`, `Z`, an offset (`+02:00`, `-0500`, `UTC+2`), or an IANA name (`Europe/Paris`).

import { boundedDuration, formatDuration, type DurationLimits } from '../../../util/duration'

export type Zone =
  | { kind: 'offset', minutes: number }
  | { kind: 'iana', name: string }

export const UTC: Zone = { kind: 'offset', minutes: 0 }

interface WallClock { hour: number, minute: number, second: number }

export type TimeSpec =
  | { kind: 'date', year: number, month: number, day: number, clock: WallClock, zone: Zone }
  /** A time of day alone (`until 23:30`): on the start's day, or the next day if that is earlier. */
  | { kind: 'clock', clock: WallClock, zone: Zone }
  | { kind: 'day', daysAhead: 0 | 1, clock: WallClock, zone: Zone }
  | { kind: 'in', ms: number }
  | { kind: 'now' }

const MINUTE = 60_000
const DAY = 86_400_000

/** A maintenance lasts at least a minute; a month is already a long window (longer is more likely a typo). */
export const WINDOW_LIMITS: DurationLimits = { min: MINUTE, max: 30 * DAY, rule: 'a maintenance must last between 1 minute and 30 days' }
/** How far ahead a maintenance may be scheduled. */
export const MAX_AHEAD_MS = 366 * DAY

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/
const OFFSET = /^(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?$/i

/** A zone word, or undefined when it is not one. */
export function parseZone (word: string): Zone | undefined {
  const w = word.trim()
  if (/^(utc|gmt|z)$/i.test(w)) return UTC
  const m = OFFSET.exec(w)
  if (m) {
    const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0)
    if (Number(m[2]) > 14 || Number(m[3] ?? 0) > 59) return undefined
    return { kind: 'offset', minutes: m[1] === '-' ? -minutes : minutes }
  }
  if (/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(w)) {
    try {
      const name = new Intl.DateTimeFormat('en-US', { timeZone: w }).resolvedOptions().timeZone
      return { kind: 'iana', name }
    } catch {
      return undefined
    }
  }
  return undefined
}

function clockOf (h: string, m: string, s?: string): WallClock | undefined {
  const clock = { hour: Number(h), minute: Number(m), second: Number(s ?? 0) }
  return clock.hour < 24 && clock.minute < 60 && clock.second < 60 ? clock : undefined
}

/** The time in `text`, or why it is not one; `defaultZone` when it names none (UTC unless told). */
export function parseTime (text: string, defaultZone: Zone = UTC): TimeSpec | { why: string } {
  const words = text.trim().split(/\s+/).filter(Boolean)
  const lower = words.map(w => w.toLowerCase())
  if (lower.length === 1 && lower[0] === 'now') return { kind: 'now' }
  if (lower[0] === 'in') {
    const d = boundedDuration(words.slice(1).join(' '), { min: 0, max: MAX_AHEAD_MS, rule: 'a maintenance can be scheduled up to a year ahead' })
    if (d === undefined) return { why: `"${text.trim()}" is not a time: say e.g. in 2h, in 30 minutes` }
    return 'why' in d ? d : { kind: 'in', ms: d.ms }
  }
  // An optional zone at the end.
  let zone = defaultZone
  let body = words
  const last = words[words.length - 1]
  const lastZone = words.length > 1 ? parseZone(last) : undefined
  if (lastZone) { zone = lastZone; body = words.slice(0, -1) }
  const joined = body.join(' ')

  if (body.length === 2 && ['today', 'tomorrow'].includes(body[0].toLowerCase())) {
    const m = CLOCK.exec(body[1])
    const clock = m ? clockOf(m[1], m[2], m[3]) : undefined
    if (!clock) return { why: `"${body[1]}" is not a time of day: say e.g. ${body[0].toLowerCase()} 22:00` }
    return { kind: 'day', daysAhead: body[0].toLowerCase() === 'tomorrow' ? 1 : 0, clock, zone }
  }
  const c = body.length === 1 ? CLOCK.exec(body[0]) : null
  if (c) {
    const clock = clockOf(c[1], c[2], c[3])
    return clock ? { kind: 'clock', clock, zone } : { why: `"${body[0]}" is not a time of day` }
  }
  const m = DATE.exec(joined)
  if (m) {
    if (m[4] === undefined) return { why: `"${joined}" has no time of day: say e.g. ${joined} 22:00` }
    const clock = clockOf(m[4], m[5], m[6])
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
    const check = new Date(Date.UTC(year, month - 1, day))
    if (!clock || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return { why: `"${joined}" is not a real date and time` }
    return { kind: 'date', year, month, day, clock, zone }
  }
  return { why: `"${text.trim()}" is not a time: say e.g. tomorrow 22:00, in 2h, or a date as YYYY-MM-DD HH:MM (UTC unless you add a zone: +02:00, Europe/Paris)` }
}

/** Minutes east of UTC in `zone` at the instant `utcMs`. */
export function offsetMinutes (zone: Zone, utcMs: number): number {
  if (zone.kind === 'offset') return zone.minutes
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone.name, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric'
  }).formatToParts(new Date(utcMs))
  const get = (type: string): number => Number(parts.find(p => p.type === type)?.value)
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / MINUTE)
}

/** The instant a wall-clock time in `zone` names. */
function fromWallClock (wallMs: number, zone: Zone): number {
  const first = wallMs - offsetMinutes(zone, wallMs) * MINUTE
  const second = wallMs - offsetMinutes(zone, first) * MINUTE
  return second
}

/** The wall-clock fields of `utcMs` in `zone`, as a UTC Date (read with getUTC*). */
const wallOf = (utcMs: number, zone: Zone): Date => new Date(utcMs + offsetMinutes(zone, utcMs) * MINUTE)

/** `after`: for a time of day alone, the instant it must follow (the window's start; else now). */
export function resolveTime (spec: TimeSpec, now: Date, after: Date = now): Date {
  switch (spec.kind) {
    case 'clock': {
      const day = wallOf(after.getTime(), spec.zone)
      const { hour, minute, second } = spec.clock
      const wall = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, minute, second)
      const at = fromWallClock(wall, spec.zone)
      return new Date(at > after.getTime() ? at : fromWallClock(wall + DAY, spec.zone))
    }
    case 'now': return new Date(now.getTime())
    case 'in': return new Date(now.getTime() + spec.ms)
    case 'date': {
      const { year, month, day, clock } = spec
      return new Date(fromWallClock(Date.UTC(year, month - 1, day, clock.hour, clock.minute, clock.second), spec.zone))
    }
    case 'day': {
      const today = wallOf(now.getTime(), spec.zone)
      const { hour, minute, second } = spec.clock
      const day = today.getUTCDate() + spec.daysAhead
      const wall = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), day, hour, minute, second)
      return new Date(fromWallClock(wall, spec.zone))
    }
  }
}

/** The zone a time was given in (UTC for relative times). */
export const zoneOf = (spec: TimeSpec): Zone => ('zone' in spec ? spec.zone : UTC)

const pad = (n: number): string => String(n).padStart(2, '0')

/** `UTC`, `UTC+02:00`, `Europe/Paris`. */
export function zoneLabel (zone: Zone): string {
  if (zone.kind === 'iana') return zone.name
  if (zone.minutes === 0) return 'UTC'
  const abs = Math.abs(zone.minutes)
  return `UTC${zone.minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/** `2026-12-01 22:00` in `zone`. */
export function wallClock (at: Date, zone: Zone = UTC): string {
  const w = wallOf(at.getTime(), zone)
  return `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())} ${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`
}

/**
 * `2026-12-01 22:00 → 2026-12-02 00:00 UTC (2h)`, the end's date left out when it is the same day:
 * `2026-12-01 22:00 → 23:30 UTC (1h 30m)`. The zone is always named.
 */
export function formatWindow (from: Date, until: Date, zone: Zone = UTC): string {
  const start = wallClock(from, zone)
  const end = wallClock(until, zone)
  const endShown = end.slice(0, 10) === start.slice(0, 10) ? end.slice(11) : end
  return `${start} → ${endShown} ${zoneLabel(zone)} (${formatDuration(until.getTime() - from.getTime())})`
}

/** `in 3h 20m`, `2h ago`, `now`: how far `at` is from `now`. */
export function relative (at: Date, now: Date): string {
  const ms = at.getTime() - now.getTime()
  if (Math.abs(ms) < MINUTE) return 'now'
  return ms > 0 ? `in ${formatDuration(ms)}` : `${formatDuration(-ms)} ago`
}

/** The window's length: a duration within WINDOW_LIMITS, or why not. */
export function parseWindowLength (text: string): { ms: number } | { why: string } {
  const d = boundedDuration(text, WINDOW_LIMITS)
  return d ?? { why: `"${text.trim()}" is not a duration: say e.g. 2h, 90m, 1h30m` }
}
