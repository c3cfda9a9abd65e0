// The alerting settings (src/alerting/settings.ts): OpsGenie unless a JSM variable is set, the
// defaults, and the backend made from them.
import { expect } from 'chai'
import { jiraNames } from '../../src/alerting/jsm'
import { createClient, readSettings, serviceName, usesJsm } from '../../src/alerting/settings'
import { Governors } from '../../src/http/governor'
import { systemClock } from '../../src/util/clock'
import { configureJsm } from '../support/jsm'
import { configure } from '../support/opsgenie'

const runtime = () => ({ clock: systemClock, governors: new Governors(systemClock), jiraNames: jiraNames(() => 0) })

describe('the alerting settings', () => {
  it('chooses OpsGenie, with the defaults', () => {
    configure()
    expect([usesJsm(), serviceName()]).to.deep.equal([false, 'OpsGenie'])
    expect(readSettings()).to.deep.equal({
      concurrency: 5, timeoutMs: 10_000, confirmTimeoutMs: 15_000, closeAllTtlMs: 60_000, ratePerSecond: 20, maxIds: 100
    })
    expect(createClient(readSettings(), runtime()).service).to.equal('OpsGenie')
  })

  it('chooses JSM Operations as soon as one of its variables is set, and then needs all four', () => {
    configureJsm()
    expect([usesJsm(), serviceName()]).to.deep.equal([true, 'JSM Operations'])
    expect(createClient(readSettings(), runtime()).service).to.equal('JSM Operations')
    delete process.env.HUBOT_JSM_EMAIL
    expect(() => createClient(readSettings(), runtime())).to.throw('set HUBOT_JSM_EMAIL')
  })
})
