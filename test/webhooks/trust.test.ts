// Outside text and outside bodies on the webhook paths, on real Hubot 14 and 3.5 robots: what reaches
// the room is inert (no controls, no direction overrides, no room-wide mentions, one line per field),
// ack hints name only real ids, a deeply nested body is refused (400) rather than crashing, and on
// Hubot 3.5 a multipart upload to a webhook path never lands on disk.
import { expect } from 'chai'
import fs from 'node:fs'
import os from 'node:os'
import { HUBOT_VERSIONS, startBot, type TestBot } from '../support/bots'
import { allowLoopback, sleep } from '../sandbox/http'
import { alertBody, incidentBody } from './payloads'

const OG_SECRET = 'og-trust-Secret-5Rt8Yp2Qa1'
const SP_SECRET = 'sp-trust-Secret-9Lk3Wz6Xc4'

async function post (url: string, path: string, body: string, headers: Record<string, string>): Promise<number> {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers, body })
  await res.text()
  return res.status
}

const json = (bot: TestBot, path: string, body: unknown, headers: Record<string, string> = {}): Promise<number> =>
  post(bot.url!, path, typeof body === 'string' ? body : JSON.stringify(body), { 'Content-Type': 'application/json', ...headers })

async function until (what: string, check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(20)
  }
}

/** Every character and form the issue lists, in one string. */
const HOSTILE = 'Disk full @everyone @here <!channel> <!here> <@U024BE7LH>\u001b[31m red\u0007\u0000 ' +
  '\u202eevil\u202c \u2066iso\u2069 <b>bold</b>\nline two\r\n• 2026-12-01 Boss Person (U_BOSS): genie close all'

for (const version of HUBOT_VERSIONS) {
  describe(`outside text and bodies on the webhook paths (Hubot ${version})`, () => {
    allowLoopback()
    let bot: TestBot
    beforeEach(async () => {
      Object.assign(process.env, {
        HUBOT_OPSGENIE_WEBHOOK_SECRET: OG_SECRET,
        HUBOT_OPSGENIE_ROOM: 'ops',
        HUBOT_STATUSPAGE_WEBHOOK_SECRET: SP_SECRET,
        HUBOT_STATUSPAGE_ROOM: 'ops',
        HUBOT_WEBHOOK_COALESCE_MS: '0'
      })
      bot = await startBot(version, { http: true, alias: '/' })
    })
    afterEach(async () => { await bot.stop() })

    it('posts every field of an alert inert: no controls or overrides, mentions defused, one line, bounded', async () => {
      const body = alertBody('Create', {
        message: HOSTILE,
        tags: ['@channel', 'ok\u202etag'],
        username: '<!everyone>',
        extra: { note: HOSTILE }
      })
      expect(await json(bot, '/hubot/opsgenie', body, { 'X-Hubot-Secret': OG_SECRET })).to.equal(202)
      expect(await json(bot, '/hubot/opsgenie', alertBody('AddNote', { tinyId: '202', username: '@here', extra: { note: HOSTILE } }),
        { 'X-Hubot-Secret': OG_SECRET })).to.equal(202)
      await until('two posts', () => bot.posts.length === 2)
      for (const { text } of bot.posts) {
        // eslint-disable-next-line no-control-regex
        expect(text).to.not.match(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)
        expect(text).to.not.match(/@(everyone|here|channel)\b|<!(channel|here|everyone)>|<@U/)
        expect(text.split('\n')).to.have.length(1)
      }
      expect(bot.posts[0].text).to.equal(
        'New alert #201 P1: Disk full ＠everyone ＠here ‹!channel› ‹!here› ‹@U024BE7LH› [31m red evil iso <b>bold</b> ' +
        'line two • 2026-12-01 Boss Person (U_BOSS): genie close all [＠channel, oktag]. Ack: /genie ack 201 ' +
        'https://app.opsgenie.com/alert/detail/8743a1b2-11da-480e-8493-000000000201/details')
      expect(bot.posts[1].text).to.match(/^#202 note from ＠here: "Disk full ＠everyone/)
    })

    it('names an ack command only for a real tinyId, never for an id with spaces or words', async () => {
      for (const tinyId of ['1 2 3 4', '12; genie close all', '99999999999999999999999999']) {
        await json(bot, '/hubot/opsgenie', alertBody('Create', { tinyId, alertId: 'x y' }), { 'X-Hubot-Secret': OG_SECRET })
      }
      await until('three posts', () => bot.posts.length === 3)
      for (const { text } of bot.posts) expect(text).to.not.include('Ack:')
      expect(bot.posts[0].text).to.match(/^New alert #1 2 3 4 P1: /)
    })

    it('posts a Statuspage incident inert too', async () => {
      const body = incidentBody('p31zjtct2jer', 'API <!channel>\u202e down', 'identified', 'first\nsecond @everyone')
      expect(await json(bot, `/hubot/statuspage/${SP_SECRET}`, body)).to.equal(202)
      await until('one post', () => bot.posts.length === 1)
      expect(bot.posts[0].text).to.include('API ‹!channel› down').and.not.include('\n')
    })

    it('refuses a 10,000-deep JSON body with 400 (no stack overflow, nothing posted), and still works after', async () => {
      const deep = '['.repeat(10_000) + ']'.repeat(10_000)
      expect(await json(bot, '/hubot/opsgenie', deep, { 'X-Hubot-Secret': OG_SECRET })).to.equal(400)
      const object = '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000)
      expect(await json(bot, `/hubot/statuspage/${SP_SECRET}`, object)).to.equal(400)
      expect(bot.logs.join('\n')).to.not.include('Maximum call stack')
      expect(await json(bot, '/hubot/opsgenie', alertBody('Close'), { 'X-Hubot-Secret': OG_SECRET })).to.equal(202)
    })

    it('writes no multipart upload to disk on the webhook paths', async () => {
      const ext = `.trust${process.pid}${version.replace('.', '')}`
      const before = fs.readdirSync(os.tmpdir()).filter(f => f.endsWith(ext))
      for (const path of ['/hubot/opsgenie', `/hubot/opsgenie/${OG_SECRET}`, '/hubot/statuspage/wrong', `/hubot/statuspage/${SP_SECRET}`]) {
        const form = new FormData()
        form.append('upload', new Blob([Buffer.alloc(64 * 1024, 120)]), `probe${ext}`)
        const res = await fetch(`${bot.url}${path}`, { method: 'POST', body: form })
        await res.text()
        expect(res.status, path).to.be.oneOf([400, 401])
      }
      await sleep(100)
      expect(fs.readdirSync(os.tmpdir()).filter(f => f.endsWith(ext))).to.deep.equal(before)
    })
  })
}
