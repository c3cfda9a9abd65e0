// A real Redis for the tests: Debian's redis-server, started on a free loopback port with nothing
// written to disk, and stopped by its pid. `.ci/run` installs the package when it is missing.

import { spawn, type ChildProcess } from 'node:child_process'
import { freePort } from './free-port'

export interface RedisServer {
  url: string
  port: number
  pid: number
  /** Stops it (SIGTERM, then SIGKILL after 2 s) and waits for it to exit. */
  stop(): Promise<void>
}

function waitForReady (child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => { reject(new Error(`redis-server did not start within ${timeoutMs} ms:\n${output}`)) }, timeoutMs)
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (/Ready to accept connections/i.test(output)) { clearTimeout(timer); resolve() }
    })
    child.once('error', err => { clearTimeout(timer); reject(new Error(`redis-server could not start (${err.message}): install it with apt-get install -y redis-server`)) })
    child.once('exit', code => { clearTimeout(timer); reject(new Error(`redis-server exited (${String(code)}):\n${output}`)) })
  })
}

/** A fresh redis-server on 127.0.0.1 (on `port` when given, e.g. to come back on the same one). */
export async function startRedis (port?: number): Promise<RedisServer> {
  const chosen = port ?? await freePort()
  const child = spawn('redis-server', ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  await waitForReady(child, 10_000)
  const exited = new Promise<void>(resolve => { child.once('exit', () => { resolve() }) })
  const pid = child.pid as number
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    pid,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      process.kill(pid, 'SIGTERM')
      const timer = setTimeout(() => { if (child.exitCode === null) process.kill(pid, 'SIGKILL') }, 2000)
      await exited
      clearTimeout(timer)
    }
  }
}
