// Pure: the text after `status maintenance` → one maintenance command. Each kind says whether it
// reads (list) or writes (create, transition, update), so an authorization gate can tell them apart.
//
//   maintenance                                         list the active and upcoming ones
//   maintenance <name> from <time> for <duration> [on <components>][: <message>]
//   maintenance <name> from <time> until <time> [on <components>][: <message>]
//   maintenance start|complete|cancel [<id>][: <message>]
//   maintenance update [<id>] [<status>]: <message>

import { MAINTENANCE_STATUSES, MAX_INCIDENT_BODY, MAX_INCIDENT_NAME, type MaintenanceStatus } from '../../../statuspage/types'
import { parseTime, parseWindowLength, zoneOf, type TimeSpec } from './time'

export type MaintenanceAction = 'start' | 'complete' | 'cancel'

export type MaintenanceCommand =
  | { kind: 'maintenance-list' }
  | {
    kind: 'maintenance-create'
    name: string
    from: TimeSpec
    /** The window's end: a length after the start, or a time. */
    until: { kind: 'for', ms: number } | { kind: 'until', time: TimeSpec }
    /** As typed: resolved against the page's components by the handler. */
    components?: string
    message?: string
  }
  | { kind: 'maintenance-transition', action: MaintenanceAction, args: string }
  | { kind: 'maintenance-update', args: string }

/** `usage` is the right form, shown after `why` with the bot's prefix. */
export type MaintenanceParse = MaintenanceCommand | { kind: 'invalid', why: string, usage?: string }

/** Every kind that changes the page (for an authorization gate). */
export const MAINTENANCE_WRITES: ReadonlyArray<MaintenanceCommand['kind']> = ['maintenance-create', 'maintenance-transition', 'maintenance-update']

const CREATE_FORM = 'status maintenance <name> from <time> for <duration> [on <components>]: <message>'
const ACTIONS: readonly string[] = ['start', 'complete', 'cancel']
const invalid = (why: string, usage?: string): MaintenanceParse => ({ kind: 'invalid', why, ...(usage ? { usage } : {}) })

/** `rest` is what follows the word `maintenance`. */
export function parseMaintenance (rest: string): MaintenanceParse {
  const text = rest.trim().replace(/^\?$/, '')
  if (text === '' || /^list$/i.test(text)) return { kind: 'maintenance-list' }
  const [first, second] = text.split(/\s+/)
  // `complete: done` keeps its colon on the arguments: a message for the only one, not a stray word.
  const word = first.toLowerCase().replace(/:$/, '')
  const args = (first.endsWith(':') ? ':' : '') + text.slice(first.length).trim()
  const isAction = ACTIONS.includes(word) || word === 'update'
  // `maintenance Update firmware from ...` names a maintenance; `maintenance update <id> ...` updates one.
  if (isAction && (looksLikeId(second) || !/\sfrom\s/i.test(text))) return action(word, args)
  const created = parseCreate(text)
  if (created.kind === 'invalid' && isAction) return action(word, args)
  return created
}

function action (word: string, args: string): MaintenanceParse {
  if (word === 'update') {
    if (args === '') return invalid('Say what to add:', 'status maintenance update [<id>] [scheduled|in_progress|verifying|completed]: <message>')
    if (args.length > MAX_INCIDENT_BODY) return invalid(`That message is too long for Statuspage (${MAX_INCIDENT_BODY} characters at most).`)
    return { kind: 'maintenance-update', args }
  }
  if (args.length > MAX_INCIDENT_BODY) return invalid(`That message is too long for Statuspage (${MAX_INCIDENT_BODY} characters at most).`)
  return { kind: 'maintenance-transition', action: word as MaintenanceAction, args }
}

