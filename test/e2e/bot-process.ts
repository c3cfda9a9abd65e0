// A Hubot bot running as its own process (its bin, from its own node_modules), driven through the
// loopback adapter. Waits are bounded; stop() kills the whole process group and is safe to repeat.

import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { cleanEnv, type BotFolder } from './install'

export interface SayResult { replies: string[], handled: { id: string, failed: boolean, room: string } | null }

export interface BotProcess {
  url: string
  /** Everything the process printed (for failure messages). */
  output(): string
  say(text: string, user?: string, options?: { email?: string, timeoutMs?: number }): Promise<SayResult>
  stop(): Promise<void>
  /** SIGTERM to the bot's process group and waits (at most `timeoutMs`) for it to exit by itself: how it ended. */
  terminate(timeoutMs?: number): Promise<string>
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

export interface StartBotOptions {
  env: Record<string, string>
  /** Listener id prefixes that must be registered before the bot counts as ready. */
  expectListeners: string[]
  readyTimeoutMs?: number
  /** The bin's arguments instead of the default (loopback adapter, name hubot, no HTTP server). */
  args?: string[]
}

export async function startBotProcess (bot: BotFolder, options: StartBotOptions): Promise<BotProcess> {
  const bin = path.join(bot.dir, 'node_modules', '.bin')
  // The same command line a user's bin/hubot would run; Hubot 3.5 loads adapters as hubot-<name>,
  // Hubot 14 loads one by path.
  const args = options.args ?? (bot.kind === '14'
    ? ['--file', './loopback-adapter.mjs', '--name', 'hubot', '--disable-httpd']
    : ['--adapter', 'loopback', '--name', 'hubot', '--disable-httpd'])
  const env = cleanEnv({
    ...options.env,
    PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
    HUBOT_ALIAS: '/',
    HUBOT_LOG_LEVEL: 'warn',
    LOOPBACK_EXIT_WITH_STDIN: '1'
  })
  // detached: its own process group, so stop() also ends anything it started.
  const child: ChildProcess = spawn(path.join(bin, 'hubot'), args, { cwd: bot.dir, env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] })
  let output = ''
  let exited: string | undefined
  child.stdout?.on('data', (d: Buffer) => { output += d.toString() })
  child.stderr?.on('data', (d: Buffer) => { output += d.toString() })
  const exit = new Promise<string>(resolve => {
    child.on('exit', (code, signal) => { exited = `exited with ${signal ?? code}`; resolve(exited) })
  })
  child.on('error', (err) => { exited = `could not start: ${err.message}` })

  const stop = async (): Promise<void> => {
    if (exited || child.pid === undefined) return
    try { process.kill(-child.pid, 'SIGTERM') } catch { return }
    // eslint-disable-next-line no-unmodified-loop-condition -- set by the child's exit handler while we sleep
    for (let i = 0; i < 30 && !exited; i++) await sleep(100)
    if (!exited) { try { process.kill(-child.pid, 'SIGKILL') } catch { /* gone */ } }
  }

  try {
    const url = await waitFor(async () => {
      if (exited) throw new Error(`Hubot ${bot.kind} ${exited} before it was ready`)
      return /LOOPBACK_READY (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1]
    }, options.readyTimeoutMs ?? 30_000, 'the loopback adapter to listen')
    await waitFor(async () => {
      if (exited) throw new Error(`Hubot ${bot.kind} ${exited}`)
      const ready = await (await fetch(`${url}/ready`)).json() as { listeners: string[] }
      return options.expectListeners.every(prefix => ready.listeners.some(id => id.startsWith(prefix))) || undefined
    }, options.readyTimeoutMs ?? 30_000, `listeners ${options.expectListeners.join(', ')}`)

    return {
      url,
      output: () => output,
      say: async (text, user = 'alice', opts = {}) => {
        if (exited) throw new Error(`Hubot ${bot.kind} ${exited}:\n${output}`)
        const response = await fetch(`${url}/say`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ text, user, room: 'ops', email: opts.email, timeoutMs: opts.timeoutMs ?? 20_000 })
        })
        if (!response.ok) throw new Error(`loopback adapter answered ${response.status}: ${await response.text()}`)
        return await response.json() as SayResult
      },
      stop,
      terminate: async (timeoutMs = 10_000) => {
        if (exited || child.pid === undefined) return exited ?? 'not started'
        process.kill(-child.pid, 'SIGTERM') // the bot's process group: its bin may be a wrapper
        const late = sleep(timeoutMs).then(() => 'still running')
        const how = await Promise.race([exit, late])
        if (how === 'still running') await stop()
        return how
      }
    }
  } catch (err) {
    await stop()
    const message = err instanceof Error ? err.message : String(err)
    throw new Error(`${message}\n--- Hubot ${bot.kind} output ---\n${output}`)
  }
}

async function waitFor<T> (probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    let value: T | undefined
    try {
      value = await probe()
    } catch (err) {
      if (err instanceof TypeError) value = undefined // fetch: not listening yet
      else throw err
    }
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await sleep(100)
  }
}
