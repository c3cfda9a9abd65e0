// The client on its own: paths, query, bodies and pagination, with an HttpClient handed in.
import { expect } from 'chai'
import { createHttpClient } from '../../src/http/client'
import { BadResponseError } from '../../src/http/errors'
import { createStatuspageClient } from '../../src/statuspage/client'
import { STATUSPAGE } from '../../src/statuspage/service'
import { api, API_KEY, API_URL, componentRow, createdIncident, PAGE, PAGE_ID } from '../support/statuspage'

const client = (deliverNotifications?: boolean) => createStatuspageClient({
  http: createHttpClient({ service: STATUSPAGE, baseURL: `${API_URL}/v1`, authorization: `OAuth ${API_KEY}`, secrets: [API_KEY] }),
  pageId: PAGE_ID,
  deliverNotifications
})

describe('createStatuspageClient', () => {
  it('reads components until a page has fewer than 100 rows: page 1, then pages 2 to 4 at once', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => componentRow(`c${i}`, `S${i}`))
    const scope = api()
      .get(`${PAGE}/components`).query({ page: '1', per_page: '100' }).reply(200, rows.slice(0, 100))
      .get(`${PAGE}/components`).query({ page: '2', per_page: '100' }).reply(200, rows.slice(100, 200))
      .get(`${PAGE}/components`).query({ page: '3', per_page: '100' }).reply(200, rows.slice(200))
      // Fetched with pages 2 and 3 (no total is sent, so the end is unknown); past the end, its answer does not count.
      .get(`${PAGE}/components`).query({ page: '4', per_page: '100' }).reply(500, { message: 'boom' })
    expect(await client().listComponents()).to.have.length(250)
    scope.done()
  })

  it('fetches every page at once, and no empty page, when the count from last time says how many', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => componentRow(`c${i}`, `S${i}`))
    const scope = api()
      .get(`${PAGE}/components`).query({ page: '1', per_page: '100' }).reply(200, rows.slice(0, 100))
      .get(`${PAGE}/components`).query({ page: '2', per_page: '100' }).reply(200, rows.slice(100, 200))
      .get(`${PAGE}/components`).query({ page: '3', per_page: '100' }).reply(200, rows.slice(200))
    expect(await client().listComponents({ expectedRows: 250 })).to.have.length(250)
    scope.done()
  })

  it('reads one page of a small page, and goes on when the count from last time was too low', async () => {
    const rows = Array.from({ length: 130 }, (_, i) => componentRow(`c${i}`, `S${i}`))
    const scope = api()
      .get(`${PAGE}/components`).query({ page: '1', per_page: '100' }).reply(200, rows.slice(0, 100))
      .get(`${PAGE}/components`).query({ page: '2', per_page: '100' }).reply(200, rows.slice(100))
      .get(`${PAGE}/components`).query({ page: '3', per_page: '100' }).reply(200, [])
      .get(`${PAGE}/components`).query({ page: '4', per_page: '100' }).reply(200, [])
    expect(await client().listComponents({ expectedRows: 10 })).to.have.length(130)
    scope.done()
  })

  it('sets a component with a PATCH of {component: {status}}', async () => {
    const scope = api().patch(`${PAGE}/components/c1`, { component: { status: 'partial_outage' } }).reply(200, componentRow('c1', 'S1', { status: 'partial_outage' }))
    expect((await client().updateComponentStatus('c1', 'partial_outage')).status).to.equal('partial_outage')
    scope.done()
  })

  it('creates an incident with deliver_notifications true by default', async () => {
    const scope = api().post(`${PAGE}/incidents`, { incident: { name: 'X', deliver_notifications: true } }).reply(201, createdIncident())
    expect((await client().createIncident({ name: 'X' })).id).to.equal('x9m2k4p7q1rs')
    scope.done()
  })

  it('sends deliver_notifications false on creates and updates when told to', async () => {
    const scope = api()
      .post(`${PAGE}/incidents`, { incident: { name: 'X', deliver_notifications: false } }).reply(201, createdIncident())
      .patch(`${PAGE}/incidents/x9m2k4p7q1rs`, { incident: { status: 'monitoring', deliver_notifications: false } }).reply(200, createdIncident())
    const quiet = client(false)
    await quiet.createIncident({ name: 'X' })
    await quiet.updateIncident('x9m2k4p7q1rs', { status: 'monitoring' })
    scope.done()
  })

  it('escapes ids in paths', async () => {
    const scope = api().get(`${PAGE}/incidents/a%2Fb`).reply(200, createdIncident())
    await client().getIncident('a/b')
    scope.done()
  })

  it('refuses a list endpoint that answers something other than a list', async () => {
    const scope = api().get(`${PAGE}/incidents/unresolved`).query(true).reply(200, { incidents: [] })
    let error: unknown
    try { await client().listUnresolvedIncidents() } catch (err) { error = err }
    expect(error).to.be.instanceOf(BadResponseError)
    scope.done()
  })
})