/** The name is everything before the first ` from ` that is followed by a window that parses. */
function parseCreate (text: string): MaintenanceParse {
  let firstProblem: string | undefined
  for (const m of text.matchAll(/\s+from\s+/gi)) {
    const name = text.slice(0, m.index).trim()
    const window = parseWindow(text.slice((m.index ?? 0) + m[0].length))
    if ('why' in window) { firstProblem ??= window.why; continue }
    if (name === '') return invalid('Name the maintenance:', CREATE_FORM)
    if (name.length > MAX_INCIDENT_NAME) return invalid(`That maintenance name is too long for Statuspage (${MAX_INCIDENT_NAME} characters at most).`)
    return { kind: 'maintenance-create', name, ...window }
  }
  if (firstProblem) return invalid(`${firstProblem}. Nothing was scheduled. The form:`, CREATE_FORM)
  return invalid('Say when (e.g. from tomorrow 22:00 for 2h). Nothing was scheduled. The form:', CREATE_FORM)
}

type Window = Omit<Extract<MaintenanceCommand, { kind: 'maintenance-create' }>, 'kind' | 'name'>

/** `<time> for|until <...> [on <components>][: <message>]`; a colon between digits belongs to a time. */
function parseWindow (rest: string): Window | { why: string } {
  const colon = /:(?!\d)/.exec(rest)
  const head = (colon ? rest.slice(0, colon.index) : rest).trim()
  const message = colon ? rest.slice(colon.index + 1).trim() : ''
  const split = /\s+(for|until)\s+/i.exec(head)
  if (!split) return { why: `Say how long, after the time: for 2h, or until 23:30 (in "${head}")` }
  const fromText = head.slice(0, split.index)
  const after = head.slice(split.index + split[0].length)
  const on = /\s+on\s+/i.exec(after)
  const lengthText = on ? after.slice(0, on.index) : after
  const components = on ? after.slice(on.index + on[0].length).trim() : undefined
  const from = parseTime(fromText)
  if ('why' in from) return from
  let until: Window['until']
  if (split[1].toLowerCase() === 'for') {
    const length = parseWindowLength(lengthText)
    if ('why' in length) return length
    until = { kind: 'for', ms: length.ms }
  } else {
    // The end is in the start's zone unless it names its own.
    const time = parseTime(lengthText, zoneOf(from))
    if ('why' in time) return time
    until = { kind: 'until', time }
  }
  if (on && !components) return { why: 'Name the components after "on"' }
  if (message.length > MAX_INCIDENT_BODY) return { why: `That message is too long for Statuspage (${MAX_INCIDENT_BODY} characters at most)` }
  return { from, until, ...(components ? { components } : {}), ...(message ? { message } : {}) }
}

/** Statuspage ids: 12 lower-case letters and digits, nearly always with a digit. */
const looksLikeId = (word: string | undefined): boolean => word !== undefined && /^[a-z0-9]{12}$/i.test(word) && /\d/.test(word)

export interface MaintenanceArgs {
  id?: string
  status?: MaintenanceStatus
  message?: string
}

/** The status a word names: `in_progress`, `in-progress` and `started` work too. */
export function parseMaintenanceStatus (word: string | undefined): MaintenanceStatus | undefined {
  const w = word?.toLowerCase().replace(/-/g, '_')
  if (w === 'started') return 'in_progress'
  return MAINTENANCE_STATUSES.find(s => s === w)
}

/**
 * Reads `[<id>] [<status>] [<message>]`: the first word is the id when it is one of `knownIds` or
 * has an id's shape; a status word is read only when `status` is set (update).
 */
export function parseMaintenanceArgs (
  args: string, knownIds: readonly string[] = [], options = { status: false }
): MaintenanceArgs {
  let rest = args.trim()
  const out: MaintenanceArgs = {}
  const first = rest.split(/\s+/)[0].replace(/:$/, '')
  if (first && (looksLikeId(first) || knownIds.includes(first.toLowerCase()))) {
    out.id = first.toLowerCase()
    rest = rest.slice(first.length).trim()
  }
  if (options.status) {
    const next = rest.split(/\s+/)[0]
    const status = parseMaintenanceStatus(next.replace(/:$/, ''))
    if (status) { out.status = status; rest = rest.slice(next.length).trim() }
  }
  rest = rest.replace(/^:\s*/, '').trim()
  if (rest !== '') out.message = rest
  return out
}
