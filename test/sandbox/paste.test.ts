// `npm run sandbox` prints settings any bot can take as they are: every variable the stand-ins
// need, the webhook secrets and rooms, Hubot's own port, shell-quoted where a shell would misread.
import { expect } from 'chai'
import { parseExports, pasteLines, pasteSettings, type PasteFacts } from '../../sandbox/paste'

const facts: PasteFacts = {
  env: { HUBOT_STATUSPAGE_API_URL: 'http://127.0.0.1:4001/v1', HUBOT_STATUSPAGE_API_KEY: 'k1', HUBOT_STATUSPAGE_PAGE_ID: 'p1', HUBOT_OPSGENIE_API_KEY: 'k2' },
  botUrl: 'http://127.0.0.1:8080',
  room: 'Shell',
  opsgenieSecret: 'og-secret',
  statuspageSecret: 'sp-secret',
  alertingOrigin: 'http://127.0.0.1:4002',
  statuspageOrigin: 'http://127.0.0.1:4001',
  alertingName: 'OpsGenie'
}

describe('npm run sandbox: the settings to paste', () => {
  it('prints every stand-in setting, the webhook secrets, rooms and alert link, and where the bot must listen', () => {
    const text = pasteLines(facts).join('\n')
    const env = parseExports(text)
    expect(env).to.deep.equal(pasteSettings(facts))
    expect(env).to.include({
      ...facts.env,
      HUBOT_OPSGENIE_WEBHOOK_SECRET: 'og-secret',
      HUBOT_STATUSPAGE_WEBHOOK_SECRET: 'sp-secret',
      HUBOT_OPSGENIE_ROOM: 'Shell',
      HUBOT_STATUSPAGE_ROOM: 'Shell',
      HUBOT_OPSGENIE_WEB_URL: 'http://127.0.0.1:4002/__sandbox/alert/{alertId}',
      EXPRESS_BIND_ADDRESS: '127.0.0.1',
      EXPRESS_PORT: '8080'
    })
    // {alertId} would be brace-expanded by no shell, but quoting keeps any shell from touching it.
    expect(text).to.contain("export HUBOT_OPSGENIE_WEB_URL='http://127.0.0.1:4002/__sandbox/alert/{alertId}'")
    expect(text).to.contain('http://127.0.0.1:4002/__sandbox/alerts').and.to.contain('http://127.0.0.1:4001/__sandbox/component')
  })

  it('reads back a quoted value with a quote in it', () => {
    expect(parseExports("export A='it'\\''s'\nexport B=plain\nnot an export")).to.deep.equal({ A: "it's", B: 'plain' })
  })

  it('leaves out the webhook settings of a stand-in that does not run', () => {
    const env = pasteSettings({ ...facts, alertingOrigin: undefined })
    expect(env).not.to.have.any.keys('HUBOT_OPSGENIE_WEBHOOK_SECRET', 'HUBOT_OPSGENIE_ROOM')
    expect(env).to.include({ HUBOT_STATUSPAGE_ROOM: 'Shell' })
  })
})
