// The same action on many alerts, through one scheduler (scheduler.ts): C slots shared by the
// actions and the confirmations, actions first, a request still queued at the backend waiting on a
// timer instead of in a slot. Every item is confirmed on its own; an alert listed twice is acted
// on once.

import type { ConfirmOptions } from './actions'
import { runScheduled, type BulkItem, type BulkJob, type PollPacing } from './scheduler'

export type { BulkItem, BulkJob, Target } from './scheduler'

export interface BulkOptions {
  concurrency: number
  confirm: ConfirmOptions
  /** Epoch ms after which nothing more is sent or asked (the command's deadline). */
  deadline?: number
  pacing?: Partial<PollPacing>
}

export async function runBulk (job: BulkJob, options: BulkOptions): Promise<BulkItem[]> {
  return await runScheduled(job, {
    concurrency: options.concurrency,
    confirmTimeoutMs: options.confirm.timeoutMs,
    deadline: options.deadline,
    clock: options.confirm.clock,
    pacing: options.pacing
  })
}
