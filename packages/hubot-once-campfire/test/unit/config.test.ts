import { expect } from 'chai'
import { OnceCampfireConfigError, readConfig, redact, secretsOf, weakWebhookPath } from '../../src/config'

const GOOD = {
  HUBOT_ONCE_CAMPFIRE_URL: 'https://chat.example.com/',
  HUBOT_ONCE_CAMPFIRE_BOT_KEY: '9-AbCdEf123456',
  HUBOT_ONCE_CAMPFIRE_WEBHOOK_PATH: '/once-campfire/8f3a9c2e71d04b5fa6e2c9d17b3e4f05'
}

const problem = (env: Record<string, string>): OnceCampfireConfigError => {
  try {
    readConfig(env)
  } catch (err) {
    if (err instanceof OnceCampfireConfigError) return err
    throw err
  }
  throw new Error('readConfig accepted it')
}

describe('hubot-once-campfire settings', () => {
  it('reads the three settings, dropping trailing slashes', () => {
    expect(readConfig(GOOD)).to.deep.equal({
      baseUrl: 'https://chat.example.com',
      botKey: '9-AbCdEf123456',
      webhookPath: '/once-campfire/8f3a9c2e71d04b5fa6e2c9d17b3e4f05'
    })
    expect(readConfig({ ...GOOD, HUBOT_ONCE_CAMPFIRE_URL: 'http://10.0.0.5:3000/campfire/' }).baseUrl).to.equal('http://10.0.0.5:3000/campfire')
  })

  it('names every missing setting in one sentence', () => {
    expect(problem({}).message).to.equal('HUBOT_ONCE_CAMPFIRE_URL and HUBOT_ONCE_CAMPFIRE_BOT_KEY and HUBOT_ONCE_CAMPFIRE_WEBHOOK_PATH are not set: the ONCE Campfire adapter needs them (see the hubot-once-campfire README).')
    const { HUBOT_ONCE_CAMPFIRE_BOT_KEY: _key, ...noKey } = GOOD
    expect(problem({ ...noKey, HUBOT_ONCE_CAMPFIRE_BOT_KEY: '  ' }).message).to.match(/^HUBOT_ONCE_CAMPFIRE_BOT_KEY is not set: .*needs it/)
  })

  it('refuses a URL that is not an http(s) address, or carries credentials or a query', () => {
    for (const url of ['chat.example.com', 'ftp://chat.example.com', 'https://u:p@chat.example.com', 'https://chat.example.com/?x=1']) {
      expect(problem({ ...GOOD, HUBOT_ONCE_CAMPFIRE_URL: url }).variable, url).to.equal('HUBOT_ONCE_CAMPFIRE_URL')
    }
  })

  it('refuses a bot key that is not <id>-<token>, without repeating it', () => {
    for (const key of ['AbCdEf123456', '9-', '9-short', '9-AbCdEf12345!', 'x-AbCdEf123456']) {
      const err = problem({ ...GOOD, HUBOT_ONCE_CAMPFIRE_BOT_KEY: key })
      expect(err.variable).to.equal('HUBOT_ONCE_CAMPFIRE_BOT_KEY')
      expect(err.message).to.contain('Account settings → Bots').and.not.contain(key)
    }
  })

  it('refuses a short or guessable webhook path and says why in one line', () => {
    const cases: Array<[string, RegExp]> = [
      ['/hubot', /too short to be secret/],
      ['/once-campfire/secret', /too short/],
      ['once-campfire/8f3a9c2e71d04b5fa6e2c9d17b3e4f05', /must start with \//],
      ['/once-campfire/8f3a9c2e71d0?4b5fa6e2c9d17b3e4f05', /only letters, digits/],
      ['/once-campfire/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', /guessable/],
      ['/once-campfire/123456789012345678901234567890', /guessable/],
      ['/once-campfire/webhookforourcampfirebotpath', /guessable/]
    ]
    for (const [path, reason] of cases) {
      const err = problem({ ...GOOD, HUBOT_ONCE_CAMPFIRE_WEBHOOK_PATH: path })
      expect(err.variable, path).to.equal('HUBOT_ONCE_CAMPFIRE_WEBHOOK_PATH')
      expect(err.message, path).to.match(reason).and.to.match(/^HUBOT_ONCE_CAMPFIRE_WEBHOOK_PATH /)
      expect(err.message).to.not.contain('\n')
    }
    expect(weakWebhookPath('/once-campfire/8f3a9c2e71d04b5fa6e2c9d17b3e4f05')).to.equal(undefined)
  })

  it('knows which parts are secret, and redacts them', () => {
    const config = readConfig(GOOD)
    const line = `posting with 9-AbCdEf123456 (token AbCdEf123456) on ${config.webhookPath}`
    expect(redact(line, secretsOf(config))).to.equal('posting with [redacted] (token [redacted]) on /once-campfire/[redacted]')
  })
})
