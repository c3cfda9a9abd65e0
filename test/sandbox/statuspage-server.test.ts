import { expect } from 'chai'
import { startSandbox, SANDBOX_PAGE_ID, SANDBOX_STATUSPAGE_KEY, type Sandbox } from '../../sandbox'
import { allowLoopback, call } from './http'

const AUTH = `OAuth ${SANDBOX_STATUSPAGE_KEY}`
const PAGE = `/pages/${SANDBOX_PAGE_ID}`

describe('sandbox Statuspage stand-in', () => {
  allowLoopback()
  let sandbox: Sandbox
  let base: string
  const sp = () => sandbox.statuspage!
  const byName = (name: string) => sp().state.components.find(c => c.name === name)!
  beforeEach(async () => {
    sandbox = await startSandbox({ opsgenie: false })
    base = sp().url
  })
  afterEach(async () => { await sandbox.stop() })

  it('listens on 127.0.0.1 and gives a /v1 base URL', () => {
    expect(base).to.match(/^http:\/\/127\.0\.0\.1:\d+\/v1$/)
  })

  it('rejects a wrong key, a missing key and the Bearer scheme with 401 {"error": "Could not authenticate"}', async () => {
    for (const auth of ['OAuth nope', undefined, `Bearer ${SANDBOX_STATUSPAGE_KEY}`]) {
      const answer = await call(base, 'GET', `${PAGE}/components?page=1&per_page=100`, { auth })
      expect(answer.status).to.equal(401)
      expect(answer.body).to.deep.equal({ error: 'Could not authenticate' })
    }
  })

  it('answers 404 with a message for another page id', async () => {
    const answer = await call(base, 'GET', '/pages/otherpage/components?page=1', { auth: AUTH })
    expect(answer.status).to.equal(404)
    expect(answer.body.message).to.be.a('string')
  })

  it('seeds a Build Processing component, one degraded component and an unresolved incident about it', async () => {
    const rows = (await call(base, 'GET', `${PAGE}/components?page=1&per_page=100`, { auth: AUTH })).body
    expect(rows.map((c: any) => c.name)).to.include('Build Processing')
    const degraded = rows.filter((c: any) => !c.group && c.status !== 'operational')
    expect(degraded.map((c: any) => c.name)).to.deep.equal(['GitHub Webhooks'])
    const group = rows.find((c: any) => c.id === degraded[0].group_id)
    expect(group).to.include({ group: true, status: 'degraded_performance' })
    expect(group.components).to.include(degraded[0].id)
    const unresolved = (await call(base, 'GET', `${PAGE}/incidents/unresolved`, { auth: AUTH })).body
    expect(unresolved).to.have.length(1)
    expect(unresolved[0].components.map((c: any) => c.id)).to.deep.equal([degraded[0].id])
    expect(unresolved[0].incident_updates[0].status).to.equal(unresolved[0].status)
  })

  it('pages components: at most 100 a page, a short page at the end', async () => {
    const template = byName('Billing')
    for (let i = 0; i < 150; i++) sp().state.components.push({ ...template, id: `extra${i}`, name: `Extra ${i}` })
    const total = sp().state.components.length
    const page1 = await call(base, 'GET', `${PAGE}/components?page=1&per_page=100`, { auth: AUTH })
    const page2 = await call(base, 'GET', `${PAGE}/components?page=2&per_page=100`, { auth: AUTH })
    const asked500 = await call(base, 'GET', `${PAGE}/components?page=1&per_page=500`, { auth: AUTH })
    expect(page1.body).to.have.length(100)
    expect(page2.body).to.have.length(total - 100)
    expect(asked500.body).to.have.length(100)
    expect(Array.isArray(page1.body)).to.equal(true)
  })

  it('allows one unpaginated component list a minute, then 429 with Retry-After', async () => {
    expect((await call(base, 'GET', `${PAGE}/components`, { auth: AUTH })).status).to.equal(200)
    const second = await call(base, 'GET', `${PAGE}/components`, { auth: AUTH })
    expect(second.status).to.equal(429)
    expect(Number(second.headers.get('retry-after'))).to.be.greaterThan(0)
  })

  it('sets a component with PATCH and derives its group status; refuses an unknown status with 422', async () => {
    const build = byName('Build Processing')
    const answer = await call(base, 'PATCH', `${PAGE}/components/${build.id}`, { auth: AUTH, body: { component: { status: 'major_outage' } } })
    expect(answer.status).to.equal(200)
    expect(answer.body).to.include({ id: build.id, status: 'major_outage' })
    expect(byName('Builds').status).to.equal('major_outage')
    const bad = await call(base, 'PATCH', `${PAGE}/components/${build.id}`, { auth: AUTH, body: { component: { status: 'broken' } } })
    expect(bad.status).to.equal(422)
    expect(bad.body.error).to.be.an('array')
  })

  it('creates an incident with 201, setting component statuses from the components map', async () => {
    const build = byName('Build Processing')
    const answer = await call(base, 'POST', `${PAGE}/incidents`, {
      auth: AUTH,
      body: { incident: { name: 'Builds are delayed', status: 'investigating', body: 'builds are delayed', component_ids: [build.id], components: { [build.id]: 'major_outage' } } }
    })
    expect(answer.status).to.equal(201)
    expect(answer.body).to.include({ name: 'Builds are delayed', status: 'investigating', impact: 'critical' })
    expect(answer.body.components[0]).to.include({ id: build.id, status: 'major_outage' })
    expect(answer.body.incident_updates[0]).to.include({ status: 'investigating', body: 'builds are delayed' })
    expect(answer.body.incident_updates[0].affected_components).to.deep.equal([{ code: build.id, name: 'Build Processing', old_status: 'operational', new_status: 'major_outage' }])
    expect(build.status).to.equal('major_outage')
    const unresolved = (await call(base, 'GET', `${PAGE}/incidents/unresolved`, { auth: AUTH })).body
    expect(unresolved.map((i: any) => i.name)).to.deep.equal(['Builds are delayed', 'Delayed GitHub webhook deliveries'])
  })

  it('refuses an incident without a name, or with an unknown component, with 422 {"error": [...]}', async () => {
    const noName = await call(base, 'POST', `${PAGE}/incidents`, { auth: AUTH, body: { incident: { status: 'investigating' } } })
    expect(noName.status).to.equal(422)
    expect(noName.body.error[0]).to.match(/Name/)
    const unknown = await call(base, 'POST', `${PAGE}/incidents`, { auth: AUTH, body: { incident: { name: 'x', components: { nope: 'major_outage' } } } })
    expect(unknown.status).to.equal(422)
  })

  it('adds updates with PATCH and resolves, setting components back to operational', async () => {
    const incident = sp().state.incidents[0]
    const webhooks = byName('GitHub Webhooks')
    const monitoring = await call(base, 'PATCH', `${PAGE}/incidents/${incident.id}`, { auth: AUTH, body: { incident: { status: 'monitoring', body: 'fix is out' } } })
    expect(monitoring.status).to.equal(200)
    expect(monitoring.body.monitoring_at).to.be.a('string')
    expect(monitoring.body.incident_updates).to.have.length(3)
    const resolved = await call(base, 'PATCH', `${PAGE}/incidents/${incident.id}`, { auth: AUTH, body: { incident: { status: 'resolved', body: 'all good', components: { [webhooks.id]: 'operational' } } } })
    expect(resolved.body).to.include({ status: 'resolved' })
    expect(resolved.body.resolved_at).to.be.a('string')
    expect(resolved.body.incident_updates[0].affected_components[0]).to.include({ old_status: 'degraded_performance', new_status: 'operational' })
    expect(webhooks.status).to.equal('operational')
    expect(byName('Integrations').status).to.equal('operational')
    expect((await call(base, 'GET', `${PAGE}/incidents/unresolved`, { auth: AUTH })).body).to.deep.equal([])
  })

  it('answers 404 for an unknown incident', async () => {
    const answer = await call(base, 'GET', `${PAGE}/incidents/nope`, { auth: AUTH })
    expect(answer.status).to.equal(404)
  })

  it('logs each API request so tests can see how the package paged', async () => {
    await call(base, 'GET', `${PAGE}/components?page=1&per_page=100`, { auth: AUTH })
    expect(sp().requests.at(-1)).to.include({ method: 'GET', path: `/v1${PAGE}/components`, query: '?page=1&per_page=100', status: 200 })
  })
})
