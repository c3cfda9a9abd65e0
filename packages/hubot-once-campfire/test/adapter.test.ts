// The adapter in real Hubot robots (14 and 3.5) against the ONCE Campfire stand-in: what a person
// says in Campfire reaches the listeners, what Hubot says arrives in the right room as HTML, and
// the webhook is always an empty 204, whatever is sent to it.
import { expect } from 'chai'
import http from 'node:http'
import { WEBHOOK_TIMEOUT_TEXT, type OnceCampfireStandIn } from './stand-in/once-campfire'
import { startRobot, VERSIONS, type TestRobot } from './robots'
import { ALICE, allowLoopback, campfireWithRooms, WEBHOOK_PATH } from './support'

const BOB = { id: 43, name: 'Bob' }

/** A raw request to the bot's web server: status, headers and body as they arrived. */
function raw (url: string, method: string, body?: string, contentType = 'application/json'): Promise<{ status: number, headers: http.IncomingHttpHeaders, body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: body === undefined ? {} : { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

for (const version of VERSIONS) {
  describe(`hubot-once-campfire in Hubot ${version}`, () => {
    allowLoopback()
    let campfire: OnceCampfireStandIn
    let ops: number
    let direct: number
    let bot: TestRobot
    const env = (): Record<string, string> => ({
      HUBOT_ONCE_CAMPFIRE_URL: campfire.url,
      HUBOT_ONCE_CAMPFIRE_BOT_KEY: campfire.botKey,
      HUBOT_ONCE_CAMPFIRE_WEBHOOK_PATH: WEBHOOK_PATH
    })

    /** Alice says `text` in `room`; resolves with the bot's new messages there once `count` arrived. */
    const say = async (room: number, text: string, count = 1, who = ALICE): Promise<string[]> => {
      const since = campfire.botMessages(room).length
      const { delivery } = await campfire.say(room, who, text)
      expect(delivery, 'Campfire called the webhook').to.not.equal(undefined)
      return (await campfire.waitForBotMessages(room, count, { since, timeoutMs: 5000 })).map(m => m.body)
    }

    beforeEach(async () => {
      ({ campfire, ops, direct } = await campfireWithRooms())
      bot = await startRobot(version, env(), { alias: '/' })
      campfire.setWebhookUrl(bot.webhookUrl)
    })

    afterEach(async () => {
      await bot.stop()
      await campfire.close()
      // Whatever happened in the test: the webhook never put anything in a room itself, and no log
      // line (at any level) carries the bot key, its token or the webhook path's secret.
      for (const d of campfire.deliveries) {
        expect([d.status, d.contentType, d.body, d.outcome], `webhook answer to message ${d.messageId}`).to.deep.equal([204, undefined, '', 'nothing'])
      }
      const secrets = [campfire.botKey, campfire.botKey.split('-')[1], WEBHOOK_PATH.split('/')[2]]
      for (const line of bot.logs) for (const secret of secrets) expect(line, 'a log line').to.not.contain(secret)
    })

    it('answers an @mention: the reply is posted through the bot API into the same room', async () => {
      expect(await say(ops, '@Hubot echo hi there')).to.deep.equal(['hi there'])
      const [message] = campfire.botMessages(ops)
      expect([message.via, message.contentType]).to.deep.equal(['api', 'text/html; charset=utf-8'])
      const user = bot.robot.brain.userForId('42')
      expect([user.name, user.room]).to.deep.equal(['Alice', String(ops)])
    })

    it('understands the alias after the mention, and a mention in the middle of the text', async () => {
      expect(await say(ops, '@Hubot /echo one')).to.deep.equal(['one'])
      expect(await say(ops, 'echo two @Hubot')).to.deep.equal(['two'])
    })

    it('answers a direct-room message without a mention, and replies there without a name', async () => {
      expect(await say(direct, 'echo private')).to.deep.equal(['private'])
      expect(await say(direct, 'greet')).to.deep.equal(['hello'])
      expect(await say(ops, '@Hubot greet')).to.deep.equal(['Alice: hello'])
    })

    it('hears nothing of room messages that do not mention it', async () => {
      const { delivery } = await campfire.say(ops, ALICE, 'echo nobody asked')
      expect(delivery).to.equal(undefined)
      expect(campfire.botMessages(ops)).to.deep.equal([])
    })

    it('escapes HTML, keeps lines, emotes in italics, and posts to a room by id', async () => {
      expect(await say(ops, '@Hubot echo <script>alert("x")</script> & more')).to.deep.equal(['&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more'])
      expect(await say(ops, '@Hubot lines')).to.deep.equal(['one<br>two &lt;b&gt;<br>three'])
      expect(await say(ops, '@Hubot wave')).to.deep.equal(['<em>waves</em>'])
      const since = campfire.botMessages(direct).length
      await campfire.say(ops, ALICE, `@Hubot announce ${direct} deploy at 5`)
      expect((await campfire.waitForBotMessages(direct, 1, { since, timeoutMs: 5000 })).map(m => m.body)).to.deep.equal(['deploy at 5'])
    })

    it('posts a reply longer than 10,000 characters whole, as lines, well within 7 s', async () => {
      const started = Date.now()
      const [body] = await say(ops, '@Hubot long')
      expect(Date.now() - started).to.be.below(7000)
      expect(body.length).to.be.above(10_000)
      expect(body.split('<br>')).to.have.length(400)
    })

    it('keeps people apart: each user is their own brain user', async () => {
      await say(ops, '@Hubot greet')
      expect(await say(ops, '@Hubot greet', 1, BOB)).to.deep.equal(['Bob: hello'])
      expect(bot.robot.brain.userForId('43').name).to.equal('Bob')
    })

    it('answers every request under the webhook path with an empty 204, whatever it is', async () => {
      const base = bot.webhookUrl
      const cases: Array<[string, string, string?, string?]> = [
        ['POST', base, '{not json'],
        ['POST', base, '"a string"'],
        ['POST', base, '{"user":{}}'],
        ['POST', base, 'x'.repeat(200_000)],
        ['POST', base, 'text', 'text/plain'],
        ['GET', base],
        ['PUT', base, '{}'],
        ['POST', `${base}/`, '{}'],
        ['POST', `${base}/other`, '{}'],
        ['DELETE', `${base}/a/b`]
      ]
      for (const [method, url, body, type] of cases) {
        const answer = await raw(url, method, body, type)
        expect([answer.status, answer.headers['content-type'], answer.body], `${method} ${url.replace(base, '<webhook>')} ${body?.slice(0, 20) ?? ''}`).to.deep.equal([204, undefined, ''])
      }
      expect(campfire.messages).to.deep.equal([])
    })

    it('answers a Campfire call to a stale path with one plain-text line for the room, never an HTML page', async () => {
      const call = JSON.stringify({
        user: { id: 42, name: 'Alice' },
        room: { id: ops, name: 'Ops', path: `/rooms/${ops}/${campfire.botKey}/messages` },
        message: { id: 1001, body: { html: '<div>status</div>', plain: 'status' }, path: `/rooms/${ops}/@1001` }
      })
      const answer = await raw(`${new URL(bot.webhookUrl).origin}/campfire/old-secret-path`, 'POST', call)
      expect(answer.status).to.equal(200)
      expect(answer.headers['content-type']).to.match(/^text\/plain/)
      expect(answer.body).to.match(/^This bot's webhook URL is out of date: /).and.not.include('\n')
      expect(answer.body).to.not.include(WEBHOOK_PATH.split('/')[2])
      // Anything else to another path is left to Hubot as before.
      expect((await raw(`${new URL(bot.webhookUrl).origin}/campfire/old-secret-path`, 'POST', '{"a":1}')).status).to.equal(404)
    })

    it('logs a wrong bot key once per message, naming HUBOT_ONCE_CAMPFIRE_BOT_KEY, and keeps running', async () => {
      campfire.regenerateKey()
      await campfire.say(ops, ALICE, '@Hubot echo lost')
      await waitUntil(() => bot.logs.some(l => l.includes('HUBOT_ONCE_CAMPFIRE_BOT_KEY is not the key')))
      await waitUntil(() => bot.logs.some(l => /^error: .*refused the bot key.*HUBOT_ONCE_CAMPFIRE_BOT_KEY/.test(l)))
      expect(campfire.botMessages(ops)).to.deep.equal([])
    })

    it('logs that Campfire is down, and answers again once it is back', async () => {
      campfire.failNext(503, 3)
      await campfire.say(ops, ALICE, '@Hubot echo lost')
      await waitUntil(() => bot.logs.some(l => /^error: .*was not posted: .*failed \(503\)/.test(l)))
      expect(await say(ops, '@Hubot echo back')).to.deep.equal(['back'])
    })
  })
}

describe('hubot-once-campfire refuses to start without what it needs', () => {
  allowLoopback()
  const GOOD = { HUBOT_ONCE_CAMPFIRE_URL: 'https://chat.example.com', HUBOT_ONCE_CAMPFIRE_BOT_KEY: '9-AbCdEf123456', HUBOT_ONCE_CAMPFIRE_WEBHOOK_PATH: WEBHOOK_PATH }

  for (const version of VERSIONS) {
    it(`Hubot ${version}: a missing setting is one line naming it, then exit 1`, async () => {
      const bot = await startRobot(version, { ...GOOD, HUBOT_ONCE_CAMPFIRE_BOT_KEY: '' })
      try {
        expect(bot.exits).to.deep.equal([1])
        expect(bot.logs.filter(l => l.startsWith('error:'))).to.deep.equal(['error: HUBOT_ONCE_CAMPFIRE_BOT_KEY is not set: the ONCE Campfire adapter needs it (see the hubot-once-campfire README).'])
      } finally { await bot.stop() }
    })

    it(`Hubot ${version}: a guessable webhook path is refused with the reason`, async () => {
      const bot = await startRobot(version, { ...GOOD, HUBOT_ONCE_CAMPFIRE_WEBHOOK_PATH: '/hubot/campfire' })
      try {
        expect(bot.exits).to.deep.equal([1])
        expect(bot.logs.filter(l => l.startsWith('error:'))).to.have.length(1)
        expect(bot.logs.find(l => l.startsWith('error:'))).to.match(/HUBOT_ONCE_CAMPFIRE_WEBHOOK_PATH is too short to be secret/)
      } finally { await bot.stop() }
    })

    it(`Hubot ${version}: basic auth on Hubot's web server is refused (Campfire cannot pass it)`, async () => {
      process.env.EXPRESS_USER = 'ops'
      process.env.EXPRESS_PASSWORD = 'pw'
      const bot = await startRobot(version, GOOD)
      try {
        expect(bot.exits).to.deep.equal([1])
        expect(bot.logs.find(l => l.startsWith('error:'))).to.match(/EXPRESS_USER\/EXPRESS_PASSWORD/)
      } finally { await bot.stop() }
    })
  }

  it('Hubot 14 without its web server (--disable-httpd) is refused', async () => {
    const bot = await startRobot('14', GOOD, { httpd: false })
    try {
      expect(bot.exits).to.deep.equal([1])
      expect(bot.logs.find(l => l.startsWith('error:'))).to.match(/needs Hubot's web server.*--disable-httpd/)
    } finally { await bot.stop() }
  })
})

describe('the ONCE Campfire stand-in treats a webhook answer as ONCE Campfire does', () => {
  allowLoopback()
  let campfire: OnceCampfireStandIn
  let server: http.Server
  let answer: (res: http.ServerResponse) => void
  beforeEach(async () => {
    ({ campfire } = await campfireWithRooms({ webhookTimeoutMs: 300 }))
    server = http.createServer((_req, res) => answer(res))
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    campfire.setWebhookUrl(`http://127.0.0.1:${(server.address() as { port: number }).port}/hook`)
  })
  afterEach(async () => {
    server.closeAllConnections()
    server.close()
    await campfire.close()
  })

  type Outcome = [string, string | undefined, string | undefined]
  const outcome = async (respond: (res: http.ServerResponse) => void): Promise<Outcome> => {
    answer = respond
    const { delivery } = await campfire.say(1, ALICE, '@Hubot hi')
    const posted = campfire.botMessages(1).at(-1)
    return [delivery!.outcome, posted?.kind, posted?.filename ?? posted?.body]
  }

  it('a 200 text/html (Express res.send("")) is a message, even an empty one', async () => {
    expect(await outcome(res => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(''))).to.deep.equal(['message', 'text', ''])
    expect(await outcome(res => res.writeHead(200, { 'Content-Type': 'text/plain' }).end('OK'))).to.deep.equal(['message', 'text', 'OK'])
  })

  it('any other answer with a Content-Type, whatever its status, is an attachment', async () => {
    expect(await outcome(res => res.writeHead(404, { 'Content-Type': 'text/html' }).end('Cannot POST /hook'))).to.deep.equal(['attachment', 'attachment', 'attachment.html'])
    expect(await outcome(res => res.writeHead(401, { 'Content-Type': 'text/html' }).end())).to.deep.equal(['attachment', 'attachment', 'attachment.html'])
    expect(await outcome(res => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}'))).to.deep.equal(['attachment', 'attachment', 'attachment.json'])
  })

  it('204, or 200 without a Content-Type, posts nothing', async () => {
    expect(await outcome(res => res.writeHead(204).end())).to.deep.equal(['nothing', undefined, undefined])
    expect(await outcome(res => { res.removeHeader('Content-Type'); res.writeHead(200).end() })).to.deep.equal(['nothing', undefined, undefined])
  })

  it(`no answer in time posts "${WEBHOOK_TIMEOUT_TEXT}"`, async () => {
    expect(await outcome(() => { /* never answers */ })).to.deep.equal(['timeout', 'text', WEBHOOK_TIMEOUT_TEXT])
  })

  it('calls the bot for mentions and direct rooms only, with every @mention of it removed from plain', async () => {
    answer = res => res.writeHead(204).end()
    expect((await campfire.say(1, ALICE, 'no mention here')).delivery).to.equal(undefined)
    const { delivery } = await campfire.say(1, ALICE, '  @Hubot status @Hubot @Bob  ')
    expect(delivery!.payload).to.deep.include({ user: { id: 42, name: 'Alice' }, room: { id: 1, name: 'Ops', path: `/rooms/1/${campfire.botKey}/messages` } })
    expect((delivery!.payload as any).message.body.plain).to.equal('status  @Bob')
    expect((await campfire.say(2, ALICE, 'hello')).delivery!.payload).to.deep.include({ room: { id: 2, name: null, path: `/rooms/2/${campfire.botKey}/messages` } })
  })
})

async function waitUntil (check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}
