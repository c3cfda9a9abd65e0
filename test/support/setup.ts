// Root hooks for every test: no network, no unhandled rejection, no environment leaking between tests.
import nock from 'nock'

process.env.HUBOT_LOG_LEVEL ??= 'error'

const unhandled: unknown[] = []
process.on('unhandledRejection', (reason) => { unhandled.push(reason) })

let savedEnv: NodeJS.ProcessEnv = {}

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
    if (unhandled.length > 0) {
      const reasons = unhandled.splice(0).map(r => (r instanceof Error ? r.stack : String(r)))
      throw new Error(`unhandled rejection during this test:\n${reasons.join('\n')}`)
    }
  }
}
