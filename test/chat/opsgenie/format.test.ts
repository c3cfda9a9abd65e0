import { expect } from 'chai'
import {
  formatBulk, formatCloseAllPrompt, formatOnCall, formatStatus, shortReason, VERBS, type VerbWords
} from '../../../src/chat/opsgenie/format'
import { NotFoundError, RateLimitError, TimeoutError } from '../../../src/http/errors'
import { OPSGENIE } from '../../../src/alerting/opsgenie'
import type { Alert } from '../../../src/alerting/types'

const NOW = Date.parse('2026-11-24T12:00:00Z')
const mk = (tinyId: number, minutesAgo: number, extra: Partial<Alert> = {}): Alert => ({
  id: `id-${tinyId}`,
  tinyId: String(tinyId),
  message: `M${tinyId}`,
  status: 'open',
  acknowledged: false,
  priority: 'P2',
  count: 1,
  createdAt: new Date(NOW - minutesAgo * 60_000).toISOString(),
  ...extra
})

describe('formatStatus', () => {
  it('counts open, acknowledged and not, and lists alerts newest first', () => {
    const text = formatStatus('OpsGenie', [mk(1, 90), mk(2, 5, { acknowledged: true, acknowledgedBy: 'neo', count: 3 })], NOW)
    expect(text).to.equal('OpsGenie: 2 open alerts, 1 acknowledged, 1 not.\n#2 P2 M2 (acked by neo, 5m old, 3×)\n#1 P2 M1 (NOT acked, 1h 30m old, 1×)')
  })

  it('ends a list longer than the limit with +N more', () => {
    const text = formatStatus('OpsGenie', Array.from({ length: 20 }, (_, i) => mk(i, i)), NOW, 15)
    expect(text.split('\n')).to.have.length(17)
    expect(text.split('\n').at(-1)).to.equal('+5 more')
  })

  it('says when nothing is open', () => {
    expect(formatStatus('OpsGenie', [], NOW)).to.equal('OpsGenie: no open alerts.')
  })
})

const words = (verb: VerbWords, confirmTimeoutMs: number, unknown: string[] = []) =>
  ({ service: 'OpsGenie', words: verb, unknown, confirmTimeoutMs })

describe('formatBulk', () => {
  const t = (n: number) => ({ alertId: `id-${n}`, label: `#${n}` })
  it('lists confirmed, failed, unconfirmed and unknown apart, and calls only the confirmed ones done', () => {
    const text = formatBulk([
      { target: t(12), outcome: { state: 'confirmed' } },
      { target: t(13), outcome: { state: 'confirmed' } },
      { target: t(14), outcome: { state: 'failed', reason: 'Alert does not exist' } },
      { target: t(15), outcome: { state: 'unconfirmed', reason: 'timeout' } }
    ], words(VERBS.acknowledge, 15_000, ['99']))
    expect(text).to.equal([
      'Acknowledged 2 of 4 alerts (confirmed by OpsGenie): #12, #13.',
      'Failed: #14 — Alert does not exist.',
      'Not confirmed: #15 — OpsGenie had not processed it after 15s; it may still happen, check before retrying.',
      'Unknown: #99 (no such alert).'
    ].join('\n'))
  })

  it('starts with "Nothing was confirmed as ..." when nothing was confirmed (it may still have happened)', () => {
    const text = formatBulk([{ target: t(1), outcome: { state: 'unconfirmed', reason: 'timeout' } }], words(VERBS.close, 1000))
    expect(text.split('\n')[0]).to.equal('Nothing was confirmed as closed.')
    expect(text).not.to.match(/^Closed/m)
  })
})

describe('shortReason', () => {
  const info = { service: OPSGENIE, method: 'POST', path: '/v2/alerts/x/acknowledge' }
  it('uses OpsGenie\'s own words and says when an outcome is unknown', () => {
    expect(shortReason({ state: 'failed', error: new NotFoundError({ ...info, status: 404, apiMessage: 'Alert does not exist' }, 'x') }, 'OpsGenie', 1)).to.equal('not found: Alert does not exist')
    const retried = Object.assign(new RateLimitError({ ...info, status: 429 }, 'x'), { attempts: 3 })
    expect(shortReason({ state: 'failed', error: retried }, 'OpsGenie', 1)).to.equal('rate limited, retries ran out')
    const notRetried = new RateLimitError({ ...info, status: 429, retryAfterMs: 60_000 }, 'x')
    expect(shortReason({ state: 'failed', error: notRetried }, 'OpsGenie', 1)).to.equal('rate limited, asked to wait 60 s')
    expect(shortReason({ state: 'unconfirmed', reason: 'error', error: new TimeoutError(info, 'x') }, 'OpsGenie', 1)).to.equal('no answer in time; it may or may not have happened, check with genie before retrying')
  })
})

