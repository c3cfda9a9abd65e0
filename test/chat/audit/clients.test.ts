// The service clients as a command sees them: every write lands on the command's audit trail with how
// it ended, named by what the reads learnt; reads and the texts people wrote never do. On the real
// Statuspage client and OpsGenie backend, with the APIs mocked as the contract sheet says.
import { expect } from 'chai'
import { createOpsGenieBackend } from '../../../src/alerting/opsgenie'
import { auditedBackend, auditedStatuspage } from '../../../src/chat/audit/clients'
import { AuditTrail } from '../../../src/chat/audit/trail'
import { createHttpClient } from '../../../src/http/client'
import { createStatuspageClient } from '../../../src/statuspage/client'
import { STATUSPAGE } from '../../../src/statuspage/service'
import { alert, expectDone, KEY, mockAction, mockList, OPEN, opsgenie, uuid } from '../../support/opsgenie'
import {
  api, API_KEY, API_URL, createdIncident, createdMaintenance, getComponents, getUnresolved, PAGE, PAGE_ID, patched
} from '../../support/statuspage'

const statuspage = () => createStatuspageClient({
  http: createHttpClient({ service: STATUSPAGE, baseURL: `${API_URL}/v1`, authorization: `OAuth ${API_KEY}`, secrets: [API_KEY] }),
  pageId: PAGE_ID
})

const failure = async (promise: Promise<unknown>): Promise<void> => {
  await promise.then(() => { throw new Error('expected a failure') }, () => undefined)
}

describe('the audited Statuspage client', () => {
  it('records a component set under the name the read learnt, and nothing for the reads', async () => {
    const trail = new AuditTrail()
    const client = auditedStatuspage(statuspage(), trail)
    const scope = getUnresolved(getComponents(api()))
      .patch(`${PAGE}/components/cmpapi000001`, { component: { status: 'major_outage' } }).reply(200, patched('cmpapi000001', 'major_outage'))
      .patch(`${PAGE}/components/cmpdoc000001`, { component: { status: 'partial_outage' } }).reply(422, { error: 'no' })
    await client.listComponents()
    await client.listUnresolvedIncidents()
    expect(trail.targets).to.deep.equal([])
    await client.updateComponentStatus('cmpapi000001', 'major_outage')
    await failure(client.updateComponentStatus('cmpdoc000001', 'partial_outage'))
    expect(trail.service).to.equal('Statuspage')
    expect(trail.targets).to.deep.equal([
      { id: 'cmpapi000001', name: 'API', action: 'major_outage', outcome: 'done' },
      { id: 'cmpdoc000001', name: 'Docs', action: 'partial_outage', outcome: 'failed' }
    ])
    scope.done()
  })

  it('records a new incident by its id once created, and by the name it was to have when the create fails', async () => {
    const trail = new AuditTrail()
    const client = auditedStatuspage(statuspage(), trail)
    const scope = api()
      .post(`${PAGE}/incidents`).reply(201, createdIncident())
      .post(`${PAGE}/incidents`).reply(422, { error: 'name is too long' })
    await client.createIncident({ name: 'Checkout errors', status: 'investigating', body: 'words people wrote' })
    await failure(client.createIncident({ name: 'Second try' }))
    expect(trail.targets).to.deep.equal([
      { id: 'x9m2k4p7q1rs', name: 'Checkout errors', action: 'open investigating', outcome: 'done' },
      { id: '(new incident)', name: 'Second try', action: 'open', outcome: 'failed' }
    ])
    expect(JSON.stringify(trail.targets)).not.to.contain('words people wrote')
    scope.done()
  })

  it('records an incident update by its status, or as an update, never with its text', async () => {
    const trail = new AuditTrail()
    const client = auditedStatuspage(statuspage(), trail)
    const id = 'p31zjtct2jer'
    const scope = getUnresolved(api())
      .patch(`${PAGE}/incidents/${id}`).reply(200, { ...createdIncident(), id, name: 'Zürich builds are failing', status: 'monitoring' })
      .patch(`${PAGE}/incidents/${id}`).reply(200, { ...createdIncident(), id, name: 'Zürich builds are failing' })
    await client.listUnresolvedIncidents()
    await client.updateIncident(id, { status: 'monitoring', body: 'a fix is out' })
    await client.updateIncident(id, { body: 'still watching' })
    expect(trail.targets).to.deep.equal([
      { id, name: 'Zürich builds are failing', action: 'monitoring', outcome: 'done' },
      { id, name: 'Zürich builds are failing', action: 'update', outcome: 'done' }
    ])
    scope.done()
  })

  it('records a maintenance scheduled with its window, and a change to one by its status', async () => {
    const trail = new AuditTrail()
    const client = auditedStatuspage(statuspage(), trail)
    const scope = api()
      .post(`${PAGE}/incidents`).reply(201, createdMaintenance())
      .patch(`${PAGE}/incidents/mntnew000001`).reply(200, { ...createdMaintenance(), status: 'in_progress' })
    await client.createMaintenance({
      name: 'Database upgrade',
      status: 'scheduled',
      scheduled_for: '2026-12-01T22:00:00Z',
      scheduled_until: '2026-12-02T00:00:00Z',
      scheduled_auto_in_progress: true,
      scheduled_auto_completed: true,
      auto_transition_to_maintenance_state: true,
      auto_transition_to_operational_state: true,
      component_ids: ['cmpdoc000001']
    })
    await client.updateMaintenance('mntnew000001', { status: 'in_progress' })
    expect(trail.targets).to.deep.equal([
      { id: 'mntnew000001', name: 'Database upgrade', action: 'schedule 2026-12-01T22:00:00Z → 2026-12-02T00:00:00Z', outcome: 'done' },
      { id: 'mntnew000001', name: 'Database upgrade', action: 'maintenance in_progress', outcome: 'done' }
    ])
    scope.done()
  })
})

