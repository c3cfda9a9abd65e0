// Builds what a user would have: the package packed with `npm pack`, then a Hubot bot folder with
// package.json and external-scripts.json, Hubot and the rest installed with npm and the package
// unpacked from that tarball beside them (the README recipes, test/e2e/readme-recipe.ts, run npm
// on the tarball itself). The npm cache (filled by the project's own `npm ci`) makes the installs
// fast and keeps them off the network where it can (--prefer-offline).

import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { PACKAGE_ROOT } from '../support/bots'
import { RUN_DIR } from '../support/run-dir'
import { kept, keyOf, packKey } from './kept'

const run = promisify(execFile)
const FIXTURES = path.join(__dirname, 'fixtures')
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm'

export type BotKind = '14' | '3.5'

/** npm settings worth passing on to a nested npm; everything else npm_* (the outer `npm test`'s own
 * lifecycle variables, e.g. its prefix) is dropped so the bot's install stays in the bot's folder. */
const NPM_KEEP = /^npm_config_(cache|registry|userconfig|globalconfig|proxy|https_proxy|noproxy|strict_ssl|cafile|ca|fetch_.*)$/i

/** The environment for child processes: no npm lifecycle leftovers and no real HUBOT_* settings. */
export function cleanEnv (extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) && !NPM_KEEP.test(key)) continue
    // A developer's real keys must never reach a test bot.
    if (/^HUBOT_|^SANDBOX_/.test(key)) continue
    // c8's coverage switch: what runs in a child (npm, tsc, a bot from the packed tarball's compiled
    // files) is not the source c8 measures, and recording it slows every child down.
    if (key === 'NODE_V8_COVERAGE') continue
    env[key] = value
  }
  return { ...env, ...extra }
}

export interface Packed {
  tarball: string
  files: string[]
  /** The tarball's contents, unpacked (what a user's node_modules gets). */
  contents: string
  seconds: number
  /** Taken from an earlier run's pack of the very same sources (see cachedPack). */
  cached: boolean
}

/** `npm pack` of the package in `root` (its prepare script builds first) into `dir`, then unpacked there. */
async function packPackage (dir: string, root: string): Promise<Packed> {
  const started = Date.now()
  const { stdout } = await run(NPM, ['pack', '--json', '--pack-destination', dir], { cwd: root, env: cleanEnv(), maxBuffer: 16 * 1024 * 1024 })
  const json = JSON.parse(stdout.slice(stdout.indexOf('[')))
  const tarball = path.join(dir, json[0].filename)
  await run('tar', ['-xzf', tarball, '-C', dir])
  return {
    tarball,
    files: json[0].files.map((f: { path: string }) => f.path),
    contents: path.join(dir, 'package'),
    seconds: (Date.now() - started) / 1000,
    cached: false
  }
}

/** The pack of `root`: kept from an earlier run when these very sources were packed (test/e2e/kept.ts). */
async function cachedPack (root: string): Promise<Packed> {
  let packed: Packed | undefined
  const { dir, made } = await kept('pack', packKey(root), async making => {
    packed = await packPackage(making, root)
    fs.writeFileSync(path.join(making, 'packed.json'), JSON.stringify({ filename: path.basename(packed.tarball), files: packed.files }))
  })
  const record = JSON.parse(fs.readFileSync(path.join(dir, 'packed.json'), 'utf8')) as { filename: string, files: string[] }
  return {
    tarball: path.join(dir, record.filename),
    files: record.files,
    contents: path.join(dir, 'package'),
    seconds: made && packed ? packed.seconds : 0,
    cached: !made
  }
}

export interface BotFolder {
  kind: BotKind
  dir: string
  installSeconds: number
  /** Linked from an install an earlier run made for the same Hubot, adapter pack and dependencies. */
  cached?: boolean
}

export interface InstallOptions {
  /** Folder name under `parent` (default bot-14 / bot-35). */
  folder?: string
  /** Files (absolute paths) copied into the bot's scripts/ folder, as a user's own scripts. */
  scripts?: string[]
  /** Install the loopback test adapter (default true). */
  loopback?: boolean
  /** external-scripts.json (default: this package alone). */
  externalScripts?: string[]
}

