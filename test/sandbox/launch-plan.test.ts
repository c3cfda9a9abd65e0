import { expect } from 'chai'
import { banner, planLaunch } from '../../sandbox/launch-plan'

const facts = { statuspageUrl: 'http://127.0.0.1:1/v1', pageId: 'sandboxpage1', opsgenieUrl: 'http://127.0.0.1:2' }

describe('npm start launch plan', () => {
  it('uses the sandbox for every service without a key', () => {
    expect(planLaunch({})).to.deep.equal({ statuspage: 'sandbox', opsgenie: 'sandbox' })
    expect(planLaunch({ HUBOT_STATUSPAGE_API_KEY: '  ' })).to.deep.equal({ statuspage: 'sandbox', opsgenie: 'sandbox' })
  })

  it('goes real per service: a real Statuspage with the OpsGenie sandbox is allowed', () => {
    expect(planLaunch({ HUBOT_STATUSPAGE_API_KEY: 'k' })).to.deep.equal({ statuspage: 'real', opsgenie: 'sandbox' })
    expect(planLaunch({ HUBOT_OPSGENIE_API_KEY: 'k' })).to.deep.equal({ statuspage: 'sandbox', opsgenie: 'real' })
    expect(planLaunch({ HUBOT_JSM_API_TOKEN: 't' }).opsgenie).to.equal('real')
  })

  it('says first that this is the sandbox, that nothing real is touched, and which variables switch to real accounts', () => {
    const lines = banner({ statuspage: 'sandbox', opsgenie: 'sandbox' }, facts)
    expect(lines[0]).to.match(/SANDBOX/).and.to.match(/Nothing real is touched/)
    const text = lines.join('\n')
    for (const name of ['HUBOT_STATUSPAGE_API_KEY', 'HUBOT_STATUSPAGE_PAGE_ID', 'HUBOT_OPSGENIE_API_KEY', 'SANDBOX_FAULT']) expect(text).to.contain(name)
  })

  it('says plainly when a service is real', () => {
    const mixed = banner({ statuspage: 'real', opsgenie: 'sandbox' }, { ...facts, statuspageUrl: 'https://api.statuspage.io/v1' })
    expect(mixed[0]).to.match(/MIXED: Statuspage is REAL/)
    expect(mixed[1]).to.contain('REAL https://api.statuspage.io/v1 page sandboxpage1')
    const live = banner({ statuspage: 'real', opsgenie: 'real' }, facts)
    expect(live[0]).to.match(/LIVE/)
    expect(live.join('\n')).to.not.contain('SANDBOX_FAULT')
  })
})
