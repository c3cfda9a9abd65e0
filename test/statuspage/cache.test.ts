// The page cache: a set is one call when the page was read moments ago, two round trips cold;
// writes keep it current; failures empty it; it expires after its lifetime.
import { expect } from 'chai'
import type nock from 'nock'
import { createHttpClient } from '../../src/http/client'
import { cachedClient, fromCache, PageCache } from '../../src/statuspage/cache'
import { createStatuspageClient } from '../../src/statuspage/client'
import { STATUSPAGE } from '../../src/statuspage/service'
import { botForEachTest } from '../support/bots'
import { api, API_KEY, API_URL, components, configure, getComponents, getMaintenance, getUnresolved, onlyReply, PAGE, PAGE_ID, patched, unresolved } from '../support/statuspage'

describe('the Statuspage page cache, through the robot', () => {
  const bot = botForEachTest(configure)
  const ask = async (text: string): Promise<string> => await onlyReply(bot, text)

  it('sets a component with one call when the page was just read, and shows the new state without a read', async () => {
    const reads = getMaintenance(getUnresolved(getComponents(api())))
    expect(await ask('/status')).to.match(/^Not operational:/)
    reads.done()
    const patch = api().patch(`${PAGE}/components/cmpdoc000001`, { component: { status: 'degraded_performance' } })
      .reply(200, patched('cmpdoc000001', 'degraded_performance'))
    // Any other request would be one no interceptor expects, and fail the test.
    expect(await ask('/status docs degraded')).to.match(/^Docs: operational → degraded performance\.\nNo unresolved incident explains this/)
    patch.done()
    getMaintenance(api()) // maintenance is not cached
    expect(await ask('/status docs?')).to.match(/^Docs: degraded performance\n/)
  })

  it('cold, reads components and incidents at once, then sets: two round trips', async () => {
    const order: string[] = []
    // Each read's answer waits until the other read has arrived: read one after the other, the
    // command would never get its first answer and the test would time out.
    const held: Array<() => void> = []
    type Callback = (err: null, reply: nock.ReplyFnResult) => void
    const both = (name: string, body: nock.ReplyBody) => (_uri: string, _body: nock.Body, cb: Callback) => {
      order.push(`${name} asked`)
      held.push(() => cb(null, [200, body]))
      if (held.length === 2) held.forEach(answer => answer())
    }
    const scope = api()
      .get(`${PAGE}/components`).query({ page: '1', per_page: '100' }).reply(both('components', components()))
      .get(`${PAGE}/incidents/unresolved`).query({ page: '1', per_page: '100' }).reply(both('incidents', unresolved()))
      .patch(`${PAGE}/components/cmpdoc000001`).reply(() => { order.push('patch'); return [200, patched('cmpdoc000001', 'major_outage')] })
    await ask('/status docs down')
    scope.done()
    expect(order.slice(0, 2).sort()).to.deep.equal(['components asked', 'incidents asked'])
    expect(order[2]).to.equal('patch')
  })

  it('keeps the incident list current after opening one, so the next set names it without a read', async () => {
    getMaintenance(getUnresolved(getComponents(api()), []))
    await ask('/status')
    const opened = { ...unresolved()[0], id: 'newinc000001', name: 'Docs slow', status: 'investigating', components: [patched('cmpdoc000001', 'degraded_performance')] }
    api().post(`${PAGE}/incidents`).reply(201, opened)
    getUnresolved(api(), []) // whether an incident covers it yet: decided on a fresh read, never the cache
    expect(await ask('/status docs degraded: pages load slowly')).to.contain('Opened incident Docs slow')
    api().patch(`${PAGE}/components/cmpdoc000001`).reply(200, patched('cmpdoc000001', 'major_outage'))
    expect(await ask('/status docs down')).to.equal('Docs: degraded performance → major outage.\nIncident Docs slow (newinc000001) covers it.')
  })

  it('reads again after a failed call: nothing is answered from what may no longer be true', async () => {
    getMaintenance(getUnresolved(getComponents(api())))
    await ask('/status')
    api().patch(`${PAGE}/components/cmpdoc000001`).times(3).reply(503, { message: 'down' })
    expect(await ask('/status docs down')).to.contain('503')
    const again = getMaintenance(getUnresolved(getComponents(api())))
    await ask('/status')
    again.done()
  })

  it('is off with HUBOT_STATUSPAGE_CACHE_SECONDS=0', async () => {
    process.env.HUBOT_STATUSPAGE_CACHE_SECONDS = '0'
    const scope = getMaintenance(getUnresolved(getComponents(getMaintenance(getUnresolved(getComponents(api()))))))
    await ask('/status')
    await ask('/status')
    scope.done()
  })
})

describe('PageCache', () => {
  const client = () => createStatuspageClient({
    http: createHttpClient({ service: STATUSPAGE, baseURL: `${API_URL}/v1`, authorization: `OAuth ${API_KEY}`, secrets: [API_KEY] }),
    pageId: PAGE_ID
  })

  it('answers from the cache within its lifetime and reads again after it (the staleness bound)', async () => {
    let now = 0
    const cache = new PageCache(30_000, () => now)
    const cached = cachedClient(client(), cache)
    const first = getComponents(api())
    await cached.listComponents()
    first.done()
    now = 29_999
    await cached.listComponents() // no request: none is mocked
    now = 30_000
    const second = getComponents(api())
    await cached.listComponents()
    second.done()
  })

  it('reads from Statuspage when asked for a fresh read, refills the cache, and tells cached rows from read ones', async () => {
    const cached = cachedClient(client(), new PageCache(30_000, () => 0))
    const first = getComponents(api())
    const read = await cached.listComponents()
    first.done()
    expect(fromCache(read)).to.equal(false)
    const hit = await cached.listComponents() // no request: none is mocked
    expect(fromCache(hit)).to.equal(true)
    const changed = components().map(c => ({ ...c, status: 'major_outage' as const }))
    const again = getComponents(api(), changed)
    const fresh = await cached.listComponents({ fresh: true })
    again.done()
    expect(fromCache(fresh)).to.equal(false)
    expect(fresh[0].status).to.equal('major_outage')
    expect((await cached.listComponents())[0].status).to.equal('major_outage') // the fresh answer is cached
  })

  it('remembers the row count after expiry, so the next read fetches all its pages at once', async () => {
    let now = 0
    const cache = new PageCache(1000, () => now)
    const cached = cachedClient(client(), cache)
    const rows = Array.from({ length: 150 }, (_, i) => ({ ...components()[0], id: `c${i}`, name: `C${i}` }))
    const cold = api()
    getComponents(cold, rows.slice(0, 100), 1)
    getComponents(cold, rows.slice(100), 2)
    getComponents(cold, [], 3)
    getComponents(cold, [], 4)
    expect(await cached.listComponents()).to.have.length(150)
    cold.done()
    now = 5000
    // Expired: pages 1 and 2 at once, and no page 3 (page 2 is short, and the count said so).
    const warmish = api()
    getComponents(warmish, rows.slice(0, 100), 1)
    getComponents(warmish, rows.slice(100), 2)
    expect(await cached.listComponents()).to.have.length(150)
    warmish.done()
  })
})
