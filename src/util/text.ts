// Small wording helpers shared by every service's replies.

import { formatDuration } from './duration'

/** `1 alert`, `3 alerts`, `2 unresolved incidents`. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

/**
 * How long ago `iso` was. `short` (alert lists, where many ages line up): `42s`, `5m`, `3h 10m`,
 * `?` for no date. `words` (incident lines): `just now`, `5 min ago`, `3 h ago`, `2 days ago`.
 */
export function age (iso: string | null | undefined, now: number | Date, style: 'short' | 'words' = 'short'): string {
  const at = iso ? Date.parse(iso) : NaN
  const ms = (typeof now === 'number' ? now : now.getTime()) - at
  if (style === 'short') {
    if (Number.isNaN(at)) return '?'
    const past = Math.max(0, ms)
    // Whole minutes once past one: seconds would only make the list jitter.
    return past < 60_000 ? `${Math.floor(past / 1000)}s` : formatDuration(Math.floor(past / 60_000) * 60_000)
  }
  if (Number.isNaN(at)) return 'at an unknown time'
  const minutes = Math.floor(ms / 60_000)
  if (minutes < 1) return 'just now'
  if (minutes < 60) return `${minutes} min ago`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return `${hours} h ago`
  return `${Math.floor(hours / 24)} days ago`
}
