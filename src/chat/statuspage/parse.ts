// Pure: the text after "status" → one command. Exactly one listener sends everything here, so a
// message can never be understood as two commands (the old scripts opened an incident AND set a
// component for `status open investigating API major outage: ...`).

import { MAX_INCIDENT_BODY, MAX_INCIDENT_NAME, type ComponentStatus, type RealtimeIncidentStatus } from '../../statuspage/types'
import { parseIncidentStatus, trailingState } from './states'
import { parseMaintenance, type MaintenanceCommand } from './maintenance/parse'
import { MAX_MESSAGE_CHARS, MAX_NAME_CHARS, tooLong } from '../bounds'

export type StatusCommand =
  | { kind: 'summary' }
  | { kind: 'help' }
  | { kind: 'components' }
  | { kind: 'incidents' }
  | { kind: 'show', component: string }
  | { kind: 'set', component: string, status: ComponentStatus, message?: string }
  | { kind: 'open', name: string, status: RealtimeIncidentStatus, message?: string }
  /** `args` is read by parseIncidentArgs once the unresolved incidents' ids are known. */
  | { kind: 'update', args: string }
  | { kind: 'resolve', args: string }
  /** maintenance-list (a read), maintenance-create, -transition, -update (writes). */
  | MaintenanceCommand
  /** `usage`, when given, is the right form of the command, shown after `why` with the bot's prefix. */
  | { kind: 'invalid', why: string, usage?: string }

/**
 * The listener's pattern: `status`, `status?` (`status???` too), or `status ` and anything (several lines too); a colon
 * may follow the word (`status: API down`, `status:`), as people type after a name in chat.
 */
export const STATUS_PATTERN = /status:?(\?+|\s[\s\S]*)?$/i

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean)
const tidy = (text: string): string => text.trim().replace(/[ \t]+/g, ' ')

/** `rest` is what follows the word "status" (the listener's first capture), e.g. "?" or " API down". */
export function parseStatus (rest: string | undefined): StatusCommand {
  const text = (rest ?? '').trim()
  // Only question marks (`status ???`): an impatient "status?", not a component called "??".
  if (/^[\s?]*$/.test(text)) return { kind: 'summary' }
  const long = bounded('message', text, MAX_MESSAGE_CHARS + MAX_NAME_CHARS)
  if (long) return long
  const [first, ...others] = words(text)
  // `status help` alone (`status help?` still asks about a component called help).
  if (text.toLowerCase() === 'help') return { kind: 'help' }
  const keyword = first.toLowerCase().replace(/\?+$/, '').replace(/^(update|resolve):$/, '$1')
  // `resolve: all good` keeps its colon on the arguments: a message for the only one, not a stray word.
  const after = (keyword !== first.toLowerCase() && first.endsWith(':') ? ':' : '') + text.slice(first.length).trim()
  switch (keyword) {
    case 'components':
    case 'incidents':
      return after === '' ? { kind: keyword } : invalid(`Nothing goes after "${keyword}": say just`, `status ${keyword}`)
    case 'open': return parseOpen(after)
    case 'update':
      if (others.length === 0) return invalid('Say what to add:', 'status update [<incident id>] [<incident status>]: <message>')
      return bounded('message', after, MAX_MESSAGE_CHARS) ?? { kind: 'update', args: after }
    case 'resolve': return bounded('message', after, MAX_MESSAGE_CHARS) ?? { kind: 'resolve', args: after }
    case 'maintenance':
    case 'maintenances': return bounded('message', after, MAX_MESSAGE_CHARS) ?? parseMaintenance(after)
  }
  return parseComponentCommand(text)
}

/**
 * A component name and its state fit in this many characters; colons further on are in the message.
 * So however long the message, only this prefix is searched for the `<component> <state>:` colon.
 */
const NAME_AND_STATE_CHARS = MAX_NAME_CHARS + 40
/** The last words of a text that can name a state (the longest state phrase is a few short words). */
const STATE_TAIL_CHARS = 80

function parseComponentCommand (text: string): StatusCommand {
  // A question: `status API (EU)?`
  if (text.endsWith('?') && !text.includes(':')) return show(text.replace(/\?+$/, ''))
  // `<component> <state>: <message>`: the first colon whose left side ends with a state, so a
  // colon inside a component name or inside the message does no harm.
  let firstColon = -1
  for (let i = text.indexOf(':'); i !== -1 && i <= NAME_AND_STATE_CHARS; i = text.indexOf(':', i + 1)) {
    if (firstColon === -1) firstColon = i
    const set = parseSet(text.slice(0, i))
    if (set?.kind === 'invalid') return set
    if (set) {
      const message = text.slice(i + 1).trim()
      if (message === '') return set
      if (message.length > MAX_INCIDENT_BODY) return invalid(`That message is too long for Statuspage (${MAX_INCIDENT_BODY} characters at most).`)
      return { ...set, message }
    }
  }
  // Too long to be a name: what came before the first colon was meant as one (a mistyped state).
  if (text.length > MAX_NAME_CHARS && firstColon > 0) return show(text.slice(0, firstColon))
  if (text.endsWith('?')) return show(text.replace(/\?+$/, ''))
  return parseSet(text) ?? show(text)
}

