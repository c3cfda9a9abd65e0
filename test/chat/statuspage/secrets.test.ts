// The API key never reaches the room or the log, whatever the API does; it is sent only as `OAuth <key>`.
import { expect } from 'chai'
import nock from 'nock'
import { botForEachTest } from '../../support/bots'
import { API_KEY, API_URL, configure, createdIncident, getComponents, getMaintenance, getUnresolved, PAGE, patched } from '../../support/statuspage'

describe('Statuspage API key', () => {
  const bot = botForEachTest(configure)

  it('is sent as "OAuth <key>" and never appears in replies or logs, on success or failure', async () => {
    // Every command reads afresh here (no cache), so each failure below is met.
    process.env.HUBOT_STATUSPAGE_CACHE_SECONDS = '0'
    // Only requests with exactly this header match: a wrong header would find no interceptor.
    const scope = nock(API_URL).matchHeader('authorization', `OAuth ${API_KEY}`)
    getMaintenance(getUnresolved(getComponents(scope)))
    getComponents(scope).patch(`${PAGE}/components/cmpdoc000001`).reply(200, patched('cmpdoc000001', 'major_outage'))
    getUnresolved(scope)
    scope.post(`${PAGE}/incidents`).reply(201, createdIncident())
    // Failures whose bodies and errors echo the key back.
    getComponents(scope) // status incidents reads the components too (to name them with their groups)
    scope.get(`${PAGE}/incidents/unresolved`).query(true).reply(401, { error: `Could not authenticate key ${API_KEY}` })
    scope.get(`${PAGE}/components`).query(true).reply(422, { error: [`bad Authorization: OAuth ${API_KEY}`] })
    scope.get(`${PAGE}/incidents/p31zjtct2jer`).times(3).replyWithError(Object.assign(new Error(`connect failed with ${API_KEY}`), { code: 'EPROTO' }))

    const replies = [
      ...await bot.say('/status'),
      ...await bot.say('/status docs down'),
      ...await bot.say('/status open Checkout errors'),
      ...await bot.say('/status incidents'),
      ...await bot.say('/status components'),
      ...await bot.say('/status resolve p31zjtct2jer')
    ]
    scope.done()
    expect(replies).to.have.length(6)
    expect(replies[3]).to.contain('Statuspage rejected the API key (401) (Statuspage says: Could not authenticate key [REDACTED])')
    expect(replies[4]).to.contain('OAuth [REDACTED]')
    expect(bot.sent.join('\n')).to.not.contain(API_KEY)
    expect(bot.logs.length).to.be.greaterThan(0)
    expect(bot.logs.join('\n')).to.not.contain(API_KEY)
  })

  it('is not shown when the configuration is incomplete', async () => {
    delete process.env.HUBOT_STATUSPAGE_PAGE_ID
    await bot.say('/status')
    expect(bot.sent.join('\n')).to.not.contain(API_KEY)
    expect(bot.logs.join('\n')).to.not.contain(API_KEY)
  })
})
