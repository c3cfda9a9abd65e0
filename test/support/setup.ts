// Root hooks for every test: no network, no unhandled rejection, no environment leaking between tests.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import nock from 'nock'
import { RUN_DIR } from './run-dir'

process.env.HUBOT_LOG_LEVEL ??= 'error'

const unhandled: unknown[] = []
process.on('unhandledRejection', (reason) => { unhandled.push(reason) })

// A request to a service that no interceptor expected: an unmocked call, or one still running
// from an earlier test. Either way the test did not describe what really happened.
const stray: string[] = []
nock.emitter.on('no match', (req: { method?: string, path?: string, hostname?: string, options?: { hostname?: string } }) => {
  const host = String(req.options?.hostname ?? req.hostname ?? '')
  if (host && !/^(127\.0\.0\.1|localhost)$/.test(host)) stray.push(`${req.method} ${host}${req.path ?? ''}`)
})

let savedEnv: NodeJS.ProcessEnv = {}

/**
 * Once per mocha run, in its main process before any worker starts: the folder the end-to-end files
 * share their packed tarballs and bot folders in (test/e2e/install.ts), whichever worker runs them.
 * When the run has end-to-end files, the packs and installs they need start now, in the background,
 * so they are ready (or nearly) by the time the workers reach those files (listed last).
 */
export function mochaGlobalSetup (): void {
  process.env[RUN_DIR] ??= fs.mkdtempSync(path.join(os.tmpdir(), 'hubot-statuspage-opsgenie-run-'))
  if (process.argv.some(arg => /(^|\/)e2e(\/|$)/.test(arg))) {
    // A failure is kept in the run's folder for the end-to-end files to report; nothing to do here.
    import('../e2e/install.js').then(e2e => e2e.prepareEndToEnd()).catch(() => {})
  }
}

export function mochaGlobalTeardown (): void {
  const dir = process.env[RUN_DIR]
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
}

export const mochaHooks = {
  beforeAll () {
    nock.disableNetConnect()
  },
  beforeEach () {
    savedEnv = { ...process.env }
  },
  afterEach () {
    for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key]
    Object.assign(process.env, savedEnv)
    nock.cleanAll()
    if (stray.length > 0) {
      throw new Error(`requests no interceptor expected during this test:\n${stray.splice(0).join('\n')}`)
    }
    if (unhandled.length > 0) {
      const reasons = unhandled.splice(0).map(r => (r instanceof Error ? r.stack : String(r)))
      throw new Error(`unhandled rejection during this test:\n${reasons.join('\n')}`)
    }
  }
}
