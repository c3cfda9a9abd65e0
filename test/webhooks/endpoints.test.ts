// The webhook endpoints on real Hubot 14 and Hubot 3.5 robots, through Hubot's own HTTP server on
// 127.0.0.1: every action, routing, coalescing of a flood, duplicates, unknown actions, secrets,
// oversized and malformed bodies, what is logged, and the bot's own Statuspage changes.
import { expect } from 'chai'
import { HUBOT_VERSIONS, startBot, type HubotVersion, type TestBot } from '../support/bots'
import { allowLoopback, sleep } from '../sandbox/http'
import { api, configure, getComponents, getUnresolved, PAGE } from '../support/statuspage'
import { ACTIONS, alertBody, componentBody, fixture, incidentBody } from './payloads'
import { accounted } from './support'

const OG_SECRET = 'og-hook-Secret-7Hq2Lp9Xw4'
const SP_SECRET = 'sp-hook-Secret-3Vd8Kz1Nm6'

interface Sent { status: number, text: string }

async function post (url: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Sent> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body)
  })
  return { status: res.status, text: await res.text() }
}

const toAlerts = (bot: TestBot, body: unknown, secret = OG_SECRET): Promise<Sent> =>
  post(bot.url!, '/hubot/opsgenie', body, { 'X-Hubot-Secret': secret })
const toStatuspage = (bot: TestBot, body: unknown, secret = SP_SECRET): Promise<Sent> =>
  post(bot.url!, `/hubot/statuspage/${secret}`, body)

const roomPosts = (bot: TestBot, room: string): string[] => bot.posts.filter(p => p.room === room).map(p => p.text)

async function until (what: string, check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(20)
  }
}

function configureWebhooks (extra: Record<string, string> = {}): void {
  Object.assign(process.env, {
    HUBOT_OPSGENIE_WEBHOOK_SECRET: OG_SECRET,
    HUBOT_OPSGENIE_ROOM: 'ops',
    HUBOT_STATUSPAGE_WEBHOOK_SECRET: SP_SECRET,
    HUBOT_STATUSPAGE_ROOM: 'ops',
    HUBOT_WEBHOOK_COALESCE_MS: '0',
    ...extra
  })
}

