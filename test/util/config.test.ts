// HUBOT_* settings read when a command runs (src/util/config.ts): an empty value is unset, and a bad
// one is one ConfigError naming the variable and what is needed.
import { expect } from 'chai'
import { boolEnv, ConfigError, env, intEnv, requireEnv, urlEnv } from '../../src/util/config'

const failure = (read: () => unknown): ConfigError => {
  try { read() } catch (err) { return err as ConfigError }
  throw new Error('expected a ConfigError')
}

describe('settings from the environment', () => {
  it('trims values and takes an empty one for unset', () => {
    process.env.HUBOT_T_A = '  x  '
    process.env.HUBOT_T_B = '   '
    expect([env('HUBOT_T_A'), env('HUBOT_T_B'), env('HUBOT_T_NONE')]).to.deep.equal(['x', undefined, undefined])
  })

  it('names every missing required variable in one error', () => {
    process.env.HUBOT_T_A = 'a'
    expect(requireEnv('Svc', ['HUBOT_T_A'])).to.deep.equal({ HUBOT_T_A: 'a' })
    const err = failure(() => requireEnv('Svc', ['HUBOT_T_A', 'HUBOT_T_X', 'HUBOT_T_Y']))
    expect(err.variables).to.deep.equal(['HUBOT_T_X', 'HUBOT_T_Y'])
    expect(err.message).to.equal("Svc is not configured: set HUBOT_T_X and HUBOT_T_Y in the bot's environment and restart it.")
  })

  it('reads a whole number within its range, the fallback when unset, and refuses anything else', () => {
    const range = { fallback: 5, min: 1, max: 10 }
    expect(intEnv('Svc', 'HUBOT_T_N', range)).to.equal(5)
    process.env.HUBOT_T_N = '10'
    expect(intEnv('Svc', 'HUBOT_T_N', range)).to.equal(10)
    for (const bad of ['11', '0', '2.5', 'ten']) {
      process.env.HUBOT_T_N = bad
      expect(failure(() => intEnv('Svc', 'HUBOT_T_N', range)).message).to.contain('(a whole number from 1 to 10 is needed)')
    }
  })

  it('reads yes/no words, and http(s) URLs without a trailing slash', () => {
    process.env.HUBOT_T_B = 'Off'
    expect(boolEnv('Svc', 'HUBOT_T_B', true)).to.equal(false)
    process.env.HUBOT_T_B = 'maybe'
    expect(failure(() => boolEnv('Svc', 'HUBOT_T_B', true)).message).to.contain('(true or false is needed)')
    expect(urlEnv('Svc', 'HUBOT_T_U', 'https://api.example.com/v1/')).to.equal('https://api.example.com/v1')
    process.env.HUBOT_T_U = 'ftp://x'
    expect(failure(() => urlEnv('Svc', 'HUBOT_T_U', 'https://x')).variables).to.deep.equal(['HUBOT_T_U'])
  })
})
