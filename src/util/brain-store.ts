// Versioned, merge-safe records in robot.brain, for every brain key this package uses.
//
// A key holds `{ format: 1, records: [...] }`; each record is `{ v, id, at, data }` (or `{ v, id, at,
// gone: true }` once removed, so a removal survives a merge). `v` is the version of `data`, `id` the
// record's identity (a chat user id, an audit entry's id), `at` when it was written (epoch ms).
//
// Why merging: hubot-redis-brain reads Redis after the scripts have loaded and calls
// `robot.brain.mergeData(data)`, which REPLACES every top-level key (`_private` included), then the
// brain emits 'loaded'. Whatever this package wrote before that would be lost. So each store keeps
// its own copy of what it last wrote; when the brain's value is not that copy any more (on 'loaded',
// or on the next read), both sides are merged: every record kept once (per id the later `at`
// wins), ordered by `at`, bounded to the newest `bound`, and the merged value written back.
//
// Loading validates: records of an unknown version or malformed are skipped, with one log line per
// load naming the key and what was skipped, never a crash or a garbled reply.
//
// How another module registers a key (at module level, once):
//
//   const incidents = defineStore<Incident>({
//     key: 'hubot-statuspage-opsgenie.incidents', name: 'incidents', version: 1, bound: 200,
//     validate: (data, v) => v === 1 && isIncident(data) ? data : undefined
//   })
//   incidents.on(robot.brain).put(room, incident, now)   // .get(id), .list(), .remove(id, now); `now` from the clock
//
// and calls `watchBrain(robot)` once per robot (the runtime does it), so late data is merged at once
// and the skip lines reach the robot's log. `validate` may upgrade an older version's data; return
// undefined to skip it. `legacy` converts a value written before records had versions.

export interface BrainLike {
  get(key: string): unknown
  set(key: string, value: unknown): unknown
  on?: (event: string, listener: (...args: unknown[]) => void) => unknown
}

interface BrainLog { warning?(line: string): void, warn?(line: string): void, info(line: string): void }

interface Live<T> { v: number, id: string, at: number, data: T }
interface Gone { v: number, id: string, at: number, gone: true }
type StoredRecord<T> = Live<T> | Gone

export interface StoreSpec<T> {
  /** The brain key (under robot.brain's private data). */
  key: string
  /** What it holds, in words, for the log line. */
  name: string
  /** The version records are written with. */
  version: number
  /** The record's data if it is valid for its version (upgraded if older), else undefined: skipped. */
  validate: (data: unknown, version: number) => T | undefined
  /** How many records are kept (removals count): the oldest go first. */
  bound: number
  /** Records from a value written before the store existed (each still passes `validate` as version 0). */
  legacy?: (raw: unknown) => Array<{ id: string, at: number, data: unknown }> | undefined
}

interface StoreHandle<T> {
  get(id: string): T | undefined
  /** Every live record's data, oldest first. */
  list(): T[]
  put(id: string, data: T, at: number): void
  /** Many records in one write (one merge instead of one per record). */
  putAll(records: ReadonlyArray<{ id: string, data: T, at: number }>): void
  /** True when there was a live record to remove. */
  remove(id: string, at: number): boolean
}

export interface Store<T> {
  readonly key: string
  on(brain: BrainLike): StoreHandle<T>
}

interface State {
  /** The value this store last wrote (or adopted): anything else under the key is new data. */
  written: unknown
  records: Map<string, StoredRecord<unknown>>
}

const stores: Array<Store<unknown> & { reconcile(brain: BrainLike): void }> = []
const states = new WeakMap<BrainLike, Map<string, State>>()
const logs = new WeakMap<BrainLike, BrainLog>()

export function defineStore<T> (spec: StoreSpec<T>): Store<T> {
  const stateOf = (brain: BrainLike): State => {
    let perBrain = states.get(brain)
    if (!perBrain) states.set(brain, perBrain = new Map())
    let state = perBrain.get(spec.key)
    if (!state) perBrain.set(spec.key, state = { written: undefined, records: new Map() })
    if ((brain.get(spec.key) ?? undefined) !== state.written) adopt(brain, state)
    return state
  }

  const adopt = (brain: BrainLike, state: State): void => {
    if ((brain.get(spec.key) ?? undefined) === undefined && state.records.size === 0) {
      state.written = undefined // nothing on either side: nothing written until there is
      return
    }
    const incoming = readRecords(spec, brain.get(spec.key), logs.get(brain))
    write(brain, state, mergeRecords([...state.records.values(), ...incoming], spec.bound))
  }

  const write = (brain: BrainLike, state: State, records: Array<StoredRecord<unknown>>): void => {
    state.records = new Map(records.map(r => [r.id, r]))
    // A new value each time, so brains that compare or serialise on set see the change; noted as
    // ours before it is set, as Hubot's set emits 'loaded' itself.
    state.written = { format: 1, records }
    brain.set(spec.key, state.written)
  }

  const change = (brain: BrainLike, ...records: Array<StoredRecord<unknown>>): void => {
    const state = stateOf(brain)
    const ids = new Set(records.map(r => r.id))
    const rest = [...state.records.values()].filter(r => !ids.has(r.id))
    write(brain, state, mergeRecords([...rest, ...records], spec.bound))
  }

  const store = {
    key: spec.key,
    reconcile: (brain: BrainLike) => {
      // A store not read yet adopts the brain's value when it is first read; one with a value now
      // adopts it at once, so what is skipped is logged at load.
      if (states.get(brain)?.has(spec.key) || (brain.get(spec.key) ?? undefined) !== undefined) stateOf(brain)
    },
    on: (brain: BrainLike): StoreHandle<T> => ({
      get: (id) => {
        const record = stateOf(brain).records.get(id)
        return record && !('gone' in record) ? record.data as T : undefined
      },
      list: () => [...stateOf(brain).records.values()].flatMap(r => 'gone' in r ? [] : [r.data as T]),
      put: (id, data, at) => { change(brain, { v: spec.version, id, at, data }) },
      putAll: (records) => {
        if (records.length > 0) change(brain, ...records.map(({ id, data, at }) => ({ v: spec.version, id, at, data })))
      },
      remove: (id, at) => {
        const record = stateOf(brain).records.get(id)
        if (!record || 'gone' in record) return false
        change(brain, { v: spec.version, id, at: Math.max(at, record.at), gone: true })
        return true
      }
    })
  }
  stores.push(store as typeof stores[number])
  return store
}

