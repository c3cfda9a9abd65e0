// Never a second action on one alert: when two people type `genie ack` at once (or confirm two
// close-alls), the second command does not send what the first is already sending. Every action a
// command sends on an alert is claimed here first, per backend, action and alert; a command that
// finds a claim joins it instead, and reports the first command's result for that alert (who
// started it, and when) once it is known. So a second `genie ack` acts only on what the first does
// not cover, and both replies tell the truth about every alert they list.
//
// A claim that finished after a command listed its alerts is joined too: the listing may predate
// that action (the alert still looked unacknowledged), and acting again would be the double action
// this prevents. Finished claims are kept a while for that, then dropped. The lock lives in the
// bot's process: two bot processes on one account do not see each other's claims.

import type { ActionOutcome } from './actions'
import { runBulk, type BulkItem, type BulkJob, type BulkOptions, type Target } from './bulk'

/** The command that holds a claim, as the replies of the commands that join it name it. */
export interface RunInfo {
  /** Who typed it (a chat name). */
  who: string
  /** What it is, in the words of the chat layer (`genie ack`). */
  what: string
  startedAt: number
}

/** An alert another command is acting on (or just did): its result, once that command has it. */
interface Joined {
  target: Target
  run: RunInfo
  outcome: Promise<ActionOutcome>
}

export interface Claim {
  /** The targets this command acts on itself. */
  mine: Target[]
  /** The targets another command covers: never sent again. */
  joined: Joined[]
  /** Publishes this command's outcomes to any command that joined them (call once, always). */
  finish(items: readonly BulkItem[]): void
}

interface Entry {
  run: RunInfo
  outcome: Promise<ActionOutcome>
  settledAt?: number
}

/** How long a finished claim is remembered: longer than a held close-all may wait for its confirmation. */
const KEEP_FINISHED_MS = 65 * 60_000

const STOPPED: ActionOutcome = {
  state: 'unconfirmed', reason: 'error', error: new Error('the command stopped before it had a result')
}

/** What a command claims: `action` on `targets` of the backend called `backend`, for `run`. */
export interface ClaimRequest {
  backend: string
  action: string
  targets: readonly Target[]
  run: RunInfo
  /** When the command read its alerts: a claim finished at or after it is joined, not repeated. */
  listedAt: number
}

export class ActionClaims {
  private readonly entries = new Map<string, Entry>()

  constructor (private readonly now: () => number, private readonly keepMs = KEEP_FINISHED_MS) {}

  /**
   * Claims `action` on each target for `run`, on the backend called `backend`, except where another
   * command holds it or finished it at or after `listedAt` (when this command read its alerts).
   */
  claim (request: ClaimRequest): Claim {
    const { backend, action, targets, run, listedAt } = request
    this.prune()
    const mine: Target[] = []
    const joined: Joined[] = []
    const resolvers = new Map<string, (outcome: ActionOutcome) => void>()
    for (const target of targets) {
      const key = JSON.stringify([backend, action, target.alertId])
      const held = this.entries.get(key)
      if (held && (held.settledAt === undefined || held.settledAt >= listedAt)) {
        joined.push({ target, run: held.run, outcome: held.outcome })
        continue
      }
      const entry: Entry = { run, outcome: new Promise(resolve => resolvers.set(target.alertId, resolve)) }
      void entry.outcome.then(() => { entry.settledAt = this.now() })
      this.entries.set(key, entry)
      mine.push(target)
    }
    let finished = false
    const finish = (items: readonly BulkItem[]): void => {
      if (finished) return
      finished = true
      const byId = new Map(items.map(i => [i.target.alertId, i.outcome]))
      for (const [alertId, resolve] of resolvers) resolve(byId.get(alertId) ?? STOPPED)
    }
    return { mine, joined, finish }
  }

  private prune (): void {
    const before = this.now() - this.keepMs
    for (const [key, entry] of this.entries) {
      if (entry.settledAt !== undefined && entry.settledAt < before) this.entries.delete(key)
    }
  }
}

export interface ClaimedRun {
  /** Every target's outcome, in the targets' order: this command's own and those it joined. */
  items: BulkItem[]
  /** Only this command's own outcomes (a key refused everywhere is judged on these). */
  own: BulkItem[]
  /** The targets another command covered, with that command's outcome and who started it. */
  joined: Array<BulkItem & { run: RunInfo }>
}

/**
 * runBulk on the targets no other command is acting on; the others' outcomes are awaited from the
 * commands that hold them. `run.startedAt` is when this command listed its targets.
 */
export async function runClaimed (
  claims: ActionClaims, job: BulkJob & { run: RunInfo }, options: BulkOptions
): Promise<ClaimedRun> {
  const { backend, targets, action, run } = job
  const claim = claims.claim({ backend: backend.service, action: action.name, targets, run, listedAt: run.startedAt })
  let own: BulkItem[] = []
  try {
    own = await runBulk({ ...job, targets: claim.mine }, options)
  } finally {
    claim.finish(own)
  }
  const joined = await Promise.all(claim.joined.map(async j => ({ ...j, outcome: await j.outcome })))
  const order = new Map(targets.map((t, i) => [t.alertId, i]))
  const position = (item: BulkItem): number => order.get(item.target.alertId) ?? 0
  const items = [...own, ...joined].sort((a, b) => position(a) - position(b))
  return { items, own, joined }
}
