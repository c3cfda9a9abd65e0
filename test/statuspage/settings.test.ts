// The Statuspage settings and the client made from them (src/statuspage/settings.ts): the robot's
// page cache and governors are shared by every client made for the same page and key.
import { expect } from 'chai'
import { Governors } from '../../src/http/governor'
import { PageCaches } from '../../src/statuspage/cache'
import { createClient, readSettings } from '../../src/statuspage/settings'
import { systemClock } from '../../src/util/clock'
import { api, components, configure, getComponents } from '../support/statuspage'

describe('the Statuspage settings', () => {
  it('reads the defaults, and names what is missing', () => {
    configure()
    expect(readSettings()).to.deep.include({ notify: true, cacheSeconds: 30, ratePerMinute: 60, burstPerSecond: 10 })
    delete process.env.HUBOT_STATUSPAGE_PAGE_ID
    expect(() => readSettings()).to.throw('set HUBOT_STATUSPAGE_PAGE_ID')
  })

  it('makes clients that read through the robot\'s one page cache', async () => {
    configure()
    const clock = systemClock
    const runtime = { clock, governors: new Governors(clock), pageCaches: new PageCaches(() => clock.now()) }
    const scope = getComponents(api())
    expect(await createClient(readSettings(), runtime).listComponents()).to.have.length(components().length)
    // A second command's client: answered from the cache the first one filled, no request.
    expect(await createClient(readSettings(), runtime).listComponents()).to.have.length(components().length)
    scope.done()
  })
})