/**
 * Merges late data into every store as soon as the brain says it loaded (hubot-redis-brain's
 * mergeData), and sends the skip lines to the robot's log. Once per robot; more calls do nothing.
 */
export function watchBrain (robot: { brain?: BrainLike, logger: BrainLog }): void {
  const { brain } = robot
  if (typeof brain !== 'object' || brain === null || logs.has(brain)) return
  logs.set(brain, robot.logger)
  brain.on?.('loaded', () => { for (const store of stores) store.reconcile(brain) })
}

/** Per id the later record (a removal on a tie), ordered by `at`, the newest `bound` kept. */
export function mergeRecords<R extends { id: string, at: number }> (records: readonly R[], bound: number): R[] {
  const byId = new Map<string, R>()
  for (const record of records) {
    const held = byId.get(record.id)
    if (!held || record.at > held.at || (record.at === held.at && 'gone' in record)) byId.set(record.id, record)
  }
  const order = new Map(records.map((r, i) => [r, i]))
  const sorted = [...byId.values()].sort((a, b) => a.at - b.at || (order.get(a) ?? 0) - (order.get(b) ?? 0))
  return sorted.slice(Math.max(0, sorted.length - bound))
}

function readRecords<T> (spec: StoreSpec<T>, raw: unknown, log: BrainLog | undefined): Array<StoredRecord<T>> {
  if (raw === null || raw === undefined) return []
  const skipped: string[] = []
  let candidates: unknown[]
  if (isEnvelope(raw)) {
    candidates = raw.records
  } else if (spec.legacy) {
    candidates = safeLegacy(spec, raw, skipped).map(r => ({ ...(r as object), v: 0 }))
  } else {
    candidates = []
    skipped.push('a value in an unknown format')
  }
  const records: Array<StoredRecord<T>> = []
  let malformed = 0
  const unknownVersions = new Set<number>()
  for (const candidate of candidates) {
    const record = recordShape(candidate)
    if (!record) { malformed++; continue }
    if ('gone' in record) { records.push(record); continue }
    const data = safeValidate(spec, record.data, record.v)
    if (data !== undefined) records.push({ ...record, data })
    else if (record.v > spec.version) unknownVersions.add(record.v)
    else malformed++
  }
  if (malformed > 0) skipped.push(`${malformed} malformed record${malformed === 1 ? '' : 's'}`)
  for (const v of unknownVersions) skipped.push(`records of version ${v} (this version reads up to ${spec.version})`)
  if (skipped.length > 0) {
    const line = `hubot-statuspage-opsgenie: skipped ${skipped.join(', ')} in the brain's ${spec.name} (${spec.key}); the rest is kept`
    ;(log?.warning ?? log?.warn ?? log?.info)?.call(log, line)
  }
  return records
}

function isEnvelope (raw: unknown): raw is { records: unknown[] } {
  return typeof raw === 'object' && raw !== null && (raw as { format?: unknown }).format === 1 &&
    Array.isArray((raw as { records?: unknown }).records)
}

function recordShape (value: unknown): StoredRecord<unknown> | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const r = value as Partial<Live<unknown> & Gone>
  if (!Number.isInteger(r.v) || typeof r.id !== 'string' || r.id === '' || !Number.isFinite(r.at)) return undefined
  const base = { v: r.v as number, id: r.id, at: r.at as number }
  if (r.gone === true) return { ...base, gone: true }
  return 'data' in r ? { ...base, data: r.data } : undefined
}

function safeValidate<T> (spec: StoreSpec<T>, data: unknown, version: number): T | undefined {
  try {
    return spec.validate(data, version)
  } catch {
    return undefined
  }
}

function safeLegacy<T> (spec: StoreSpec<T>, raw: unknown, skipped: string[]): unknown[] {
  let records: unknown[] | undefined
  try {
    records = spec.legacy?.(raw)
  } catch {}
  if (!records) skipped.push('a value in an unknown format')
  return records ?? []
}
