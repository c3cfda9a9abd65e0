// A few hand-written checks for response bodies, so a 2xx answer that is JSON but not the shape a
// command relies on becomes one BadResponseError at the client boundary, before anything formats it
// (and before an id from it goes into a request path). Each service lists, per endpoint, exactly the
// fields its commands read (src/statuspage/validate.ts, src/alerting/validate.ts); everything else
// in a body is ignored, so the APIs may add fields freely.

import { BadResponseError, type RequestInfo } from './errors'

/** Returns what is wrong with `value` at `at` (e.g. `data[3].id`), or undefined when it fits. */
export type Check = (value: unknown, at: string) => string | undefined

function describe (value: unknown): string {
  if (value === null || value === undefined) return String(value)
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'string') return value.trim() === '' ? 'empty' : 'text'
  if (typeof value === 'number') return 'a number'
  if (typeof value === 'boolean') return String(value)
  return typeof value === 'object' ? 'an object' : typeof value
}

const is = (kind: string, test: (v: unknown) => boolean): Check =>
  (v, at) => (test(v) ? undefined : `${at} is ${describe(v)}, not ${kind}`)

export const string: Check = is('text', v => typeof v === 'string')
/** An id or a name that goes into a path or a reply: text, not empty. */
export const id: Check = is('a non-empty text', v => typeof v === 'string' && v.trim() !== '')
export const boolean: Check = is('true or false', v => typeof v === 'boolean')
export const number: Check = is('a number', v => typeof v === 'number' && Number.isFinite(v))

export const optional = (check: Check): Check => (v, at) => (v === undefined ? undefined : check(v, at))
export const nullable = (check: Check): Check => (v, at) => (v === null || v === undefined ? undefined : check(v, at))
export const either = (...checks: Check[]): Check => (v, at) => {
  const problems = checks.map(c => c(v, at))
  return problems.some(p => p === undefined) ? undefined : problems[0]
}

export const listOf = (check: Check): Check => (v, at) => {
  if (!Array.isArray(v)) return `${at || 'the answer'} is ${describe(v)}, not a list`
  for (let i = 0; i < v.length; i++) {
    const problem = check(v[i], `${at}[${i}]`)
    if (problem) return problem
  }
  return undefined
}

export const object = (fields: Record<string, Check>): Check => (v, at) => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return `${at || 'the answer'} is ${describe(v)}, not an object`
  const record = v as Record<string, unknown>
  for (const [name, check] of Object.entries(fields)) {
    const problem = check(record[name], at ? `${at}.${name}` : name)
    if (problem) return problem
  }
  return undefined
}

/**
 * The body as `T` when it passes `check`; else a BadResponseError saying which field did not fit.
 * A missing field reads "is undefined", so `{}` is told apart from a body that is not JSON at all.
 */
export function conform<T> (body: unknown, check: Check, info: RequestInfo & { status?: number }): T {
  const problem = check(body, '')
  if (problem === undefined) return body as T
  const err = new BadResponseError(info, `answered JSON of an unexpected shape (${problem})`)
  err.shape = problem
  throw err
}
