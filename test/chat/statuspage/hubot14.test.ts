// Hubot 14 parity: the same commands give the same answers on Hubot 3.5 and Hubot 14, and help
// lists every command on both, with no message answered twice.
import { expect } from 'chai'
import type nock from 'nock'
import { runtimeOf } from '../../../src/chat/runtime'
import { STATUSPAGE_HELP } from '../../../src/chat/statuspage/help'
import { startBot, HUBOT_VERSIONS, type TestBot } from '../../support/bots'
import { api, configure, createdIncident, getComponents, getPage, getUnresolved, PAGE, patched, severalUnresolved, unresolved } from '../../support/statuspage'

interface Case {
  text: string
  mock: () => nock.Scope
}

const CASES: Case[] = [
  { text: '/status', mock: () => getPage(api()) },
  { text: '/status?', mock: () => getPage(api()) },
  { text: '/status components', mock: () => getComponents(api()) },
  { text: '/status API (EU)?', mock: () => getPage(api()) },
  { text: '/status Dcos down', mock: () => getUnresolved(getComponents(api())) },
  { text: '/status:', mock: () => getPage(api()) },
  { text: '/status: Dcos down', mock: () => getUnresolved(getComponents(api())) },
  { text: '/status build down', mock: () => getUnresolved(getComponents(api())) },
  {
    text: '/status docs down',
    mock: () => getUnresolved(getComponents(api()).patch(`${PAGE}/components/cmpdoc000001`, { component: { status: 'major_outage' } }).reply(200, patched('cmpdoc000001', 'major_outage')))
  },
  {
    text: '/status Zürich Builds partial: recovering',
    mock: () => getUnresolved(getComponents(api())).patch(`${PAGE}/incidents/p31zjtct2jer`).reply(200, unresolved()[0])
  },
  { text: '/status incidents', mock: () => getUnresolved(getComponents(api()), severalUnresolved()) },
  { text: '/status open investigating API major outage: looking', mock: () => api().post(`${PAGE}/incidents`).reply(201, createdIncident()) },
  { text: '/status update still looking', mock: () => getUnresolved(api(), severalUnresolved()) },
  { text: '/status resolve', mock: () => getComponents(getUnresolved(api())).patch(`${PAGE}/incidents/p31zjtct2jer`).reply(200, { ...unresolved()[0], status: 'resolved' }) },
  { text: '/status open', mock: () => api() }
]

/** Ages in replies depend on the clock: compare without them. */
const withoutAges = (text: string): string => text.replace(/\d+ (min|h|days) ago|just now/g, '<age>')

describe('Hubot 14 parity', () => {
  const answers: Record<string, Record<string, string[]>> = {}
  for (const version of HUBOT_VERSIONS) {
    describe(`on Hubot ${version}`, () => {
      let bot: TestBot
      before(async () => { bot = await startBot(version, { alias: '/' }) })
      after(async () => { await bot.stop() })
      // One robot for every case, each case read afresh: its page cache starts empty.
      beforeEach(() => { configure(); runtimeOf(bot.robot).pageCaches.clear() })
      for (const { text, mock } of CASES) {
        it(`answers "${text}" once`, async () => {
          const scope = mock()
          const replies = await bot.say(text)
          scope.done()
          expect(replies).to.have.length(1)
          ;(answers[text] ??= {})[version] = replies.map(withoutAges)
        })
      }
    })
  }

  describe('comparing the two', () => {
    for (const { text } of CASES) {
      it(`gives the same answer to "${text}" on both`, () => {
        expect(answers[text]?.['3.5'], 'Hubot 3.5 answered').to.have.length(1)
        expect(answers[text]['14']).to.deep.equal(answers[text]['3.5'])
      })
    }
  })
})

describe('help', () => {
  let bot: TestBot
  afterEach(async () => { await bot.stop() })

  it('lists every command line on Hubot 3.5 with hubot-help, and nothing else answers', async () => {
    bot = await startBot('3.5', { alias: '/', scripts: [require.resolve('hubot-help/src/help.js')] })
    const replies = await bot.sayAndWait('hubot help', 'alice', 300)
    expect(replies).to.have.length(1)
    for (const entry of STATUSPAGE_HELP) expect(replies[0]).to.contain(`/${entry.usage} - ${entry.description}`)
  })

  it('lists every command on Hubot 14\'s built-in help, and nothing else answers', async () => {
    bot = await startBot('14', { alias: '/' })
    const replies = await bot.sayAndWait('hubot help', 'alice', 300)
    expect(replies).to.have.length(1)
    for (const entry of STATUSPAGE_HELP) expect(replies[0]).to.contain(`${entry.usage} - ${entry.description}`)
  })

  it('answers "hubot status:" once on Hubot 14: the CommandBus does not take it', async () => {
    bot = await startBot('14', { alias: '/' })
    configure()
    const scope = getPage(api())
    const replies = await bot.sayAndWait('hubot status:', 'alice', 300)
    scope.done()
    expect(replies).to.have.length(1)
    expect(replies[0]).to.match(/^Not operational:\n/)
  })

  it('answers a status command once on Hubot 14 even though the help commands are registered', async () => {
    bot = await startBot('14', { alias: '/' })
    configure()
    const scope = getUnresolved(getComponents(api()), [])
    const replies = await bot.say('/status incidents')
    scope.done()
    expect(replies).to.deep.equal(['No unresolved incidents.'])
    expect(await bot.sayAndWait('/statuspage.summary', 'alice', 200)).to.have.length.at.most(1)
  })
})
