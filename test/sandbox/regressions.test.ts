// Regressions found by exploratory testing of npm start (QA pass).
import { expect } from 'chai'
import { startSandbox, type Sandbox } from '../../sandbox'
import { allowLoopback, call } from './http'

describe('sandbox regressions', () => {
  allowLoopback()
  let sandbox: Sandbox
  afterEach(async () => { await sandbox?.stop() })

  it('takes control calls under the Statuspage URL the banner shows (…/v1/__sandbox/fault), not only at the root', async () => {
    sandbox = await startSandbox()
    const url = sandbox.statuspage!.url
    expect(url).to.match(/\/v1$/)
    const set = await call(url, 'POST', '/__sandbox/fault', { body: { fault: '503,times=1' } })
    expect(set.status).to.equal(200)
    expect(set.body).to.deep.equal({ fault: { kind: '503', times: 1 } })
    expect((await call(sandbox.statuspage!.origin, 'GET', '/__sandbox/fault')).body).to.deep.equal({ fault: { kind: '503', times: 1 } })
    expect((await call(url, 'DELETE', '/__sandbox/fault')).body).to.deep.equal({ fault: null })
    expect((await call(url, 'GET', '/__sandbox/state')).status).to.equal(200)
  })
})