function parseSet (text: string): Extract<StatusCommand, { kind: 'set' | 'invalid' }> | undefined {
  // The state is looked for in the last words only (a bounded tail, its first word possibly cut
  // off dropped), so trying every colon of a message costs a bounded amount each.
  const tail = text.length > STATE_TAIL_CHARS ? words(text.slice(-STATE_TAIL_CHARS)).slice(1) : words(text)
  const state = trailingState(tail)
  if (!state) return undefined
  const all = words(text)
  const component = cleanName(all.slice(0, all.length - state.length).join(' '))
  if (component === '') return undefined
  return bounded('component name', component, MAX_NAME_CHARS) ?? { kind: 'set', component, status: state.status }
}

function show (name: string): StatusCommand {
  const component = cleanName(name)
  if (component === '') return { kind: 'summary' }
  return bounded('component name', component, MAX_NAME_CHARS) ?? { kind: 'show', component }
}

/** Drops the punctuation people put between a name and what follows (`API: down`, `API, down`). */
const cleanName = (name: string): string => tidy(name).replace(/[\s:,;]+$/, '')

function parseOpen (after: string): StatusCommand {
  const [first] = words(after)
  const status = parseIncidentStatus(first)
  const rest = status ? after.slice(first.length).trim() : after
  const colon = rest.indexOf(':')
  const name = tidy(colon === -1 ? rest : rest.slice(0, colon))
  const message = colon === -1 ? '' : rest.slice(colon + 1).trim()
  if (name === '') return invalid('Name the incident:', 'status open [<incident status>] <name>[: <message>]')
  if (name.length > MAX_INCIDENT_NAME) return invalid(`That incident name is too long for Statuspage (${MAX_INCIDENT_NAME} characters at most).`)
  if (message.length > MAX_INCIDENT_BODY) return invalid(`That message is too long for Statuspage (${MAX_INCIDENT_BODY} characters at most).`)
  return { kind: 'open', name, status: status ?? 'investigating', ...(message ? { message } : {}) }
}

const invalid = (why: string, usage?: string): StatusCommand => (usage ? { kind: 'invalid', why, usage } : { kind: 'invalid', why })

/** The invalid reply when `text` is over its bound, else undefined. */
function bounded (what: string, text: string, max: number): Extract<StatusCommand, { kind: 'invalid' }> | undefined {
  const why = tooLong(what, text, max)
  return why === undefined ? undefined : { kind: 'invalid', why }
}

export interface IncidentArgs {
  id?: string
  status?: RealtimeIncidentStatus
  message?: string
}

/** Statuspage incident ids: 12 lower-case letters and digits, e.g. p31zjtct2jer. */
const INCIDENT_ID_SHAPE = /^[a-z0-9]{12}$/

/**
 * Reads `[<incident id>] [<incident status>] [<message>]`. The first word is an incident id when it
 * is one of `knownIds` (the unresolved incidents), or when it has the id's shape and contains a
 * digit: twelve-letter words ("intermittent", "connectivity") begin messages, ids nearly always
 * contain a digit. An id without a digit is still recognised once the unresolved incidents are known.
 * With `status: false` (resolve) no incident status word is read: the rest is the message.
 */
export function parseIncidentArgs (
  args: string, knownIds: readonly string[] = [], options: { status: boolean } = { status: true }
): IncidentArgs {
  let rest = args.trim()
  const out: IncidentArgs = {}
  const first = words(rest)[0]?.replace(/:$/, '')
  if (first !== undefined && isIncidentId(first, knownIds)) {
    out.id = first.toLowerCase()
    rest = rest.slice(first.length).trim()
  }
  const next = words(rest)[0]
  const status = options.status ? parseIncidentStatus(next?.replace(/:$/, '')) : undefined
  if (status && next !== undefined) {
    out.status = status
    rest = rest.slice(next.length).trim()
  }
  rest = afterColon(rest)
  if (rest !== '') out.message = rest
  return out
}

/** A message may follow a colon (`resolve: all good`, `update identified: fix is out`). */
const afterColon = (text: string): string => text.replace(/^:\s*/, '').trim()

/**
 * The word that would otherwise be taken for a message to "the only one": no id, no status word, and
 * the text does not start with a colon. `oops` in `resolve oops` must not resolve anything.
 */
export function strayWord (args: string, parsed: { id?: string, status?: string, message?: string }):
  string | undefined {
  const text = args.trim()
  if (parsed.id || parsed.status || parsed.message === undefined || text.startsWith(':')) return undefined
  return words(text)[0]
}

export function isIncidentId (word: string, knownIds: readonly string[] = []): boolean {
  const lower = word.toLowerCase()
  if (knownIds.some(id => id.toLowerCase() === lower)) return true
  return INCIDENT_ID_SHAPE.test(word) && /\d/.test(word)
}

/**
 * A word that is probably a mistyped or mis-cased incident id (letters and digits mixed, about an
 * id's length), e.g. "0BF2C2DA159F" or "aa3577454c3". Read as a message it would be posted to
 * whichever incident is the only unresolved one, so update and resolve refuse it instead.
 */
export const looksLikeIncidentId = (word: string | undefined): boolean =>
  word !== undefined && /^[a-z0-9]{10,14}$/i.test(word) && /\d/.test(word) && /[a-z]/i.test(word)