describe('the audited alerting backend', () => {
  const ACTOR = { user: 'alice@example.com', source: 'hubot' }

  it('records an action as unconfirmed once accepted and done once its request succeeded, named by #tinyId', async () => {
    const trail = new AuditTrail()
    const backend = auditedBackend(createOpsGenieBackend({ apiKey: KEY }), trail)
    const scope = mockList(opsgenie(), OPEN, [alert(7)])
    const requestId = mockAction(scope, uuid(7), { action: 'close' })
    await backend.listAlerts({ status: 'open' })
    const accepted = await backend.act(uuid(7), { name: 'close' }, ACTOR)
    expect(accepted).to.deep.equal({ kind: 'queued', requestId })
    expect(trail.targets).to.deep.equal([{ id: uuid(7), name: '#7', action: 'close', outcome: 'unconfirmed' }])
    await backend.requestState(requestId)
    expect(trail.service).to.equal('OpsGenie')
    expect(trail.targets).to.deep.equal([{ id: uuid(7), name: '#7', action: 'close', outcome: 'done' }])
    expectDone(scope)
  })

  it('records a note without its text, a snooze with its end, and an action OpsGenie refused as failed', async () => {
    const trail = new AuditTrail()
    const backend = auditedBackend(createOpsGenieBackend({ apiKey: KEY }), trail)
    const scope = opsgenie()
    mockAction(scope, uuid(1), { action: 'notes' })
    mockAction(scope, uuid(1), { action: 'snooze' })
    scope.post(`/v2/alerts/${uuid(2)}/acknowledge`).query({ identifierType: 'id' }).reply(422, { message: 'no such alert', took: 0, requestId: 'r' })
    await backend.act(uuid(1), { name: 'note', note: 'the root password is hunter2' }, ACTOR)
    await backend.act(uuid(1), { name: 'snooze', endTime: '2026-12-04T06:00:00Z' }, ACTOR)
    await failure(backend.act(uuid(2), { name: 'acknowledge' }, ACTOR))
    expect(trail.targets.map(t => [t.action, t.outcome])).to.deep.equal([
      ['note', 'unconfirmed'], ['snooze until 2026-12-04T06:00:00Z', 'unconfirmed'], ['acknowledge', 'failed']
    ])
    expect(JSON.stringify(trail.targets)).not.to.contain('hunter2')
  })
})