for (const version of HUBOT_VERSIONS) {
  describe(`webhooks on Hubot ${version}`, () => {
    allowLoopback()
    let bot: TestBot
    let printed: string[] = []
    const saved = { log: console.log, error: console.error, warn: console.warn }

    const start = async (v: HubotVersion = version): Promise<TestBot> => {
      bot = await startBot(v, { http: true, alias: '/' })
      return bot
    }

    beforeEach(() => {
      configureWebhooks()
      printed = []
      // Whatever Express or Hubot print outside the logger (stack traces, URLs) is caught here.
      for (const name of ['log', 'error', 'warn'] as const) {
        console[name] = (...args: unknown[]) => { printed.push(args.map(String).join(' ')) }
      }
    })

    afterEach(async () => {
      Object.assign(console, saved)
      const everything = [...(bot?.logs ?? []), ...printed, ...(bot?.sent ?? []), ...(bot?.posts ?? []).map(p => p.text)].join('\n')
      expect(everything, 'a webhook secret was logged, printed or posted').not.to.include(OG_SECRET).and.not.to.include(SP_SECRET)
      expect(printed.join('\n'), 'Express or Hubot printed something (an error page, a stack)').to.equal('')
      await bot?.stop()
    })

    describe('alerts', () => {
      it('posts one line per event for every action, into HUBOT_OPSGENIE_ROOM, with the documented examples', async () => {
        await start()
        for (const body of [fixture('opsgenie-create-docs.json'), fixture('opsgenie-acknowledge-docs.json'), ...ACTIONS.map(a => alertBody(a))]) {
          const sent = await toAlerts(bot, body)
          expect(sent).to.deep.equal({ status: 202, text: '' })
        }
        await until('14 posts', () => roomPosts(bot, 'ops').length === 14)
        const posts = roomPosts(bot, 'ops')
        expect(posts[0]).to.equal('New alert #23: test alert [tag1, tag2]. Ack: /genie ack 23 https://app.opsgenie.com/alert/detail/052652ac-5d1c-464a-812a-7dd18bbfba8c/details')
        expect(posts[1]).to.equal('#23 acknowledged by fili@ifountain.com: test alert')
        expect(posts[2]).to.match(/^New alert #201 P1: Build queue wait above 10 minutes \[builds\]\. Ack: \/genie ack 201 https:\/\/app\.opsgenie\.com\/alert\/detail\//)
        expect(posts.slice(3)).to.satisfy((lines: string[]) => lines.every(l => l.includes('#201')))
        expect(posts.find(p => p.startsWith('ESCALATED'))).to.include('(Platform escalation)').and.include('Ack: /genie ack 201')
        expect(posts.find(p => p.includes('closed by ana@example.com'))).to.equal('#201 closed by ana@example.com: Build queue wait above 10 minutes')
        expect(posts.at(-1)).to.equal('#201 RestartService by ana@example.com: Build queue wait above 10 minutes')
        expect(bot.posts.every(p => p.room === 'ops')).to.equal(true)
      })

      it('takes the secret as the last path segment for senders that cannot add a header', async () => {
        await start()
        expect((await post(bot.url!, `/hubot/opsgenie/${OG_SECRET}`, alertBody('Close'))).status).to.equal(202)
        expect(roomPosts(bot, 'ops')).to.have.length(1)
      })

      it('uses HUBOT_OPSGENIE_WEB_URL for links, and the alert id in the ack command for JSM Operations', async () => {
        process.env.HUBOT_OPSGENIE_WEB_URL = 'https://example.atlassian.net/jira/ops/alerts/{alertId}'
        process.env.HUBOT_JSM_CLOUD_ID = 'cloud-1'
        await start()
        await toAlerts(bot, alertBody('Create', { tinyId: '7', alertId: 'a1b2-c3' }))
        expect(roomPosts(bot, 'ops')).to.deep.equal(['New alert #7 P1: Build queue wait above 10 minutes [builds]. Ack: /genie ack a1b2-c3 https://example.atlassian.net/jira/ops/alerts/a1b2-c3'])
      })

      it('routes by priority, team and tag, reports a bad rule once at start, and keeps the good ones', async () => {
        process.env.HUBOT_OPSGENIE_ROUTES = 'priority:P1=incidents; team:db=dba; colour:red=nowhere; tag:payments=payments,incidents'
        await start()
        const problems = bot.logs.filter(l => l.includes('HUBOT_OPSGENIE_ROUTES'))
        expect(problems).to.have.length(1)
        expect(problems[0]).to.match(/^error: \[webhooks\] HUBOT_OPSGENIE_ROUTES: rule 3 "colour:red=nowhere" has an unknown field "colour" \(use priority, team or tag\); that rule is skipped/)
        await toAlerts(bot, alertBody('Create', { tinyId: '1', priority: 'P1', teams: [], tags: [] }))
        await toAlerts(bot, alertBody('Create', { tinyId: '2', priority: 'P3', teams: ['DB'], tags: [] }))
        await toAlerts(bot, alertBody('Create', { tinyId: '3', priority: 'P3', teams: [], tags: ['payments'] }))
        await toAlerts(bot, alertBody('Create', { tinyId: '4', priority: 'P4', teams: ['web'], tags: ['x'] }))
        const where = (id: string): string[] => bot.posts.filter(p => p.text.startsWith(`New alert #${id} `)).map(p => p.room ?? '')
        expect(where('1')).to.deep.equal(['incidents'])
        expect(where('2')).to.deep.equal(['dba'])
        expect(where('3')).to.deep.equal(['payments', 'incidents'])
        expect(where('4')).to.deep.equal(['ops'])
        expect(bot.logs.filter(l => l.includes('HUBOT_OPSGENIE_ROUTES')), 'reported once, not per delivery').to.have.length(1)
      })

      it('coalesces 200 events in a few seconds into a handful of messages that account for all 200', async () => {
        process.env.HUBOT_WEBHOOK_COALESCE_MS = '400'
        await start()
        const started = Date.now()
        for (let batch = 0; batch < 10; batch++) {
          const sends = Array.from({ length: 20 }, (_, i) => {
            const n = batch * 20 + i
            return toAlerts(bot, alertBody(n % 10 === 9 ? 'Acknowledge' : 'Create', { tinyId: String(1000 + n), priority: 'P3', message: `disk usage ${90 + (n % 3)}% on build-07` }))
          })
          expect((await Promise.all(sends)).map(s => s.status)).to.satisfy((s: number[]) => s.every(x => x === 202))
          await sleep(100)
        }
        await until('all 200 events posted', () => roomPosts(bot, 'ops').reduce((n, t) => n + accounted(t), 0) === 200)
        const posts = roomPosts(bot, 'ops')
        const seconds = (Date.now() - started) / 1000
        expect(posts.length, `${posts.length} messages in ${seconds}s`).to.be.at.most(Math.ceil(seconds / 0.4) + 1).and.to.be.at.most(12)
        expect(posts.some(p => /^\d+ events since the last message:\n\d+ new alerts: #\d+–#\d+/.test(p))).to.equal(true)
      })

      it('posts a duplicate delivery once', async () => {
        await start()
        const body = alertBody('Acknowledge')
        for (let i = 0; i < 3; i++) expect((await toAlerts(bot, body)).status).to.equal(202)
        expect(roomPosts(bot, 'ops')).to.deep.equal(['#201 acknowledged by ana@example.com: Build queue wait above 10 minutes'])
      })

      it('ignores a body it cannot use with a debug line, and never crashes on odd fields', async () => {
        await start()
        for (const body of [{}, { action: 'Create' }, [], { action: 'Create', alert: { tinyId: { x: 1 }, tags: 'x' } }]) {
          expect((await toAlerts(bot, body)).status).to.equal(202)
        }
        // JSON, but not an object or a list: refused like any body that is not a webhook's.
        expect((await toAlerts(bot, 'null')).status).to.equal(400)
        expect((await toAlerts(bot, '"text"')).status).to.equal(400)
        expect(roomPosts(bot, 'ops')).to.deep.equal([])
        const odd = { action: 'Close', alert: { tinyId: 12, message: ['x'], tags: [1, null], teams: 'db', username: 5 } }
        expect((await toAlerts(bot, odd)).status).to.equal(202)
        expect(roomPosts(bot, 'ops')).to.deep.equal(['#12 closed by 5'])
      })
    })

    describe('secrets and bodies', () => {
      it('answers 404 and posts nothing until a secret is set', async () => {
        delete process.env.HUBOT_OPSGENIE_WEBHOOK_SECRET
        delete process.env.HUBOT_STATUSPAGE_WEBHOOK_SECRET
        await start()
        expect(await toAlerts(bot, alertBody('Create'), 'anything')).to.deep.equal({ status: 404, text: '' })
        expect(await toStatuspage(bot, componentBody('c1', 'API', 'operational', 'major_outage'), 'anything')).to.deep.equal({ status: 404, text: '' })
        expect(bot.posts).to.deep.equal([])
      })

      it('answers 401 with no detail to a wrong or missing secret, posts nothing, and logs one line a minute', async () => {
        await start()
        const wrong = [
          await toAlerts(bot, alertBody('Create'), `${OG_SECRET}x`),
          await post(bot.url!, '/hubot/opsgenie', alertBody('Create')),
          await post(bot.url!, `/hubot/opsgenie/${OG_SECRET.slice(0, -1)}`, alertBody('Create')),
          await toAlerts(bot, alertBody('Create'), SP_SECRET),
          await toStatuspage(bot, componentBody('c1', 'API', 'operational', 'major_outage'), OG_SECRET)
        ]
        expect(wrong).to.deep.equal(Array(5).fill({ status: 401, text: '' }))
        expect(bot.posts).to.deep.equal([])
        const lines = bot.logs.filter(l => l.includes('wrong or missing secret'))
        expect(lines).to.deep.equal([
          'warn: [webhooks] refused a call to the opsgenie webhook: wrong or missing secret (at most one such line a minute)',
          'warn: [webhooks] refused a call to the statuspage webhook: wrong or missing secret (at most one such line a minute)'
        ].map(l => (version === '3.5' ? l.replace(/^warn:/, 'warning:') : l)))
      })

      it('refuses a body over HUBOT_WEBHOOK_MAX_BYTES with 413, whether Hubot\'s parser or ours read it', async () => {
        process.env.EXPRESS_LIMIT = '1mb'
        await start()
        const big = alertBody('Create', { extra: { description: 'x'.repeat(300 * 1024) } })
        expect(await toAlerts(bot, big)).to.deep.equal({ status: 413, text: '' })
        const plain = await fetch(`${bot.url!}/hubot/opsgenie`, { method: 'POST', headers: { 'X-Hubot-Secret': OG_SECRET, 'Content-Type': 'text/plain' }, body: JSON.stringify(big) })
        expect(plain.status).to.equal(413)
        process.env.HUBOT_WEBHOOK_MAX_BYTES = '2048'
        expect((await toAlerts(bot, alertBody('Create', { extra: { description: 'x'.repeat(3000) } }))).status).to.equal(413)
        expect(bot.posts).to.deep.equal([])
      })

      it('refuses a body over Hubot\'s own EXPRESS_LIMIT (default 100kb) with a bare 413 too', async () => {
        await start()
        const big = alertBody('Create', { extra: { description: 'x'.repeat(150 * 1024) } })
        expect(await toAlerts(bot, big)).to.deep.equal({ status: 413, text: '' })
        expect(await toAlerts(bot, big, 'wrong-secret')).to.deep.equal({ status: 401, text: '' })
        expect(bot.posts).to.deep.equal([])
      })

      it('answers 400 to a body that is not JSON, and posts nothing', async () => {
        await start()
        expect(await toAlerts(bot, '{"action": "Create", "alert": {')).to.deep.equal({ status: 400, text: '' })
        expect(await toStatuspage(bot, 'not json at all')).to.deep.equal({ status: 400, text: '' })
        const plain = await fetch(`${bot.url!}/hubot/opsgenie`, { method: 'POST', headers: { 'X-Hubot-Secret': OG_SECRET, 'Content-Type': 'text/plain' }, body: '{oops' })
        expect(plain.status).to.equal(400)
        const empty = await fetch(`${bot.url!}/hubot/opsgenie`, { method: 'POST', headers: { 'X-Hubot-Secret': OG_SECRET } })
        expect(empty.status).to.equal(400)
        expect(bot.posts).to.deep.equal([])
      })

      it('/webhooks says what is on and where it posts, never the secrets', async () => {
        process.env.HUBOT_OPSGENIE_ROUTES = 'priority:P1=incidents'
        await start()
        await toAlerts(bot, alertBody('Create'))
        await toAlerts(bot, alertBody('Create'), 'nope')
        const [reply] = await bot.say('/webhooks')
        expect(reply).to.equal([
          'Alerts (OpsGenie / JSM): on at POST /hubot/opsgenie; default room ops, 1 routing rule.',
          'Statuspage: on at POST /hubot/statuspage/<secret>; room ops.',
          'At most one message per room every 0s. Since start: 1 alert event; 0 Statuspage events; 1 message posted; 1 call refused (wrong or missing secret).'
        ].join('\n'))
      })
    })

    it('without Hubot\'s HTTP server: one warning at start, and /webhooks says so', async () => {
      bot = await startBot(version, { alias: '/' })
      expect(bot.url).to.equal(undefined)
      expect(bot.logs.filter(l => l.includes('[webhooks]'))).to.deep.equal([
        `${version === '3.5' ? 'warning' : 'warn'}: [webhooks] Hubot's HTTP server is off, so the webhook endpoints are not listening (start Hubot without --disable-httpd).`
      ])
      const [reply] = await bot.say('/webhooks')
      expect(reply.split('\n')[0]).to.equal('Hubot\'s HTTP server is off, so no webhook endpoint is listening (start Hubot without --disable-httpd).')
    })

    describe('Statuspage', () => {
      it('posts component changes (the documented example) and incident changes into HUBOT_STATUSPAGE_ROOM', async () => {
        process.env.HUBOT_STATUSPAGE_ROOM = 'status'
        await start()
        expect((await toStatuspage(bot, fixture('statuspage-component-docs.json'))).status).to.equal(202)
        expect((await toStatuspage(bot, fixture('statuspage-incident-docs.json'))).status).to.equal(202)
        expect((await toStatuspage(bot, fixture('statuspage-incident-docs.json'))).status, 'a duplicate').to.equal(202)
        expect(roomPosts(bot, 'status')).to.deep.equal([
          'Statuspage: Some Component: major outage → operational.',
          'Statuspage incident Virginia Is Down (lbkhbwn21v5q): monitoring, critical impact. "A fix has been implemented and we are monitoring the results." http://j.mp/18zyDQx'
        ])
      })

      it('does not announce again a change the bot just made from chat in the same room, but does in another room', async () => {
        configure()
        process.env.HUBOT_STATUSPAGE_ROOM = 'room1'
        await start()
        const scope = getUnresolved(getComponents(api()))
        scope.patch(`${PAGE}/components/cmpbld000001`, { component: { status: 'major_outage' } })
          .reply(200, { id: 'cmpbld000001', name: 'Build Processing', status: 'major_outage' })
        const [reply] = await bot.say('/status build processing major')
        expect(reply).to.match(/^Build Processing: operational → major outage\./)
        scope.done()
        await toStatuspage(bot, componentBody('cmpbld000001', 'Build Processing', 'operational', 'major_outage'))
        const announced = (): string[] => roomPosts(bot, 'room1').filter(t => t.startsWith('Statuspage'))
        expect(announced()).to.deep.equal([])
        // Someone else sets it again later on the web: that one is news.
        await toStatuspage(bot, componentBody('cmpbld000001', 'Build Processing', 'operational', 'major_outage'))
        expect(announced()).to.deep.equal(['Statuspage: Build Processing: operational → major outage.'])
      })

      it('announces the bot\'s own change when the Statuspage room is another room', async () => {
        configure()
        process.env.HUBOT_STATUSPAGE_ROOM = 'status'
        await start()
        const scope = getUnresolved(getComponents(api()))
        scope.patch(`${PAGE}/components/cmpbld000001`).reply(200, { id: 'cmpbld000001', name: 'Build Processing', status: 'major_outage' })
        await bot.say('/status build processing major')
        await toStatuspage(bot, componentBody('cmpbld000001', 'Build Processing', 'operational', 'major_outage'))
        expect(roomPosts(bot, 'status')).to.deep.equal(['Statuspage: Build Processing: operational → major outage.'])
      })

      it('posts an incident created on the web with its latest update', async () => {
        await start()
        await toStatuspage(bot, incidentBody('inc1', 'Builds delayed', 'investigating', 'We are looking into delayed builds.'))
        expect(roomPosts(bot, 'ops')).to.deep.equal(['Statuspage incident Builds delayed (inc1): investigating, minor impact. "We are looking into delayed builds." https://stspg.io/abc123'])
      })
    })
  })
}
