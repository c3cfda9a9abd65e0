// A Hubot bot running as its own process with a real chat adapter (no loopback): started with the
// same command line a user would type, e.g. `hubot -a hubot-once-campfire`. Ready once the
// fixture script e2e-ready.js printed `E2E_SCRIPTS_READY <port>` (the listeners are registered).
// stop() kills the whole process group and is safe to repeat.

import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { cleanEnv, type BotFolder } from './install'

export interface AdapterBot {
  /** The port Hubot's web server listens on. */
  port: number
  output(): string
  stop(): Promise<void>
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

export interface AdapterBotOptions {
  args: string[]
  env: Record<string, string>
  /** Listener id prefixes that must be registered before the bot counts as ready. */
  expectListeners: string[]
  readyTimeoutMs?: number
}

function spawnBot (bot: BotFolder, options: Pick<AdapterBotOptions, 'args' | 'env'> & { expectListeners?: string[] }): { child: ChildProcess, output: () => string, exited: () => string | undefined, code: () => number | null } {
  const bin = path.join(bot.dir, 'node_modules', '.bin')
  const env = cleanEnv({
    ...options.env,
    PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
    E2E_EXPECT_LISTENERS: (options.expectListeners ?? []).join(',')
  })
  // detached: its own process group, so stop() also ends anything it started.
  const child = spawn(path.join(bin, 'hubot'), options.args, { cwd: bot.dir, env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] })
  let output = ''
  let exited: string | undefined
  let code: number | null = null
  child.stdout?.on('data', (d: Buffer) => { output += d.toString() })
  child.stderr?.on('data', (d: Buffer) => { output += d.toString() })
  child.on('exit', (c, signal) => { code = c; exited = `exited with ${signal ?? c}` })
  child.on('error', (err) => { exited = `could not start: ${err.message}` })
  return { child, output: () => output, exited: () => exited, code: () => code }
}

export async function startAdapterBot (bot: BotFolder, options: AdapterBotOptions): Promise<AdapterBot> {
  const { child, output, exited } = spawnBot(bot, options)
  const stop = async (): Promise<void> => {
    if (exited() || child.pid === undefined) return
    try { process.kill(-child.pid, 'SIGTERM') } catch { return }
    for (let i = 0; i < 30 && !exited(); i++) await sleep(100)
    if (!exited()) { try { process.kill(-child.pid, 'SIGKILL') } catch { /* gone */ } }
  }
  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000)
  for (;;) {
    const port = /E2E_SCRIPTS_READY (\d+)/.exec(output())?.[1]
    if (port) return { port: Number(port), output, stop }
    if (exited() || Date.now() > deadline) {
      await stop()
      throw new Error(`Hubot ${exited() ?? 'was not ready in time'}\n--- output ---\n${output()}`)
    }
    await sleep(50)
  }
}

/** Runs a bot that is expected to stop by itself (a refused setting); resolves with its exit code and output. */
export async function runUntilExit (bot: BotFolder, options: Pick<AdapterBotOptions, 'args' | 'env'>, timeoutMs = 20_000): Promise<{ code: number | null, output: string }> {
  const { child, output, exited, code } = spawnBot(bot, options)
  const deadline = Date.now() + timeoutMs
  while (!exited() && Date.now() < deadline) await sleep(50)
  if (!exited() && child.pid !== undefined) {
    try { process.kill(-child.pid, 'SIGKILL') } catch { /* gone */ }
    throw new Error(`Hubot did not stop by itself within ${timeoutMs} ms\n--- output ---\n${output()}`)
  }
  return { code: code(), output: output() }
}