const HUBOT_DEPS: Record<BotKind, string[]> = { 14: ['hubot@14.1.0'], 3.5: ['hubot@3.5.0', 'coffeescript@2.7.0'] }
/** The hubot-redis-brain each Hubot takes (see README, Development). */
export const REDIS_BRAIN: Record<BotKind, string> = { 14: 'hubot-redis-brain@3.0.1', 3.5: 'hubot-redis-brain@1.0.0' }
export const ADAPTER_ROOT = path.join(PACKAGE_ROOT, 'packages', 'hubot-once-campfire')

/**
 * A bot folder for `kind` with the package from its pack (`packed`): the shared install (Hubot,
 * hubot-once-campfire, hubot-redis-brain, the package's dependencies) linked in (node_modules
 * hard-linked), the packed package's files copied into node_modules as npm would unpack them, and
 * each end-to-end file loading what it needs (external-scripts.json, --adapter).
 */
export async function installBot (
  kind: BotKind, parent: string, packed: Packed, options: InstallOptions = {}
): Promise<BotFolder> {
  const dir = path.join(parent, options.folder ?? `bot-${kind.replace('.', '')}`)
  const install = await sharedInstall(kind, packed)
  fs.mkdirSync(dir, { recursive: true })
  for (const name of fs.readdirSync(install.at)) {
    if (name === '.kept') continue
    if (name === 'node_modules') await run('cp', ['-al', path.join(install.at, name), path.join(dir, name)])
    else fs.cpSync(path.join(install.at, name), path.join(dir, name), { recursive: true })
  }
  // The package, as npm unpacks a tarball: a real copy, never a link into what is kept.
  fs.cpSync(packed.contents, path.join(dir, 'node_modules', manifestOf(packed).name), { recursive: true })
  // The bot's own files, after the install, as a user's would be (never into a linked file).
  fs.writeFileSync(path.join(dir, 'external-scripts.json'), JSON.stringify(options.externalScripts ?? ['hubot-statuspage-opsgenie'], null, 2))
  if (options.scripts?.length) {
    fs.mkdirSync(path.join(dir, 'scripts'), { recursive: true })
    for (const file of options.scripts) fs.copyFileSync(file, path.join(dir, 'scripts', path.basename(file)))
  }
  if (options.loopback !== false) installLoopback(kind, dir)
  return { kind, dir, installSeconds: install.seconds, cached: !install.made }
}

interface Install { at: string, made: boolean, seconds: number }

/** The packed package's package.json, as the tarball has it. */
function manifestOf (packed: Packed): { name: string, dependencies?: Record<string, string> } {
  return JSON.parse(fs.readFileSync(path.join(packed.contents, 'package.json'), 'utf8'))
}

/** `name@range` of each dependency the packed package declares, as npm would install them beside it. */
function dependenciesOf (packed: Packed): string[] {
  return Object.entries(manifestOf(packed).dependencies ?? {}).map(([name, range]) => `${name}@${range}`)
}

/**
 * What every bot of `kind` links: npm's install of Hubot, hubot-once-campfire (its own pack), the
 * hubot-redis-brain that Hubot takes and the dependencies the package declares; once for every
 * process of the run (they all want it at about the same time), and kept for later runs
 * (test/e2e/kept.ts). The package itself goes in beside it (installBot), so a change to src needs no
 * new npm install here: the README recipes are what runs npm on the package's tarball.
 */
async function sharedInstall (kind: BotKind, packed: Packed): Promise<Install> {
  const adapter = await sharedPack(ADAPTER_ROOT)
  const specs = [...HUBOT_DEPS[kind], REDIS_BRAIN[kind], ...dependenciesOf(packed)]
  const key = keyOf([kind, specs, path.basename(adapter.tarball)], [adapter.tarball])
  return await once(`install:${key}`, async () => {
    let seconds = 0
    const { dir: at, made } = await kept('bot', key, async into => { seconds = await npmInstall(kind, into, [adapter.tarball, ...specs]) })
    return { at, made, seconds }
  })
}

/**
 * Packs both packages and makes both Hubots' installs, for the end-to-end files to find ready. Started
 * by the run's main process as the run begins (test/support/setup.ts), while the workers test
 * everything else, so no worker waits idle for tsc or npm; a failure is kept for the files to report.
 */
