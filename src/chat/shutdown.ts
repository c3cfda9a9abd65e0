// Stopping without losing anything: on SIGTERM/SIGINT and on Hubot's own shutdown, webhook events
// held in their coalescing window are posted, commands still running get their answer (or, past a
// bounded wait, an honest one saying what may have happened), and then Hubot's shutdown saves the
// brain (its close() emits 'save', which hubot-redis-brain writes to Redis before it disconnects).
//
// What each Hubot does by itself (read from hubot 3.5.0 and 14.1.0): neither listens for SIGTERM or
// SIGINT, so Node's default ends the process at once, with no save (the brain saves every 5 s);
// robot.shutdown() closes the adapter, the HTTP server and the brain, synchronously.
// So the package listens for both signals (one listener per process, for every robot in it),
// and after its own work ends the process by the same signal, unless another listener for that
// signal is there to do it. Hubot's own shutdown is wrapped: what is held is posted before the
// adapter closes.

import type { Clock } from '../util/clock'
import type { HubotRobot } from './hubot'

/** How long a stopping bot waits for commands and posts to finish. */
export const SHUTDOWN_WAIT_MS = 5000

export interface Shutdown {
  /** True once the bot has started stopping. */
  readonly stopping: boolean
  /** Runs first when the bot stops (the webhooks post what they hold). */
  onStop(fn: () => void): void
  /** Work to finish before stopping; `abandon` answers for it if it has not finished in time. */
  track(work: Promise<unknown>, abandon?: () => Promise<void>): void
  /** Stops (once): runs the onStop functions, waits for the tracked work, at most `waitMs`. */
  stop(): Promise<void>
  /** The clock the bot waits on (the last moment before exit waits on it too). */
  readonly clock: Clock
}

/** After the brain's save on a signal: a moment for hubot-redis-brain's last write to reach Redis. */
const BRAIN_WRITE_GRACE_MS = 300

export function createShutdown (clock: Clock, waitMs = SHUTDOWN_WAIT_MS): Shutdown {
  const first: Array<() => void> = []
  const tracked = new Map<Promise<unknown>, (() => Promise<void>) | undefined>()
  let stopped: Promise<void> | undefined
  const settle = async (): Promise<void> => {
    const all = Promise.allSettled([...tracked.keys()])
    let timer: unknown
    const late = new Promise<void>(resolve => { timer = clock.setTimeout(resolve, waitMs) })
    await Promise.race([all, late])
    clock.clearTimeout(timer)
    await Promise.allSettled([...tracked.values()].map(abandon => abandon?.()))
  }
  return {
    clock,
    get stopping () { return stopped !== undefined },
    onStop: (fn) => { first.push(fn) },
    track: (work, abandon) => {
      tracked.set(work, abandon)
      const done = (): void => { tracked.delete(work) }
      work.then(done, done)
    },
    stop: () => {
      if (stopped) return stopped
      // Synchronously first: Hubot's own shutdown closes the adapter right after.
      for (const fn of first) {
        try { fn() } catch { /* one failing step does not stop the others */ }
      }
      stopped = settle()
      return stopped
    }
  }
}

interface StoppableRobot extends HubotRobot {
  shutdown?: () => unknown
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const
const live = new Set<{ robot: StoppableRobot, shutdown: Shutdown }>()
let listening = false
let signalled = false

/** Stops this robot gracefully on SIGTERM/SIGINT and before Hubot's own shutdown. Once per robot. */
export function stopGracefully (robot: StoppableRobot, shutdown: Shutdown): void {
  const original = robot.shutdown
  if (typeof original !== 'function') return
  const entry = { robot, shutdown }
  robot.shutdown = function (this: unknown) {
    live.delete(entry)
    void shutdown.stop()
    return original.call(robot)
  }
  live.add(entry)
  if (!listening) {
    listening = true
    for (const signal of SIGNALS) process.on(signal, onSignal)
  }
}

function onSignal (signal: NodeJS.Signals): void {
  if (signalled) { exitBy(signal); return } // a second signal: stop at once
  signalled = true
  const robots = [...live]
  const clock = robots[0]?.shutdown.clock
  void Promise.allSettled(robots.map(async ({ robot, shutdown }) => {
    robot.logger.info(`hubot-statuspage-opsgenie: ${signal}: posting held webhook events, finishing commands, saving the brain`)
    await shutdown.stop()
    robot.shutdown?.()
  })).then(async () => {
    // hubot-redis-brain's last write is on its way: a moment for it to reach Redis.
    if (clock) await clock.sleep(BRAIN_WRITE_GRACE_MS)
    exitBy(signal)
  })
}

function exitBy (signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return // another listener decides when to exit
  for (const s of SIGNALS) process.removeListener(s, onSignal)
  listening = false
  process.kill(process.pid, signal)
}
