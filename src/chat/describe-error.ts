// Turns any failure into one sentence a person in the room can act on. Never includes a key:
// ServiceError messages are built without credentials, and everything passes through redact().

import { ConfigError } from '../util/config'
import { BadResponseError, NetworkError, ServiceError } from '../http/errors'
import { redact } from '../http/redact'

const reason = (err: ServiceError): string => (err.apiMessage ? ` (${err.service} says: ${err.apiMessage})` : '')

/**
 * The commands that show what a write changed: on-call for a schedule override (genie take), else
 * the service's own.
 */
const checkCommands = (err: ServiceError): readonly string[] =>
  /\/schedules\/[^/]+\/overrides/.test(err.path) ? ['genie oncall'] : err.hints.check

/** What was wrong with a 2xx answer: not JSON at all, or JSON without a field the command needs. */
function unreadable (err: ServiceError): string {
  const shape = err instanceof BadResponseError ? err.shape : undefined
  return shape === undefined
    ? 'answered with something that is not JSON (a proxy or maintenance page?)'
    : `answered with JSON of an unexpected shape (${shape})`
}

export interface DescribeOptions {
  /** The time now (epoch ms, the robot's clock): a rate limit's "try again after" is said from it. */
  now: number
  /** Values that must never be shown (the API keys), scrubbed whatever the error says. */
  secrets?: ReadonlyArray<string | undefined>
  /** The command already changed something before this failed: never say "Nothing was changed". */
  afterChange?: boolean
  /**
   * How the bot is addressed (`/` or `hubot `), put in front of the commands a reply suggests, since
   * on Hubot 3.5 and in Campfire a bare command gets no answer. Without it they are only quoted.
   */
  prefix?: string
}

/** `14:05:30 UTC`: when to try again, to the second. */
const clockTime = (ms: number): string => `${new Date(ms).toISOString().slice(11, 19)} UTC`

/** The commands to type, as the room must type them: `/status or /status incidents`. */
const commands = (names: readonly string[], prefix: string | undefined): string =>
  names.map(name => (prefix === undefined ? `"${name}"` : `${prefix}${name}`)).join(' or ')

export function describeError (err: unknown, options: DescribeOptions): string {
  return redact(sentence(err, options), options.secrets ?? [])
}

/** "Nothing was changed." closes a refusal, unless the command had already changed something. */
const NOTHING_CHANGED = / ?Nothing was changed\.$/

function sentence (err: unknown, options: DescribeOptions): string {
  if (err instanceof ConfigError) return err.message
  if (!(err instanceof ServiceError)) {
    const message = err instanceof Error ? err.message : String(err)
    return `Something went wrong inside the bot: ${message}. The details are in the bot's log.`
  }
  const hints = err.hints
  const s = err.service
  // A GET changes nothing: when it is what failed (and nothing was changed before it), say so.
  const isRead = (e: ServiceError): boolean => e.method === 'GET' && !options.afterChange
  const checkFirst = `its state with ${commands(checkCommands(err), options.prefix)} before trying again`
  if (err.kind === 'auth' || err.kind === 'forbidden') {
    // The service's own sentence first: it knows what its refusals mean for what was asked.
    const { kind, status, code, method, path, apiMessage } = err
    const own = hints.explainRefusal?.({ kind, status, code, method, path, apiMessage })
    if (own) return options.afterChange ? own.replace(NOTHING_CHANGED, '') : own
  }
  const unchanged = options.afterChange ? '' : ' Nothing was changed.'
  switch (err.kind) {
    case 'auth':
      return `${s} rejected the API key (401)${reason(err)}. Check ${hints.keyVariable}: it may be wrong, revoked, or its integration disabled.${unchanged}`
    case 'forbidden':
      return `${s} refused (${err.status}): this key is not allowed to do that${reason(err)}.${unchanged}`
    case 'not_found':
      return `${s} could not find it (404)${reason(err)}. Check the name or id, and the configured page or account.`
    case 'invalid':
      return `${s} refused the request (${err.status})${reason(err)}.${unchanged}`
    case 'rate_limited': {
      const seconds = err.retryAfterMs === undefined ? undefined : err.retryAfterMs / 1000
      // Asked to wait longer than the bot waits: nothing was retried, so say what the service asked.
      if (err.attempts <= 1 && seconds !== undefined && seconds >= 1) {
        return `${s} is rate limiting us (${err.status}) and asked us to wait ${seconds} s. ` +
          `Try again after ${clockTime(options.now + seconds * 1000)}.`
      }
      const after = seconds === undefined ? 'in a minute' : seconds < 1 ? 'in a moment' : `in ${seconds} s`
      const tried = err.attempts > 1 ? ' and the retries ran out' : ''
      return `${s} is rate limiting us (${err.status})${tried}. Try again ${after}.`
    }
    case 'unavailable':
      if (isRead(err)) return `${s} is having trouble (${err.status}): could not read from it. Nothing was changed: try again in a minute, or use ${hints.web}.`
      return `${s} is having trouble (${err.status}) and did not confirm the request. Check ${checkFirst}, or use ${hints.web}.`
    case 'timeout':
      if (isRead(err)) return `${s} did not answer in time. Nothing was changed: try again in a minute, or use ${hints.web}.`
      return `${s} did not answer in time. The request may or may not have been carried out: check ${checkFirst}.`
    case 'network': {
      const why = err instanceof NetworkError && err.reason ? err.reason : 'connection failed'
      if (err.mayHaveHappened) return `The connection to ${s} failed (${why}) after the request was sent: it may or may not have been carried out. Check ${checkFirst}.`
      return `Could not reach ${s} (${why}). Check the bot's network and the API URL setting, then try again.`
    }
    case 'bad_response':
      if (isRead(err)) return `${s} ${unreadable(err)}. Nothing was changed: try again in a minute, or use ${hints.web}.`
      // A read after a change: the read did nothing, what came before it did.
      if (err.method === 'GET') return `${s} ${unreadable(err)}. Check ${checkFirst}, or use ${hints.web}.`
      return `${s} ${unreadable(err)}, so the request may or may not have been carried out. Check ${checkFirst}, or use ${hints.web}.`
    default:
      return `${s} answered ${err.status ?? 'with an error'}${reason(err)}.`
  }
}
