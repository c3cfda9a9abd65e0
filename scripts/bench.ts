// npm run bench: `genie ack` of 200 open alerts through a real Hubot 3.5 robot with this package
// loaded (the same code path as the chat command), against nock answering every call after 50 ms.
// Runs it one call at a time (HUBOT_OPSGENIE_CONCURRENCY=1) and at the default concurrency (5),
// and prints both wall times, the ratio, the API calls made and how many acks were confirmed.
// A benchmark, not a test: it exits 1 only when the figures miss the target (4x, all confirmed).

import nock from 'nock'
import { startBot } from '../test/support/bots'

const API = 'https://api.opsgenie.com'
const KEY = 'bench-key-0123456789'
const ALERTS = 200
const LATENCY_MS = 50
const TARGET_RATIO = 4

process.env.HUBOT_LOG_LEVEL ??= 'error'
process.env.HUBOT_OPSGENIE_API_KEY = KEY

interface Counts { list: number, act: number, status: number }

function mockOpsGenie (): Counts {
  const counts: Counts = { list: 0, act: 0, status: 0 }
  const acked = new Set<string>()
  const alerts = Array.from({ length: ALERTS }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    tinyId: String(i + 1),
    message: `Bench alert ${i + 1}`,
    status: 'open',
    acknowledged: false,
    count: 1,
    priority: 'P3',
    createdAt: new Date(Date.now() - i * 1000).toISOString()
  }))
  const scope = nock(API, { reqheaders: { authorization: `GenieKey ${KEY}` } })
  scope.get('/v2/alerts').query(true).times(ALERTS).delay(LATENCY_MS).reply(200, (uri: string) => {
    counts.list++
    const offset = Number(new URL(uri, API).searchParams.get('offset') ?? 0)
    const page = alerts.slice(offset, offset + 100)
    return { data: page, paging: offset + 100 < alerts.length ? { next: `${API}/v2/alerts?offset=${offset + 100}&limit=100` } : {}, took: 0.01, requestId: 'list' }
  })
  scope.post(/^\/v2\/alerts\/[^/]+\/acknowledge/).query({ identifierType: 'id' }).times(ALERTS * 2).delay(LATENCY_MS).reply(202, (uri: string) => {
    counts.act++
    const id = uri.split('/')[3]
    acked.add(id)
    return { result: 'Request will be processed', took: 0.01, requestId: `req-${id}` }
  })
  scope.get(/^\/v2\/alerts\/requests\//).times(ALERTS * 2).delay(LATENCY_MS).reply((uri: string) => {
    counts.status++
    const id = uri.split('/').pop()!.replace(/^req-/, '')
    return acked.has(id)
      ? [200, { data: { success: true, isSuccess: true, action: 'Acknowledge', status: 'Acknowledged alert', alertId: id, processedAt: new Date().toISOString() }, took: 0.01, requestId: 'st' }]
      : [404, { message: 'Request not processed', took: 0, requestId: 'st' }, { 'X-Opsgenie-Errortype': 'RequestNotProcessed' }]
  })
  return counts
}

async function run (concurrency: number): Promise<{ ms: number, confirmed: number, counts: Counts, reply: string }> {
  process.env.HUBOT_OPSGENIE_CONCURRENCY = String(concurrency)
  nock.cleanAll()
  const counts = mockOpsGenie()
  const bot = await startBot('3.5', { alias: '/', handleTimeoutMs: 300_000 })
  try {
    const started = process.hrtime.bigint()
    const [reply] = await bot.say('/genie ack')
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    const done = /^Acknowledged \(confirmed by OpsGenie\): (.*)\.$/m.exec(reply)
    const confirmed = done ? done[1].split(', ').length : 0
    return { ms, confirmed, counts, reply }
  } finally {
    await bot.stop()
  }
}

async function main (): Promise<void> {
  nock.disableNetConnect()
  console.log(`genie ack of ${ALERTS} open alerts, every API call answered after ${LATENCY_MS} ms (nock), through a Hubot 3.5 robot\n`)
  const results = []
  for (const concurrency of [1, 5]) {
    const r = await run(concurrency)
    results.push(r)
    const calls = r.counts.list + r.counts.act + r.counts.status
    console.log(`concurrency ${concurrency}: ${(r.ms / 1000).toFixed(2)} s wall, ${calls} API calls (${r.counts.list} list, ${r.counts.act} acknowledge, ${r.counts.status} request status), ${r.confirmed}/${ALERTS} acknowledgements confirmed`)
    if (r.confirmed !== ALERTS) console.log(`  reply: ${r.reply.slice(0, 400)}`)
  }
  const ratio = results[0].ms / results[1].ms
  const allConfirmed = results.every(r => r.confirmed === ALERTS)
  console.log(`\nspeed-up at concurrency 5: ${ratio.toFixed(2)}x (target: at least ${TARGET_RATIO}x)`)
  console.log(allConfirmed ? `all ${ALERTS} acknowledgements confirmed by request status in both runs` : 'NOT every acknowledgement was confirmed')
  process.exitCode = ratio >= TARGET_RATIO && allConfirmed ? 0 : 1
}

main().catch(err => { console.error(err); process.exitCode = 1 })
