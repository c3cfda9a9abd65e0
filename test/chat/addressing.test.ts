// Every command a reply suggests is written the way the bot must be addressed: on Hubot 3.5 and in
// Campfire a bare "status" gets no answer. Here the bot has no alias, so it is addressed by name.
import { expect } from 'chai'
import { startBot, type TestBot } from '../support/bots'
import { describeError } from '../../src/chat/describe-error'
import { TimeoutError, UnavailableError } from '../../src/http/errors'
import { STATUSPAGE } from '../../src/statuspage/service'
import { OPSGENIE } from '../../src/alerting/opsgenie'
import { api, components, configure, getComponents, getMaintenance, getUnresolved, PAGE } from '../support/statuspage'
import { configure as configureGenie, fixture, opsgenie } from '../support/opsgenie'

/** The time the sentences are said at (only a rate limit's "try again after" reads it). */
const AT = { now: Date.now() }

describe('replies name commands the way the bot is addressed (by name, no alias)', () => {
  let bot: TestBot
  beforeEach(async () => {
    configure()
    configureGenie()
    bot = await startBot('3.5')
  })
  afterEach(async () => { await bot.stop() })

  it('usage answers: hubot status open, hubot status update, hubot status components', async () => {
    expect(await bot.say('hubot status open')).to.deep.equal(['Name the incident: hubot status open [<incident status>] <name>[: <message>]'])
    expect(await bot.say('hubot status update')).to.deep.equal(['Say what to add: hubot status update [<incident id>] [<incident status>]: <message>'])
    expect(await bot.say('hubot status components please')).to.deep.equal(['Nothing goes after "components": say just hubot status components'])
  })

  it('an unknown component points at hubot status components', async () => {
    const scope = getMaintenance(getUnresolved(getComponents(api(), components()), []))
    const [reply] = await bot.say('hubot status Dcos?')
    expect(reply).to.match(/\(hubot status components lists them all\.\)$/)
    scope.done()
  })

  it('a write that may have happened says to check with hubot status', async () => {
    const scope = api().post(`${PAGE}/incidents`).reply(503, { message: 'Service Unavailable' })
    const [reply] = await bot.say('hubot status open Checkout errors')
    expect(reply).to.contain('Check its state with hubot status or hubot status incidents before trying again')
    scope.done()
  })

  it('genie whoami says it was set with hubot genie me as', async () => {
    const scope = opsgenie().get('/v2/users/neo@opsgenie.com').reply(200, fixture('user'))
    await bot.say('hubot genie me as neo@opsgenie.com', { name: 'neo', id: 'U1', email_address: 'neo@opsgenie.com' })
    scope.done()
    expect(await bot.say('hubot genie whoami', { name: 'neo', id: 'U1' }))
      .to.deep.equal(['You are neo@opsgenie.com (Thomas Anderson) in OpsGenie (set with hubot genie me as).'])
  })
})

describe('describeError with the address prefix', () => {
  const write = { method: 'POST', path: '/x' }
  it('puts the prefix before every command to check with', () => {
    expect(describeError(new UnavailableError({ service: STATUSPAGE, ...write, status: 503 }, 'x'), { ...AT, prefix: '/' }))
      .to.contain('Check its state with /status or /status incidents before trying again')
    expect(describeError(new TimeoutError({ service: OPSGENIE, ...write }, 'x'), { ...AT, prefix: 'hubot ' }))
      .to.contain('check its state with hubot genie before trying again')
  })
})
