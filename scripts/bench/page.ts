// genie page in npm run bench: the calls and round trips of one page, against the bench stand-in,
// through a Hubot 3.5 robot on real time (the stand-in processes the create on real timers). The
// floor of the create itself is one create and one request-status poll once it is processed; the
// name check (teams, escalations, schedules, read at once: one round trip) and the read of the new
// alert for its #tinyId are shown apart.

import { systemClock } from '../../src/util/clock'
import { startBot } from '../../test/support/bots'
import { roundTrips, type CallRecord } from './stand-in'
import type { StandInThread } from './worker'

const count = (calls: readonly CallRecord[], kind: string): number => calls.filter(c => c.kind === kind).length

export async function benchPage (standIn: StandInThread): Promise<boolean> {
  const bot = await startBot('3.5', { alias: '/', clock: systemClock, handleTimeoutMs: 60_000 })
  let ok = true
  try {
    console.log('\ngenie page (one create with its responder), latency 50 ms: calls and round trips\n')
    console.log('processing  name lists  create  status (pending)  alert read  calls  round trips  reply')
    for (const processingMs of [0, 100, 500]) {
      await standIn.reset({ latencyMs: 50, processingMs, alerts: 0 })
      const replies = await bot.say('/genie page Platform P1: bench page')
      const calls = await standIn.calls()
      const reply = replies.at(-1) ?? ''
      const creates = count(calls, 'create')
      const polls = count(calls, 'status')
      const miss = creates !== 1 || polls !== 1 || !reply.startsWith('Paged ')
      if (miss) ok = false
      console.log(`${String(processingMs).padStart(8)}ms ${String(count(calls, 'names')).padStart(11)} ${String(creates).padStart(7)} ` +
        `${String(polls).padStart(7)} (${count(calls, 'status-pending')})${' '.repeat(8)}${String(count(calls, 'get')).padStart(10)} ` +
        `${String(calls.length).padStart(6)} ${String(roundTrips(calls)).padStart(12)}  ${reply.slice(0, 60)}${miss ? '  MISSED' : ''}`)
    }
    console.log('target: exactly one create and one status poll after processing (the floor); polls while queued are counted apart')
  } finally {
    await bot.stop()
  }
  return ok
}
