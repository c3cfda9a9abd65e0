// Runs the stand-in on its own thread (in this process, its own event loop), so the robot's work
// and the stand-in's never wait on each other: at 10 ms a call, a shared loop would add its own
// delay to every call and measure the machine instead of the schedule.

import { parentPort, Worker } from 'node:worker_threads'
import type { CallRecord, StandInSettings } from './stand-in'

type Request = { op: 'start' } | { op: 'reset', settings: Partial<StandInSettings> } | { op: 'calls' } | { op: 'clear' } | { op: 'stop' }

if (parentPort) {
  const port = parentPort
  // Loaded inside the worker only.

  const { StandIn } = require('./stand-in') as typeof import('./stand-in')
  const standIn = new StandIn()
  port.on('message', async (message: { id: number, request: Request }) => {
    const { id, request } = message
    let value: unknown
    switch (request.op) {
      case 'start': await standIn.start(); value = standIn.url; break
      case 'reset': standIn.reset(request.settings); break
      case 'calls': value = standIn.calls; break
      case 'clear': standIn.calls = []; break
      case 'stop': await standIn.stop(); break
    }
    port.postMessage({ id, value })
  })
}

/** The stand-in, on a worker thread. */
export class StandInThread {
  // A worker does not inherit tsx's loader: register it there first, then load this file.
  private readonly worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(__filename)})`, { eval: true })
  private serial = 0
  url = ''

  private ask<T> (request: Request): Promise<T> {
    const id = ++this.serial
    return new Promise<T>(resolve => {
      const listener = (message: { id: number, value: T }): void => {
        if (message.id !== id) return
        this.worker.off('message', listener)
        resolve(message.value)
      }
      this.worker.on('message', listener)
      this.worker.postMessage({ id, request })
    })
  }

  async start (): Promise<void> { this.url = await this.ask<string>({ op: 'start' }) }
  reset (settings: Partial<StandInSettings>): Promise<void> { return this.ask({ op: 'reset', settings }) }
  calls (): Promise<CallRecord[]> { return this.ask({ op: 'calls' }) }
  clear (): Promise<void> { return this.ask({ op: 'clear' }) }
  async stop (): Promise<void> {
    await this.ask({ op: 'stop' })
    await this.worker.terminate()
  }
}