export async function prepareEndToEnd (): Promise<void> {
  const packed = await sharedPack()
  await Promise.all((['14', '3.5'] as BotKind[]).map(kind => sharedInstall(kind, packed)))
}

/** `npm install` of `specs` (tarballs, `name@range`) into a bot folder `dir` of `kind`; the seconds it took. */
async function npmInstall (kind: BotKind, dir: string, specs: string[]): Promise<number> {
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `e2e-bot-${kind.replace('.', '')}`, version: '1.0.0', private: true }, null, 2))
  const started = Date.now()
  try {
    await run(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...specs], { cwd: dir, env: cleanEnv(), maxBuffer: 16 * 1024 * 1024 })
  } catch (err) {
    const e = err as { stderr?: string, message: string }
    throw new Error(`npm install in ${dir} failed: ${e.stderr || e.message}`)
  }
  return (Date.now() - started) / 1000
}

/** The loopback test adapter, put into a bot folder as a user's own adapter would be. */
export function installLoopback (kind: BotKind, dir: string): void {
  if (kind === '14') {
    for (const file of ['loopback-adapter.mjs', 'loopback-core.cjs']) fs.copyFileSync(path.join(FIXTURES, file), path.join(dir, file))
  } else {
    const target = path.join(dir, 'node_modules', 'hubot-loopback')
    fs.mkdirSync(target, { recursive: true })
    for (const file of ['package.json', 'index.js']) fs.copyFileSync(path.join(FIXTURES, 'hubot-loopback', file), path.join(target, file))
    fs.copyFileSync(path.join(FIXTURES, 'loopback-core.cjs'), path.join(target, 'loopback-core.cjs'))
  }
}

// One pack per package and one install per bot folder for the whole test run, shared by the e2e
// files that need the same thing, even when they run in different mocha workers (--parallel): the
// run's folder comes from the main process (RUN_DIR, set by test/support/setup.ts and removed by
// it at the end), and the first process to want a thing makes it while the others wait for it.
let sharedDir: string | undefined
const shared = new Map<string, Promise<unknown>>()

function sharedWorkdir (): string {
  if (!sharedDir) {
    const given = process.env[RUN_DIR]
    if (given) {
      fs.mkdirSync(given, { recursive: true })
      sharedDir = given
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubot-statuspage-opsgenie-e2e-shared-'))
      sharedDir = dir
      process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }))
    }
  }
  return sharedDir
}

function once<T> (key: string, make: () => Promise<T>): Promise<T> {
  if (!shared.has(key)) shared.set(key, acrossProcesses(key, make))
  return shared.get(key) as Promise<T>
}

/** `make()` once for every process of this run: a lock folder says who makes it, a file holds it. */
async function acrossProcesses<T> (key: string, make: () => Promise<T>): Promise<T> {
  const name = path.join(sharedWorkdir(), createHash('sha256').update(key).digest('hex').slice(0, 16))
  try {
    fs.mkdirSync(`${name}.lock`)
  } catch {
    // Another process is making it: wait for its result (an install takes seconds, not minutes).
    for (;;) {
      if (fs.existsSync(`${name}.json`)) return JSON.parse(fs.readFileSync(`${name}.json`, 'utf8')) as T
      if (fs.existsSync(`${name}.failed`)) throw new Error(fs.readFileSync(`${name}.failed`, 'utf8'))
      await new Promise(resolve => setTimeout(resolve, 100))
    }
  }
  try {
    const value = await make()
    fs.writeFileSync(`${name}.tmp`, JSON.stringify(value))
    fs.renameSync(`${name}.tmp`, `${name}.json`)
    return value
  } catch (err) {
    fs.writeFileSync(`${name}.failed`, `${key}: ${err instanceof Error ? err.message : String(err)}`)
    throw err
  }
}

/** The pack of the package in `root`, once per test run (and from the cache when its sources are unchanged). */
export function sharedPack (root = PACKAGE_ROOT): Promise<Packed> {
  return once(`pack:${root}`, () => cachedPack(root))
}

/** installBot, once per test run for each `options.folder` (which must be given). */
export function sharedBot (
  kind: BotKind, packed: Packed, options: InstallOptions & { folder: string }
): Promise<BotFolder> {
  return once(`bot:${options.folder}`, () => installBot(kind, sharedWorkdir(), packed, options))
}
