import { expect } from 'chai'
import { faultFromEnv, parseFault } from '../../sandbox/faults'
import { startSandbox, SANDBOX_OPSGENIE_KEY, SANDBOX_PAGE_ID, SANDBOX_STATUSPAGE_KEY, type Sandbox } from '../../sandbox'
import { allowLoopback, call } from './http'

describe('sandbox fault switch', () => {
  describe('parsing', () => {
    it('reads the text form with options', () => {
      expect(parseFault('429,retryAfter=2,times=3')).to.deep.equal({ kind: '429', retryAfter: 2, times: 3 })
      expect(parseFault('slow, delayMs=1500')).to.deep.equal({ kind: 'slow', delayMs: 1500 })
      expect(parseFault('503,path=/incidents,method=patch')).to.deep.equal({ kind: '503', path: '/incidents', method: 'PATCH' })
    })

    it('refuses unknown kinds and bad options', () => {
      expect(() => parseFault('418')).to.throw(/unknown fault "418"/)
      expect(() => parseFault('429,retryAfter=soon')).to.throw(/retryAfter/)
      expect(() => parseFault('429,times')).to.throw(/key=value/)
    })

    it('takes the service variable over SANDBOX_FAULT, and treats none as no fault', () => {
      expect(faultFromEnv('opsgenie', { SANDBOX_FAULT: '503', SANDBOX_OPSGENIE_FAULT: '401' })).to.deep.equal({ kind: '401' })
      expect(faultFromEnv('statuspage', { SANDBOX_FAULT: '503', SANDBOX_OPSGENIE_FAULT: '401' })).to.deep.equal({ kind: '503' })
      expect(faultFromEnv('statuspage', { SANDBOX_FAULT: 'none' })).to.equal(undefined)
    })
  })

  describe('on the stand-ins', () => {
    allowLoopback()
    let sandbox: Sandbox
    const components = `/pages/${SANDBOX_PAGE_ID}/components?page=1&per_page=100`
    const spAuth = `OAuth ${SANDBOX_STATUSPAGE_KEY}`
    const ogAuth = `GenieKey ${SANDBOX_OPSGENIE_KEY}`
    afterEach(async () => { await sandbox?.stop() })

    it('starts with the fault named by SANDBOX_FAULT', async () => {
      process.env.SANDBOX_FAULT = '401'
      sandbox = await startSandbox()
      const answer = await call(sandbox.statuspage!.url, 'GET', components, { auth: spAuth })
      expect(answer.status).to.equal(401)
      expect(answer.body).to.deep.equal({ error: 'Could not authenticate' })
      expect((await call(sandbox.opsgenie!.url, 'GET', '/v2/alerts', { auth: ogAuth })).status).to.equal(401)
    })

    it('switches at runtime with POST /__sandbox/fault: 429 with Retry-After for N requests, then normal', async () => {
      sandbox = await startSandbox()
      const base = sandbox.statuspage!.url
      const set = await call(sandbox.statuspage!.origin, 'POST', '/__sandbox/fault', { body: { fault: '429', retryAfter: 3, times: 2 } })
      expect(set.body.fault).to.deep.equal({ kind: '429', retryAfter: 3, times: 2 })
      for (let i = 0; i < 2; i++) {
        const limited = await call(base, 'GET', components, { auth: spAuth })
        expect(limited.status).to.equal(429)
        expect(limited.headers.get('retry-after')).to.equal('3')
      }
      expect((await call(base, 'GET', components, { auth: spAuth })).status).to.equal(200)
    })

    it('fails only matching paths, and clears with DELETE /__sandbox/fault', async () => {
      sandbox = await startSandbox()
      const og = sandbox.opsgenie!
      await call(og.origin, 'POST', '/__sandbox/fault', { body: { fault: '503,path=/acknowledge' } })
      expect((await call(og.url, 'GET', '/v2/alerts', { auth: ogAuth })).status).to.equal(200)
      const failed = await call(og.url, 'POST', '/v2/alerts/101/acknowledge?identifierType=tiny', { auth: ogAuth, body: {} })
      expect(failed.status).to.equal(503)
      expect(failed.body).to.have.keys('message', 'took', 'requestId')
      await call(og.origin, 'DELETE', '/__sandbox/fault')
      expect((await call(og.url, 'POST', '/v2/alerts/101/acknowledge?identifierType=tiny', { auth: ogAuth, body: {} })).status).to.equal(202)
    })

    it('answers OpsGenie 403 with code 40301 (a key from API Key Management)', async () => {
      sandbox = await startSandbox({ opsgenieFault: parseFault('403') })
      const answer = await call(sandbox.opsgenie!.url, 'POST', '/v2/alerts/101/close?identifierType=tiny', { auth: ogAuth, body: {} })
      expect(answer.status).to.equal(403)
      expect(answer.body.code).to.equal(40301)
      // Not an alert action: refused, but without the integration-key code.
      const lookup = await call(sandbox.opsgenie!.url, 'GET', '/v2/users/neo@opsgenie.com', { auth: ogAuth })
      expect(lookup.status).to.equal(403)
      expect(lookup.body.code).to.equal(undefined)
    })

    it('slows answers down without failing them', async () => {
      sandbox = await startSandbox({ statuspageFault: parseFault('slow,delayMs=300') })
      const started = Date.now()
      const answer = await call(sandbox.statuspage!.url, 'GET', components, { auth: spAuth })
      expect(answer.status).to.equal(200)
      expect(Date.now() - started).to.be.at.least(290)
    })

    it('imitates a proxy error page that is not JSON', async () => {
      sandbox = await startSandbox({ statuspageFault: parseFault('html') })
      const answer = await call(sandbox.statuspage!.url, 'GET', components, { auth: spAuth })
      expect(answer.status).to.equal(502)
      expect(answer.headers.get('content-type')).to.match(/text\/html/)
    })

    it('serves the state and a reset on the control endpoints', async () => {
      sandbox = await startSandbox()
      const sp = sandbox.statuspage!
      sp.state.components[1].status = 'major_outage'
      const state = await call(sp.origin, 'GET', '/__sandbox/state')
      expect(state.body.components[1].status).to.equal('major_outage')
      await call(sp.origin, 'POST', '/__sandbox/reset')
      expect(sp.state.components[1].status).to.equal('operational')
    })

    it('points the package at the stand-ins through env, and stops', async () => {
      sandbox = await startSandbox()
      expect(sandbox.env).to.deep.equal({
        HUBOT_STATUSPAGE_API_URL: sandbox.statuspage!.url,
        HUBOT_STATUSPAGE_API_KEY: SANDBOX_STATUSPAGE_KEY,
        HUBOT_STATUSPAGE_PAGE_ID: SANDBOX_PAGE_ID,
        HUBOT_OPSGENIE_API_URL: sandbox.opsgenie!.url,
        HUBOT_OPSGENIE_API_KEY: SANDBOX_OPSGENIE_KEY
      })
      await sandbox.stop()
      const gone = await fetch(`${sandbox.opsgenie!.url}/v2/alerts`).then(() => 'answered', () => 'refused')
      expect(gone).to.equal('refused')
    })
  })

  // Found by exploratory testing of npm start (QA pass).
  describe('control calls under the service URL', () => {
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
})
