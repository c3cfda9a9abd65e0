import { expect } from 'chai'
import { actAndConfirm, confirmRequest } from '../../src/alerting/actions'
import type { AlertingBackend } from '../../src/alerting/backend'
import type { RequestState } from '../../src/alerting/types'
import { InvalidRequestError, TimeoutError, UnavailableError } from '../../src/http/errors'
import { OPSGENIE } from '../../src/alerting/opsgenie'
import { FakeClock } from '../support/fake-clock'

/** A backend whose request states come from a script, with a fake clock the sleeps advance. */
function scripted (
  states: Array<RequestState | Error>
): { backend: AlertingBackend, sleeps: number[], clock: FakeClock } {
  const clock = new FakeClock(0, { sleepsAdvance: true })
  const backend = {
    service: 'OpsGenie',
    supportsTinyIds: true,
    act: async () => 'req-1',
    requestState: async () => {
      const next = states.length > 1 ? states.shift()! : states[0]
      if (next instanceof Error) throw next
      return next
    }
  } as unknown as AlertingBackend
  return { backend, sleeps: clock.slept, clock }
}

const info = { service: OPSGENIE, method: 'GET', path: '/v2/alerts/requests/req-1' }

describe('confirmRequest', () => {
  it('confirms a request that OpsGenie processed successfully on the first question', async () => {
    const { backend, clock } = scripted([{ processed: true, isSuccess: true, status: 'Acknowledged alert' }])
    expect(await confirmRequest(backend, 'req-1', { timeoutMs: 1000, clock })).to.deep.equal({ state: 'confirmed' })
  })

  it('keeps asking with a growing wait while the request is not processed, then confirms it', async () => {
    const { backend, sleeps, clock } = scripted([{ processed: false }, { processed: false }, { processed: false }, { processed: true, isSuccess: true, status: '' }])
    const outcome = await confirmRequest(backend, 'req-1', { timeoutMs: 15_000, clock })
    expect(outcome).to.deep.equal({ state: 'confirmed' })
    expect(sleeps).to.deep.equal([200, 400, 800])
  })

  it('stops at the bound and calls the request unconfirmed, never confirmed', async () => {
    const { backend, sleeps, clock } = scripted([{ processed: false }])
    const outcome = await confirmRequest(backend, 'req-1', { timeoutMs: 5_000, clock })
    expect(outcome).to.deep.equal({ state: 'unconfirmed', reason: 'timeout' })
    expect(sleeps).to.deep.equal([200, 400, 800, 1600, 2000])
    expect(sleeps.reduce((a, b) => a + b)).to.equal(5_000)
  })

  it('reports a processed request with isSuccess false as failed with the status as reason', async () => {
    const { backend, clock } = scripted([{ processed: true, isSuccess: false, status: 'Alert does not exist' }])
    expect(await confirmRequest(backend, 'req-1', { timeoutMs: 1000, clock })).to.deep.equal({ state: 'failed', reason: 'Alert does not exist' })
  })

  it('calls the request unconfirmed when the state cannot be read', async () => {
    const error = new UnavailableError({ ...info, status: 500 }, 'x')
    const { backend, clock } = scripted([error])
    expect(await confirmRequest(backend, 'req-1', { timeoutMs: 1000, clock })).to.deep.equal({ state: 'unconfirmed', reason: 'check', error })
  })
})

describe('actAndConfirm', () => {
  it('reports a refused request as failed and a timed-out one as unconfirmed', async () => {
    const { backend, clock } = scripted([{ processed: true, isSuccess: true, status: '' }])
    const refused = new InvalidRequestError({ ...info, status: 422 }, 'x')
    backend.act = async () => { throw refused }
    expect(await actAndConfirm(backend, { alertId: 'a', action: { name: 'acknowledge' }, actor: { user: 'u', source: 'hubot' } }, { timeoutMs: 10, clock })).to.deep.equal({ state: 'failed', error: refused })
    // The action itself (a POST) timed out: it may have reached OpsGenie.
    const slow = new TimeoutError({ ...info, method: 'POST', path: '/v2/alerts/a/acknowledge' }, 'x')
    backend.act = async () => { throw slow }
    expect(await actAndConfirm(backend, { alertId: 'a', action: { name: 'acknowledge' }, actor: { user: 'u', source: 'hubot' } }, { timeoutMs: 10, clock })).to.deep.equal({ state: 'unconfirmed', reason: 'error', error: slow })
  })
})
