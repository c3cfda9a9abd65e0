// #13 through a real robot: after a fault on a create or a write, the reply says it may have
// happened and names the command that shows the state; every body is checked before it is
// formatted; long messages cost bounded work and are never echoed whole.
import { expect } from 'chai'
import type nock from 'nock'
import { botForEachTest } from '../../support/bots'
import { api, components, configure, createdIncident, getComponents, getMaintenance, getUnresolved, onlyReply, PAGE, unresolved, API_KEY } from '../../support/statuspage'

/** What nock 14 needs to make axios see a reset (a plain object is never delivered: the request hangs). */
const reset = (): Error => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })

const MAY_HAVE = 'may or may not have been carried out. Check its state with /status or /status incidents before trying again'
const PAGE_QUERY = { page: '1', per_page: '100' }

describe('Statuspage faults never mislead (Hubot 3.5)', () => {
  const bot = botForEachTest(configure, bot => {
    expect([...bot.sent, ...bot.logs].join('\n')).not.to.contain(API_KEY)
  })
  const ask = async (text: string): Promise<string> => await onlyReply(bot, text)

  /** Counts the requests one interceptor chain receives. */
  const counted = (scope: nock.Scope): () => number => {
    let n = 0
    scope.on('request', () => { n++ })
    return () => n
  }

  describe('a connection reset on each create says it may have happened, and sends it once', () => {
    it('status open', async () => {
      const scope = api().post(`${PAGE}/incidents`).replyWithError(reset())
      const requests = counted(scope)
      expect(await ask('/status open Checkout errors')).to.equal(`The connection to Statuspage failed (ECONNRESET) after the request was sent: it ${MAY_HAVE}.`)
      expect(requests()).to.equal(1)
      scope.done()
    })

    it('a component set with a message (opens an incident)', async () => {
      const scope = getUnresolved(getComponents(api()), []).post(`${PAGE}/incidents`).replyWithError(reset())
      const reply = await ask('/status Docs down: we are looking')
      expect(reply).to.contain('ECONNRESET) after the request was sent: it may or may not have been carried out')
      expect(reply).not.to.match(/try again\.$|Nothing was changed/)
      scope.done()
    })

    it('a component set with a message on the covering incident (retried PATCH, then the same words)', async () => {
      const scope = getUnresolved(getComponents(api()))
      scope.patch(`${PAGE}/incidents/p31zjtct2jer`).times(3).replyWithError(reset())
      expect(await ask('/status zürich builds partial: recovering')).to.equal(`The connection to Statuspage failed (ECONNRESET) after the request was sent: it ${MAY_HAVE}.`)
      scope.done()
    })
  })

  it('a group set where one component PATCH loses its connection calls that one not confirmed, not unchanged', async () => {
    const scope = getComponents(api())
    scope.patch(`${PAGE}/components/cmpapi000001`).reply(200, { ...components()[1], status: 'major_outage' })
    scope.patch(`${PAGE}/components/cmpweb000001`).times(3).replyWithError(reset())
    getUnresolved(scope)
    const reply = await ask('/status core down')
    expect(reply.split('\n').slice(0, 3)).to.deep.equal([
      'Core is a group: its state follows its 2 components, each shown below.',
      '• API: operational → major outage',
      `• Web App: not confirmed (The connection to Statuspage failed (ECONNRESET) after the request was sent: it ${MAY_HAVE}.)`
    ])
    scope.done()
  })

  describe('{} and null fields: read answers', () => {
    const reads: Array<[string, string, (s: nock.Scope) => void, string]> = [
      ['components as {}', '/status components', s => s.get(`${PAGE}/components`).query(PAGE_QUERY).reply(200, {}), 'the answer is an object, not a list'],
      ['a component with a null name', '/status components',
        s => getComponents(s, [...components().slice(0, 2), { ...components()[2], name: null } as any]), '[2].name is null, not text'],
      ['an unresolved incident with a null id', '/status incidents',
        s => getUnresolved(getComponents(s), [{ ...unresolved()[0], id: null } as any]), '[0].id is null, not a non-empty text'],
      ['an incident read as {}', '/status resolve zzzzzzzzzzz1', s => s.get(`${PAGE}/incidents/zzzzzzzzzzz1`).reply(200, {}), 'id is undefined, not a non-empty text']
    ]
    for (const [what, command, mock, problem] of reads) {
      it(`${what}: a bad_response reply naming the field, nothing formatted from it`, async () => {
        const scope = api()
        mock(scope)
        expect(await ask(command)).to.equal(`Statuspage answered with JSON of an unexpected shape (${problem}). Nothing was changed: try again in a minute, or use https://manage.statuspage.io.`)
        scope.done()
      })
    }

    it('tells a body that is not JSON apart from {}', async () => {
      const scope = api().get(`${PAGE}/components`).query(PAGE_QUERY).reply(200, '<html>maintenance</html>')
      expect(await ask('/status components')).to.match(/^Statuspage answered with something that is not JSON \(a proxy or maintenance page\?\)\. Nothing was changed/)
      scope.done()
    })
  })

  describe('{} and null fields: write answers say the write may have happened', () => {
    it('a component PATCH answered {}', async () => {
      const scope = getUnresolved(getComponents(api())).patch(`${PAGE}/components/cmpdoc000001`).reply(200, {})
      expect(await ask('/status docs down')).to.equal(`Statuspage answered with JSON of an unexpected shape (id is undefined, not a non-empty text), so the request ${MAY_HAVE}, or use https://manage.statuspage.io.`)
      scope.done()
    })

    it('an incident POST answered with a null id and name', async () => {
      const scope = api().post(`${PAGE}/incidents`).reply(201, { ...createdIncident(), id: null, name: null })
      const reply = await ask('/status open Checkout errors')
      expect(reply).to.contain(`(id is null, not a non-empty text), so the request ${MAY_HAVE}`)
      expect(reply).not.to.contain('null (')
      scope.done()
    })

    it('a resolve PATCH answered {} never says "Resolved incident undefined"', async () => {
      const scope = getUnresolved(getComponents(api())).patch(`${PAGE}/incidents/p31zjtct2jer`).reply(200, {})
      const reply = await ask('/status resolve: all good')
      expect(reply).not.to.contain('Resolved incident')
      expect(reply).to.contain(`(id is undefined, not a non-empty text), so the request ${MAY_HAVE}`)
      scope.done()
    })

    it('an update PATCH answered with null fields', async () => {
      const scope = getUnresolved(api()).patch(`${PAGE}/incidents/p31zjtct2jer`).reply(200, { ...unresolved()[0], name: null, status: null })
      expect(await ask('/status update monitoring fix is out')).to.contain(`(name is null, not text), so the request ${MAY_HAVE}`)
      scope.done()
    })
  })

  describe('long messages', () => {
    it('answers a 20,000-character "<component> <mistyped state>: ..." with one short reply', async () => {
      const scope = getMaintenance(getComponents(api()).get(`${PAGE}/incidents/unresolved`).query(PAGE_QUERY).reply(200, []))
      const reply = await ask(`/status API degarded: ${'a '.repeat(10_000)}`)
      expect(reply).to.match(/^"degarded" is not a state\. Say \/status Core › API <state>/)
      expect(reply.length).to.be.below(300)
      scope.done()
    })

    it('refuses a 3,000-character component name without echoing it or calling the API', async () => {
      const name = 'N'.repeat(3000)
      expect(await ask(`/status ${name} down`)).to.equal('That component name is too long (3,000 characters; at most 2,000). Nothing was changed.')
    })

    it('echoes an unknown name of 1,500 characters cut short, with an ellipsis', async () => {
      const scope = getMaintenance(getComponents(api()).get(`${PAGE}/incidents/unresolved`).query(PAGE_QUERY).reply(200, []))
      const reply = await ask(`/status ${'Q'.repeat(1500)}?`)
      expect(reply).to.match(/^No component is called "Q{79}…"\. Nothing was changed/)
      scope.done()
    })

    it('refuses a message over the incident body limit', async () => {
      expect(await ask(`/status update ${'m'.repeat(25_001)}`)).to.equal('That message is too long (25,001 characters; at most 25,000). Nothing was changed.')
    })
  })
})
