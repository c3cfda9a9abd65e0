// `status log [<n>]` and `genie log [<n>]`. Only `log` alone or followed by a number is this command,
// so a component whose name starts with "log" (`status Log Shipping down`) is still a component.

import { DEFAULT_LOG_COUNT, MAX_LOG_COUNT } from './format'

export interface LogCommand { kind: 'log', count: number }

/** `rest` is what follows `status` or `genie`; undefined when it is not a log request. */
export function parseLogRequest (rest: string | undefined): LogCommand | undefined {
  const m = /^\s*log(?:\s+(\d{1,6}))?\s*$/i.exec(rest ?? '')
  if (!m) return undefined
  const count = m[1] === undefined ? DEFAULT_LOG_COUNT : Number(m[1])
  return { kind: 'log', count: Math.min(Math.max(count, 1), MAX_LOG_COUNT) }
}
