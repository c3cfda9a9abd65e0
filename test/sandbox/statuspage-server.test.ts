import { expect } from 'chai'
import { startSandbox, SANDBOX_PAGE_ID, SANDBOX_STATUSPAGE_KEY, type Sandbox } from '../../sandbox'
import { autoTransition } from '../../sandbox/statuspage-model'
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
    const degraded = rows.filter((c: any) => !c.group && c.status !== 'operational' && c.status !== 'under_maintenance')
    expect(degraded.map((c: any) => c.name)).to.deep.equal(['GitHub Webhooks'])
    const group = rows.find((c: any) => c.id === degraded[0].group_id)
    expect(group).to.include({ group: true, status: 'degraded_performance' })
    expect(group.components).to.include(degraded[0].id)
    const unresolved = (await call(base, 'GET', `${PAGE}/incidents/unresolved`, { auth: AUTH })).body
    expect(unresolved).to.have.length(1)
    expect(unresolved[0].components.map((c: any) => c.id)).to.deep.equal([degraded[0].id])
    expect(unresolved[0].incident_updates[0].status).to.equal(unresolved[0].status)
  })

  it('seeds one maintenance in progress (its component under maintenance) and one upcoming, apart from the unresolved incidents', async () => {
    const active = (await call(base, 'GET', `${PAGE}/incidents/active_maintenance`, { auth: AUTH })).body
    const upcoming = (await call(base, 'GET', `${PAGE}/incidents/upcoming`, { auth: AUTH })).body
    const scheduled = (await call(base, 'GET', `${PAGE}/incidents/scheduled`, { auth: AUTH })).body
    expect(active.map((m: any) => [m.name, m.status])).to.deep.equal([['Email provider switch', 'in_progress']])
    expect(active[0]).to.include({ impact: 'maintenance', scheduled_auto_completed: true, auto_transition_to_operational_state: true })
    expect(byName('Email Notifications').status).to.equal('under_maintenance')
    expect(upcoming.map((m: any) => [m.name, m.status])).to.deep.equal([['Dashboard database upgrade', 'scheduled']])
    expect(scheduled.map((m: any) => m.id)).to.deep.equal(upcoming.map((m: any) => m.id))
    expect(Date.parse(upcoming[0].scheduled_for)).to.be.greaterThan(Date.now())
    const unresolved = (await call(base, 'GET', `${PAGE}/incidents/unresolved`, { auth: AUTH })).body
    expect(unresolved.map((i: any) => i.name)).to.deep.equal(['Delayed GitHub webhook deliveries'])
  })

  it('creates a scheduled maintenance with its switches, and moves it on by itself at its start and end', async () => {
    const billing = byName('Billing')
    const start = '2030-01-01T10:00:00.000Z'
    const end = '2030-01-01T12:00:00.000Z'
    const created = await call(base, 'POST', `${PAGE}/incidents`, {
      auth: AUTH,
      body: {
        incident: {
          name: 'Billing upgrade',
          status: 'scheduled',
          scheduled_for: start,
          scheduled_until: end,
          component_ids: [billing.id],
          scheduled_auto_in_progress: true,
          scheduled_auto_completed: true,
          auto_transition_to_maintenance_state: true,
          auto_transition_to_operational_state: true
        }
      }
    })
    expect(created.status).to.equal(201)
    expect(created.body).to.include({ status: 'scheduled', impact: 'maintenance', scheduled_for: start, scheduled_auto_in_progress: true, scheduled_remind_prior: false })
    expect(byName('Billing').status).to.equal('operational')
    // Every request runs the same step with the real time; here it is driven with the window's times.
    const stored = () => sp().state.incidents.find(i => i.id === created.body.id)!
    autoTransition(sp().state, Date.parse(start) - 1)
    expect(stored().status).to.equal('scheduled')
    autoTransition(sp().state, Date.parse(start))
    expect(stored().status).to.equal('in_progress')
    expect(byName('Billing').status).to.equal('under_maintenance')
    autoTransition(sp().state, Date.parse(end))
    expect(stored().status).to.equal('completed')
    expect(stored().incident_updates.map(u => u.status)).to.deep.equal(['completed', 'in_progress', 'scheduled'])
    expect(byName('Billing').status).to.equal('operational')
  })

  it('refuses a maintenance that ends before it starts, or a switch that is not true or false, with 422', async () => {
    const window = { scheduled_for: '2030-01-01T10:00:00Z', scheduled_until: '2030-01-01T09:00:00Z' }
    const backwards = await call(base, 'POST', `${PAGE}/incidents`, { auth: AUTH, body: { incident: { name: 'x', status: 'scheduled', ...window } } })
    expect(backwards.status).to.equal(422)
    const odd = await call(base, 'POST', `${PAGE}/incidents`, { auth: AUTH, body: { incident: { name: 'x', scheduled_for: '2030-01-01T10:00:00Z', scheduled_auto_completed: 'yes' } } })
    expect(odd.status).to.equal(422)
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
    // The group follows its worst child: Email Notifications is in the seeded maintenance.
    expect(byName('Integrations').status).to.equal('under_maintenance')
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
