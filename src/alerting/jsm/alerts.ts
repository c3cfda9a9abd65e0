// JSM Operations alerts as its REST API answers them, read into the shared Alert shape. Field
// spellings are JSM's own (JSM Operations OpenAPI spec, and live alert lists recorded from tenants):
// `seen` (not isSeen), `lastOccuredAt` (sic), a `tinyId` (string or number), and no `report` object:
// `ackTime`/`closeTime` sit at the top level and no field names who acknowledged.
// Lists come as `{values: [...], links: {next}, count}`.

import { BadResponseError } from '../../http/errors'
import { ownership } from '../shared'
import type { Alert } from '../types'
import { JSM } from './service'

export interface RawJsmAlert {
  id?: unknown
  tinyId?: unknown
  message?: unknown
  status?: unknown
  acknowledged?: unknown
  seen?: unknown
  snoozed?: unknown
  count?: unknown
  createdAt?: unknown
  lastOccuredAt?: unknown
  priority?: unknown
  ackTime?: unknown
  owner?: unknown
  tags?: unknown
  responders?: unknown
}

export interface JsmList<T> { values?: T[], links?: { next?: string }, count?: number }

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined)

/** The alert, or a BadResponseError when it has no usable id (an id never goes undefined into a path). */
export function toJsmAlert (raw: RawJsmAlert, where: { method: string, path: string }): Alert {
  const id = str(raw?.id)
  if (!id) throw new BadResponseError({ service: JSM, ...where, status: 200 }, 'answered an alert without an id')
  // Without it an acknowledged alert would show (and be acted on) as not acknowledged.
  if (typeof raw.acknowledged !== 'boolean') {
    const err = new BadResponseError({ service: JSM, ...where, status: 200 }, 'answered an alert without acknowledged')
    err.shape = 'acknowledged is not true or false'
    throw err
  }
  const tiny = typeof raw.tinyId === 'number' ? String(raw.tinyId) : str(raw.tinyId)
  return {
    id,
    tinyId: tiny,
    message: str(raw.message) ?? '',
    status: raw.status === 'closed' ? 'closed' : 'open',
    acknowledged: raw.acknowledged === true,
    ackTimeMs: typeof raw.ackTime === 'number' ? raw.ackTime : undefined,
    priority: str(raw.priority),
    count: typeof raw.count === 'number' ? raw.count : 1,
    createdAt: str(raw.createdAt) ?? '',
    lastOccurredAt: str(raw.lastOccuredAt),
    snoozed: bool(raw.snoozed),
    seen: bool(raw.seen),
    ...ownership(raw)
  }
}

/** The items of a JSM list page, or a BadResponseError when `values` is not a list. */
export function listValues<T> (
  body: JsmList<T> | undefined,
  where: { method: string, path: string }
): { items: T[], hasNext: boolean } {
  const values = body?.values ?? []
  if (!Array.isArray(values)) throw new BadResponseError({ service: JSM, ...where, status: 200 }, 'answered a list whose values are not a list')
  return { items: values, hasNext: typeof body?.links?.next === 'string' && body.links.next !== '' }
}

/** A single object may come bare (the spec) or inside `data` (OpsGenie's habit): read both. */
export const unwrap = <T>(body: unknown): T | undefined =>
  (body && typeof body === 'object' && 'data' in body ? (body as { data: T }).data : body as T | undefined)
