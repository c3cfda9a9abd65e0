// The reply to `hubot webhooks` (src/webhooks/status.ts): what is on, where it posts, what arrived.
// Never a secret, only whether it is set.
import { expect } from 'chai'
import type { ReceiverStats } from '../../src/webhooks/receiver'
import type { WebhookSettings } from '../../src/webhooks/settings'
import { formatWebhookStatus, WEBHOOKS_PATTERN } from '../../src/webhooks/status'

const OG_SECRET = 'og-hook-Secret-7Hq2Lp9Xw4'
const SP_SECRET = 'sp-hook-Secret-3Vd8Kz1Nm6'

const settings = (over: Partial<WebhookSettings> = {}): WebhookSettings =>
  ({ routes: [], coalesceMs: 5_000, maxBytes: 65_536, alertUrl: '', jsm: false, ...over })
const none = { queued: 0, duplicate: 0, ignored: 0, 'own change': 0, 'no room': 0 }
const stats = (over: Partial<ReceiverStats> = {}): ReceiverStats =>
  ({ alerts: { ...none }, statuspage: { ...none }, refused: 0, messages: 0, ...over })

describe('webhooks: the status reply', () => {
  it('says how to turn on what is off', () => {
    expect(formatWebhookStatus(settings(), stats(), true)).to.equal([
      'Alerts (OpsGenie / JSM): off (set HUBOT_OPSGENIE_WEBHOOK_SECRET and HUBOT_OPSGENIE_ROOM).',
      'Statuspage: off (set HUBOT_STATUSPAGE_WEBHOOK_SECRET and HUBOT_STATUSPAGE_ROOM).',
      'At most one message per room every 5s. Since start: 0 alert events; 0 Statuspage events; 0 messages posted; 0 calls refused (wrong or missing secret).'
    ].join('\n'))
  })

  it('says where what is on posts, with the routing rules and the counts by outcome, and no secret', () => {
    const rule = { field: 'priority' as const, values: ['P1'], rooms: ['sev'] }
    const reply = formatWebhookStatus(
      settings({ opsgenieSecret: OG_SECRET, opsgenieRoom: 'ops', statuspageSecret: SP_SECRET, statuspageRoom: 'status', routes: [rule, rule], coalesceMs: 500 }),
      stats({
        alerts: { ...none, queued: 5, duplicate: 1, ignored: 2 },
        statuspage: { ...none, queued: 1 },
        messages: 1,
        refused: 3
      }),
      true)
    expect(reply).to.equal([
      'Alerts (OpsGenie / JSM): on at POST /hubot/opsgenie; default room ops, 2 routing rules.',
      'Statuspage: on at POST /hubot/statuspage/<secret>; room status.',
      'At most one message per room every 0.5s. Since start: 8 alert events (1 duplicate, 2 ignored); 1 Statuspage event; 1 message posted; 3 calls refused (wrong or missing secret).'
    ].join('\n'))
    expect(reply).to.not.contain(OG_SECRET).and.not.contain(SP_SECRET)
  })

  it('names the room variable an endpoint that is on still lacks', () => {
    const on = settings({ opsgenieSecret: OG_SECRET, statuspageSecret: SP_SECRET })
    const reply = formatWebhookStatus(on, stats(), true)
    expect(reply.split('\n').slice(0, 2)).to.deep.equal([
      'Alerts (OpsGenie / JSM): on at POST /hubot/opsgenie; default room not set (HUBOT_OPSGENIE_ROOM).',
      'Statuspage: on at POST /hubot/statuspage/<secret>; room not set (HUBOT_STATUSPAGE_ROOM).'
    ])
  })

  it('says first when Hubot\'s HTTP server is off', () => {
    expect(formatWebhookStatus(settings(), stats(), false).split('\n')[0])
      .to.equal('Hubot\'s HTTP server is off, so no webhook endpoint is listening (start Hubot without --disable-httpd).')
  })

  it('answers "webhooks", with or without a colon, and nothing more', () => {
    expect(WEBHOOKS_PATTERN.test('hubot webhooks')).to.equal(true)
    expect(WEBHOOKS_PATTERN.test('/Webhooks: ')).to.equal(true)
    expect(WEBHOOKS_PATTERN.test('hubot webhooks off')).to.equal(false)
  })
})
