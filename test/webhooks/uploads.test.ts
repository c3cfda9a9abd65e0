// Hubot 3.5's multipart parser skipped on the webhook paths (src/webhooks/uploads.ts): on a stand-in
// Express stack, then on a real Hubot 3.5 robot (Hubot 14 has no multipart parser to skip).
import { expect } from 'chai'
import fs from 'node:fs'
import os from 'node:os'
import { skipUploadsOnWebhooks } from '../../src/webhooks/uploads'
import { startBot, type TestBot } from '../support/bots'
import { allowLoopback } from '../sandbox/http'

type Handle = (req: { url?: string }, res: unknown, next: (err?: unknown) => void) => unknown

/** An Express 4 app's shape: a multipart layer (named as connect-multiparty names it) among others. */
function app () {
  const parsed: string[] = []
  const other: Handle = function query (_req, _res, next) { next() }
  const multipart: Handle = function multipart (req, _res, next) { parsed.push(req.url ?? ''); next() }
  return { parsed, other, app: { _router: { stack: [{ handle: other }, { handle: multipart }, {}] } } }
}

function through (handle: Handle | undefined, url: string): unknown[] {
  const nexts: unknown[][] = []
  handle!({ url }, {}, (...args) => { nexts.push(args) })
  return nexts
}

describe('webhooks: uploads on Hubot 3.5', () => {
  it('skips the multipart parser on the webhook paths only, and leaves the other layers alone', () => {
    const { app: stand, parsed, other } = app()
    expect(skipUploadsOnWebhooks(stand)).to.equal(true)
    const [first, wrapped] = stand._router.stack as Array<{ handle?: Handle }>
    expect(first.handle).to.equal(other)
    for (const url of ['/hubot/opsgenie', '/hubot/opsgenie/s3cret', '/hubot/statuspage/s3cret', '/hubot/opsgenie?x=1']) {
      expect(through(wrapped.handle, url), url).to.deep.equal([[]])
    }
    for (const url of ['/upload', '/hubot/opsgenies', '/hubot/help', '/x/hubot/opsgenie']) through(wrapped.handle, url)
    expect(parsed).to.deep.equal(['/upload', '/hubot/opsgenies', '/hubot/help', '/x/hubot/opsgenie'])
  })

  it('says so when there is no multipart parser to skip', () => {
    expect(skipUploadsOnWebhooks(undefined)).to.equal(false)
    expect(skipUploadsOnWebhooks({})).to.equal(false)
    expect(skipUploadsOnWebhooks({ _router: { stack: [{ handle: function query () {} }] } })).to.equal(false)
  })

  describe('on a real Hubot 3.5 robot', () => {
    allowLoopback()
    const SECRET = 'og-uploads-Secret-4Jd7Nq2Ws8'
    let bot: TestBot
    beforeEach(async () => {
      Object.assign(process.env, { HUBOT_OPSGENIE_WEBHOOK_SECRET: SECRET, HUBOT_OPSGENIE_ROOM: 'ops' })
      bot = await startBot('3.5', { http: true })
    })
    afterEach(async () => { await bot.stop() })

    it('has its multipart layer wrapped, and refuses an upload to a webhook path without writing it to disk', async () => {
      const names = (bot.robot.router._router.stack as Array<{ handle?: { name?: string } }>).map(l => l.handle?.name)
      expect(names).to.include('multipartOffWebhooks').and.not.include('multipart')
      const ext = `.uploads${process.pid}`
      const form = new FormData()
      form.append('upload', new Blob([Buffer.alloc(16 * 1024, 120)]), `probe${ext}`)
      const res = await fetch(`${bot.url}/hubot/opsgenie/${SECRET}`, { method: 'POST', body: form })
      await res.text()
      expect(res.status).to.equal(400)
      expect(fs.readdirSync(os.tmpdir()).filter(f => f.endsWith(ext))).to.deep.equal([])
    })
  })
})
