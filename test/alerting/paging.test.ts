import { expect } from 'chai'
import { createBody, newAlert, pageAlias, type PageRequest } from '../../src/alerting/paging'

const request = (over: Partial<PageRequest> = {}): PageRequest => ({
  responder: { type: 'team', id: 't1', name: 'Platform' },
  priority: 'P1',
  text: 'Checkout is down',
  who: 'dana',
  room: 'ops',
  at: Date.UTC(2026, 11, 4, 3, 20, 10),
  ...over
})

describe('paging: the alert a page creates', () => {
  it('gives the same alias to the same room, message and minute, and another for any of them changed', () => {
    const at = Date.UTC(2026, 11, 4, 3, 20, 0)
    const alias = pageAlias('ops', 'Checkout is down', at)
    expect(alias).to.match(/^chat-page-[0-9a-f]{32}$/)
    expect(pageAlias('ops', 'Checkout is down', at + 59_999)).to.equal(alias)
    expect(pageAlias('ops', 'Checkout is down', at + 60_000)).to.not.equal(alias)
    expect(pageAlias('dev', 'Checkout is down', at)).to.not.equal(alias)
    expect(pageAlias('ops', 'Checkout is slow', at)).to.not.equal(alias)
  })

  it('says who paged, from where and to whom in the description, with the whole text', () => {
    const alert = newAlert(request())
    expect(alert.message).to.equal('Checkout is down')
    expect(alert.description).to.equal('Paged from chat by dana in ops, to team Platform.\n\nCheckout is down')
    expect(alert.priority).to.equal('P1')
    expect(alert.tags).to.deep.equal(['paged-from-chat'])
    expect(alert.responders).to.deep.equal([{ type: 'team', id: 't1', name: 'Platform' }])
  })

  it('cuts a long message to 130 characters with an ellipsis and keeps it whole in the description', () => {
    const text = 'x'.repeat(200)
    const alert = newAlert(request({ text }))
    expect(alert.message).to.have.length(130)
    expect(alert.message.endsWith('…')).to.equal(true)
    expect(alert.description.endsWith(text)).to.equal(true)
  })

  it('sends no priority when none was asked (the service default applies)', () => {
    expect(newAlert(request({ priority: undefined }))).to.not.have.property('priority')
  })

  it('spells the create body as OpsGenie does, with who and from where', () => {
    const body = createBody(newAlert(request()), 'dana@example.com', 'hubot')
    expect(body).to.include({ message: 'Checkout is down', priority: 'P1', user: 'dana@example.com', source: 'hubot' })
    expect(body.alias).to.match(/^chat-page-/)
    expect(body.tags).to.deep.equal(['paged-from-chat'])
    expect(body.responders).to.be.an('array').with.length(1)
  })
})
