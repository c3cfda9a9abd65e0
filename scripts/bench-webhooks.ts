// npm run bench (second part): 10,000 OpsGenie webhook deliveries POSTed to a real Hubot 14 robot's
// own HTTP server on 127.0.0.1 (the same code path as production), coalescing on at its default
// window. Prints how many events a second the endpoint accepted, how many room messages they
// became (each accounting for its events), and the bot's heap before and after.
// A benchmark, not a test: it exits 1 only when an event went missing or a message was not bounded.
// Run with --expose-gc (npm run bench does) so the heap figures are after a full collection.

import http from 'node:http'
import { startBot } from '../test/support/bots'
import { systemClock } from '../src/util/clock'

const EVENTS = 10_000
const CONCURRENCY = 50
const SECRET = 'bench-webhook-secret-0123456789'

process.env.HUBOT_LOG_LEVEL ??= 'error'
Object.assign(process.env, { HUBOT_OPSGENIE_WEBHOOK_SECRET: SECRET, HUBOT_OPSGENIE_ROOM: 'ops' })

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY })

function body (n: number): string {
  // A flapping monitor: mostly new alerts on a few messages, some acknowledgements and closes.
  const action = n % 10 === 8 ? 'Acknowledge' : n % 10 === 9 ? 'Close' : 'Create'
  return JSON.stringify({
    action,
    alert: {
      alertId: `bench-${n}`,
      tinyId: String(1000 + n),
      message: `disk usage ${90 + (n % 7)}% on build-${n % 13}`,
      tags: ['disk'],
      teams: ['builds'],
      priority: 'P3',
      username: 'ana@example.com',
      updatedAt: 1_764_000_000_000_000_000 + n * 1000
    },
    source: { name: 'bench', type: 'API' },
    integrationName: 'bench'
  })
}

function send (port: number, payload: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/hubot/opsgenie',
      agent,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload), 'X-Hubot-Secret': SECRET }
    }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode ?? 0)) })
    req.on('error', reject)
    req.end(payload)
  })
}

const heapMb = (): number => {
  (globalThis as { gc?: () => void }).gc?.()
  return process.memoryUsage().heapUsed / 1024 / 1024
}

/** The events one room message accounts for (its header, or 1 for a single-event line). */
const accounted = (text: string): number => Number(/^(\d+) events? since the last message:/.exec(text)?.[1] ?? 1)

async function main (): Promise<void> {
  // The real clock: the coalescing windows are part of what is measured.
  const bot = await startBot('14', { http: true, clock: systemClock })
  try {
    const port = Number(new URL(bot.url!).port)
    const before = heapMb()
    const started = process.hrtime.bigint()
    let next = 0
    let accepted = 0
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < EVENTS) {
        const status = await send(port, body(next++))
        if (status === 202) accepted++
      }
    }))
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    const held = heapMb()
    // The last window's summary follows within HUBOT_WEBHOOK_COALESCE_MS (default 5 s).
    const deadline = Date.now() + 10_000
    const total = (): number => bot.posts.reduce((n, p) => n + accounted(p.text), 0)
    while (total() < EVENTS && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 100))
    const after = heapMb()
    const longest = Math.max(...bot.posts.map(p => p.text.length))
    const gc = (globalThis as { gc?: unknown }).gc ? 'after a full GC' : 'no --expose-gc: without a forced GC'
    console.log(`\n${EVENTS} OpsGenie webhook events POSTed to Hubot 14's HTTP server on 127.0.0.1, ${CONCURRENCY} at a time, coalescing on (5 s window)`)
    console.log(`accepted: ${accepted}/${EVENTS} (202) in ${seconds.toFixed(2)} s = ${Math.round(accepted / seconds)} events/s`)
    console.log(`room messages: ${bot.posts.length}, accounting for ${total()} events; longest message ${longest} characters`)
    console.log(`heap (${gc}): ${before.toFixed(1)} MB before, ${held.toFixed(1)} MB with the events held, ${after.toFixed(1)} MB after 10,000 events`)
    process.exitCode = accepted === EVENTS && total() === EVENTS && longest < 4000 ? 0 : 1
  } finally {
    agent.destroy()
    await bot.stop()
  }
}

main().catch(err => { console.error(err); process.exitCode = 1 })