describe('formatOnCall', () => {
  const s = (name: string) => ({ id: name, name, enabled: true })
  it('lists each schedule with its people, and nobody where there is nobody', () => {
    expect(formatOnCall([{ schedule: s('A'), recipients: ['x@y.z'] }, { schedule: s('B'), recipients: [] }])).to.equal('On call now:\nA: x@y.z\nB: nobody')
  })
  it('says nobody is on call for the schedule asked about', () => {
    expect(formatOnCall([{ schedule: s('A'), recipients: [] }], 'a')).to.equal('Nobody is on call for A right now.')
  })
})

describe('formatCloseAllPrompt', () => {
  it('names one alert in the singular, with the code and how long it waits', () => {
    expect(formatCloseAllPrompt(['#7'], { code: 'K7Q2', prefix: '/', ttlMs: 60_000 }))
      .to.equal('This would close 1 open alert: #7. To do it, say: /genie confirm K7Q2 (you, in this room, within 1m). Anything else and nothing is closed.')
  })

  it('shows the first fifteen and counts the rest as "+N more"', () => {
    const labels = Array.from({ length: 17 }, (_, i) => `#${i + 1}`)
    expect(formatCloseAllPrompt(labels, { code: 'ABCD', prefix: 'hubot ', ttlMs: 60_000 }))
      .to.equal(`This would close 17 open alerts: ${labels.slice(0, 15).join(', ')} +2 more. To do it, say: hubot genie confirm ABCD (you, in this room, within 1m). Anything else and nothing is closed.`)
  })
})

describe('bulk replies that read at a glance', () => {
  const t = (n: number) => ({ alertId: `id-${n}`, label: `#${n}` })
  const confirmed = { state: 'confirmed' as const }

  it('puts the count first: 151 acknowledged, all confirmed, as ranges', () => {
    const ids = [...Array.from({ length: 150 }, (_, i) => 197 - i), 201]
    const text = formatBulk(ids.map(n => ({ target: t(n), outcome: confirmed })), words(VERBS.acknowledge, 15_000))
    expect(text).to.equal('Acknowledged 151 alerts, all confirmed by OpsGenie: #48–#197, #201.')
  })

  it('lists failures and unconfirmed ones individually, grouped by reason, and bounded', () => {
    const items = [
      ...Array.from({ length: 5 }, (_, i) => ({ target: t(i + 1), outcome: confirmed })),
      { target: t(6), outcome: { state: 'failed' as const, reason: 'Alert does not exist' } },
      { target: t(7), outcome: { state: 'failed' as const, reason: 'Alert does not exist' } },
      ...Array.from({ length: 8 }, (_, i) => ({ target: t(20 + i), outcome: { state: 'failed' as const, reason: `reason ${i}` } })),
      { target: t(9), outcome: { state: 'unconfirmed' as const, reason: 'deadline' as const } }
    ]
    const lines = formatBulk(items, words(VERBS.close, 15_000)).split('\n')
    expect(lines[0]).to.equal('Closed 5 of 16 alerts (confirmed by OpsGenie): #1–#5.')
    expect(lines[1]).to.equal('Failed (10): #6, #7 — Alert does not exist; #20 — reason 0; #21 — reason 1; #22 — reason 2; #23 — reason 3; +4 more for other reasons.')
    expect(lines[2]).to.equal('Not confirmed: #9 — the command ran out of time before OpsGenie confirmed it; it may still happen, check with genie before retrying.')
  })

  it('counts an alert listed twice once', () => {
    const twice = [{ target: t(4), outcome: confirmed }, { target: t(4), outcome: confirmed }]
    const text = formatBulk(twice, words(VERBS.acknowledge, 15_000))
    expect(text).to.equal('Acknowledged 1 alert, confirmed by OpsGenie: #4.')
  })
})
