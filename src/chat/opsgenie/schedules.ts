// Finding the schedule a person named: exact name first (any case), then a unique partial match.

import type { Schedule } from '../../alerting/types'

export type Pick =
  | { ok: true, schedule: Schedule }
  | { ok: false, why: 'none' | 'ambiguous', candidates: Schedule[] }

export function pickSchedule (schedules: readonly Schedule[], name: string): Pick {
  const wanted = name.trim().toLowerCase()
  const exact = schedules.filter(s => s.name.toLowerCase() === wanted || s.id === name.trim())
  if (exact.length === 1) return { ok: true, schedule: exact[0] }
  const partial = schedules.filter(s => s.name.toLowerCase().includes(wanted))
  if (partial.length === 1) return { ok: true, schedule: partial[0] }
  return partial.length === 0 ? { ok: false, why: 'none', candidates: [...schedules] } : { ok: false, why: 'ambiguous', candidates: partial }
}

export const scheduleNames = (schedules: readonly Schedule[]): string => schedules.map(s => s.name).join(', ')
