// A tiny fetch wrapper for talking to the stand-ins in tests, and the net-connect switch they need
// (test/support/setup.ts blocks all network; these suites open loopback only).
import nock from 'nock'

export interface Answer { status: number, headers: Headers, body: any }

export async function call (
  base: string, method: string, path: string, options: { auth?: string, body?: unknown } = {}
): Promise<Answer> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(options.auth ? { Authorization: options.auth } : {}), 'Content-Type': 'application/json' },
    body: options.body === undefined ? undefined : JSON.stringify(options.body)
  })
  const text = await res.text()
  let body: unknown = text
  try { body = text ? JSON.parse(text) : undefined } catch { /* keep the text (the html fault) */ }
  return { status: res.status, headers: res.headers, body }
}

/** Allows loopback connections for the current suite and blocks them again after it. */
export function allowLoopback (): void {
  before(() => { nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/) })
  after(() => { nock.disableNetConnect() })
}

export const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))
