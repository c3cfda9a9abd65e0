// A stand-in for ONCE Campfire's bot protocol, for tests and for trying the adapter: it listens on
// 127.0.0.1 and behaves as ONCE Campfire's source does (app/models/webhook.rb,
// app/controllers/messages/by_bots_controller.rb, app/models/user/bot.rb):
//
// - say(): a person posts a message. If it @mentions the bot, or the room is a direct room with
//   the bot, the webhook is POSTed (application/json, no auth) with a 7 s timeout. Its answer is
//   treated as Campfire does: 200 + text/html|text/plain becomes a message from the bot; any other
//   answer with a Content-Type, whatever the status, becomes an attachment; a timeout posts
//   "Failed to respond within 7 seconds"; a refused connection posts nothing.
// - POST /rooms/<id>/<bot key>/messages: 201 + Location; a wrong key is a 302 to /session/new; an
//   unknown room or one the bot is not in is 404; an empty body 422. failNext() injects 429/5xx.
//
// Everything is recorded (rooms, messages, webhook deliveries) for the tests to read.

import http from 'node:http'
import type { AddressInfo } from 'node:net'

export const WEBHOOK_TIMEOUT_TEXT = 'Failed to respond within 7 seconds'

interface Person { id: number, name: string }

interface Room {
  id: number
  /** null for a direct room (ONCE Campfire's direct rooms have no name). */
  name: string | null
  botMember: boolean
}

export interface Message {
  id: number
  roomId: number
  /** The person's name, or 'bot'. */
  creator: string
  /** HTML as stored (for an attachment: its body as text). */
  body: string
  kind: 'text' | 'attachment'
  /** How it got there: a person, the bot API, the webhook's answer, or the webhook timing out. */
  via: 'person' | 'api' | 'webhook-answer' | 'webhook-timeout'
  /** The Content-Type the bot used (API) or answered with (webhook). */
  contentType?: string
  filename?: string
  at: number
}

interface Delivery {
  messageId: number
  roomId: number
  payload: unknown
  /** HTTP status of the webhook's answer; undefined if there was none. */
  status?: number
  contentType?: string
  body: string
  outcome: 'nothing' | 'message' | 'attachment' | 'timeout' | 'failed'
  error?: string
  ms: number
}

export interface StandInOptions {
  botName?: string
  botId?: number
  /** The bot's webhook URL (can be set later with setWebhookUrl). */
  webhookUrl?: string
  port?: number
  /** Default 7000, as ONCE Campfire. */
  webhookTimeoutMs?: number
}

export interface OnceCampfireStandIn {
  url: string
  botName: string
  botKey: string
  rooms: Room[]
  messages: Message[]
  deliveries: Delivery[]
  setWebhookUrl(url: string | undefined): void
  addRoom(name: string | null, options?: { botMember?: boolean }): Room
  /** A person posts `text`; resolves when the webhook (if any) has been delivered and its answer handled. */
  say(roomId: number, person: Person, text: string): Promise<{ message: Message, delivery?: Delivery }>
  /** The bot's messages in a room, in order. */
  botMessages(roomId: number): Message[]
  /** Resolves once the bot has `count` messages in the room after `since` messages, or rejects after timeoutMs. */
  waitForBotMessages(
    roomId: number, count: number, options?: { since?: number, timeoutMs?: number }
  ): Promise<Message[]>
  /** The next `times` bot API calls answer `status` (429, 500, 503...). */
  failNext(status: number, times?: number): void
  /** As an admin regenerating the key: the old one stops working. `token` sets it (to restore one). */
  regenerateKey(token?: string): string
  /** Campfire goes down: connections are refused until up(). */
  down(): Promise<void>
  /** Back on the same port. */
  up(): Promise<void>
  close(): Promise<void>
}

const token = (): string => {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  return Array.from({ length: 12 }, () => chars[Math.floor(Math.random() * chars.length)]).join('')
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
// Ruby's \p{Space}: trimmed from both ends of `plain`.
const SPACE = '[\\s\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]'

export async function startOnceCampfire (options: StandInOptions = {}): Promise<OnceCampfireStandIn> {
  const botName = options.botName ?? 'Hubot'
  const botId = options.botId ?? 9
  const timeoutMs = options.webhookTimeoutMs ?? 7000
  let botToken = token()
  let webhookUrl = options.webhookUrl
  let failures: number[] = []
  const rooms: Room[] = []
  const messages: Message[] = []
  const deliveries: Delivery[] = []
  let nextId = 1000
  let url = ''

  const record = (m: Omit<Message, 'id' | 'at'>): Message => {
    const message = { ...m, id: ++nextId, at: Date.now() }
    messages.push(message)
    return message
  }

  const roomPath = (roomId: number): string => `/rooms/${roomId}/${botId}-${botToken}/messages`
  const mention = `@${botName}`
  const mentions = (text: string): boolean => new RegExp(`(^|\\W)${escapeRegExp(mention)}(?!\\w)`).test(text)

  const payload = (room: Room, person: Person, message: Message, text: string): unknown => ({
    user: { id: person.id, name: person.name },
    room: { id: room.id, name: room.name, path: roomPath(room.id) },
    message: {
      id: message.id,
      body: {
        html: message.body,
        // Every literal @Bot removed, anywhere, then trimmed of (unicode) spaces.
        plain: text.split(mention).join('').replace(new RegExp(`^${SPACE}+|${SPACE}+$`, 'g'), '')
      },
      path: `/rooms/${room.id}/@${message.id}`
    }
  })

  /** Webhook#deliver: post, then turn the answer into a message or an attachment. */
  const deliver = async (room: Room, body: unknown, messageId: number): Promise<Delivery> => {
    const started = Date.now()
    const delivery: Delivery = { messageId, roomId: room.id, payload: body, body: '', outcome: 'nothing', ms: 0 }
    deliveries.push(delivery)
    try {
      const answer = await post(webhookUrl!, JSON.stringify(body), timeoutMs)
      delivery.status = answer.status
      delivery.contentType = answer.contentType
      delivery.body = answer.body
      const mime = answer.contentType?.split(';')[0].trim().toLowerCase()
      if (answer.status === 200 && (mime === 'text/html' || mime === 'text/plain')) {
        record({ roomId: room.id, creator: 'bot', body: answer.body, kind: 'text', via: 'webhook-answer', contentType: answer.contentType })
        delivery.outcome = 'message'
      } else if (mime) {
        const ext = mime.split('/')[1]?.replace(/^x-/, '') ?? 'bin'
        record({ roomId: room.id, creator: 'bot', body: answer.body, kind: 'attachment', filename: `attachment.${ext}`, via: 'webhook-answer', contentType: answer.contentType })
        delivery.outcome = 'attachment'
      }
    } catch (err) {
      if ((err as { code?: string }).code === 'TIMEOUT') {
        record({ roomId: room.id, creator: 'bot', body: WEBHOOK_TIMEOUT_TEXT, kind: 'text', via: 'webhook-timeout' })
        delivery.outcome = 'timeout'
      } else {
        delivery.outcome = 'failed' // the job fails; nothing is posted
        delivery.error = (err as Error).message
      }
    }
    delivery.ms = Date.now() - started
    return delivery
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      const m = /^\/rooms\/(\d+)\/([^/]+)\/messages$/.exec(req.url ?? '')
      if (req.method !== 'POST' || !m) {
        res.writeHead(404, { 'Content-Type': 'text/html' }).end('<h1>Not Found</h1>')
        return
      }
      if (m[2] !== `${botId}-${botToken}`) {
        res.writeHead(302, { Location: `${url}/session/new`, 'Content-Type': 'text/html' }).end('<html><body>You are being redirected.</body></html>')
        return
      }
      const injected = failures.shift()
      if (injected !== undefined) {
        res.writeHead(injected, { 'Content-Type': 'text/html' }).end(`<h1>${injected}</h1>`)
        return
      }
      const room = rooms.find(r => r.id === Number(m[1]))
      if (!room || !room.botMember) { res.writeHead(404).end(); return }
      const contentType = String(req.headers['content-type'] ?? '')
      const multipart = /^multipart\/form-data/i.test(contentType)
      if (!multipart && raw.trim() === '') { res.writeHead(422).end(); return }
      const message = record({ roomId: room.id, creator: 'bot', body: raw, kind: multipart ? 'attachment' : 'text', via: 'api', contentType })
      res.writeHead(201, { Location: `${url}/rooms/${room.id}/@${message.id}` }).end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  server.unref() // stops by itself with the process, if a test forgets close()
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const botMessages = (roomId: number): Message[] => messages.filter(m => m.roomId === roomId && m.creator === 'bot')

  return {
    url,
    botName,
    get botKey () { return `${botId}-${botToken}` },
    rooms,
    messages,
    deliveries,
    setWebhookUrl: (u) => { webhookUrl = u },
    addRoom: (name, opts = {}) => {
      const room = { id: rooms.length + 1, name, botMember: opts.botMember ?? true }
      rooms.push(room)
      return room
    },
    say: async (roomId, person, text) => {
      const room = rooms.find(r => r.id === roomId)
      if (!room) throw new Error(`no room ${roomId}`)
      const html = `<div>${escapeHtml(text).split(escapeHtml(mention)).join(`<action-text-attachment content-type="application/vnd.campfire.mention" sgid="bot-${botId}">${escapeHtml(mention)}</action-text-attachment>`)}</div>`
      const message = record({ roomId, creator: person.name, body: html, kind: 'text', via: 'person' })
      // MessagesController#deliver_webhooks_to_bots: direct rooms call every bot in them, other
      // rooms only the bots mentioned.
      const calls = room.botMember && webhookUrl && (room.name === null || mentions(text))
      if (!calls) return { message }
      return { message, delivery: await deliver(room, payload(room, person, message, text), message.id) }
    },
    botMessages,
    waitForBotMessages: async (roomId, count, opts = {}) => {
      const since = opts.since ?? 0
      const deadline = Date.now() + (opts.timeoutMs ?? timeoutMs)
      for (;;) {
        const found = botMessages(roomId).slice(since)
        if (found.length >= count) return found
        if (Date.now() > deadline) {
          throw new Error(`room ${roomId}: expected ${count} bot message(s), got ${found.length} within ${opts.timeoutMs ?? timeoutMs} ms`)
        }
        await new Promise(resolve => setTimeout(resolve, 20))
      }
    },
    failNext: (status, times = 1) => { failures = [...failures, ...Array.from({ length: times }, () => status)] },
    regenerateKey: (t) => { botToken = t ?? token(); return `${botId}-${botToken}` },
    down: async () => {
      await new Promise<void>(resolve => { server.close(() => resolve()); server.closeAllConnections() })
    },
    up: async () => {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(Number(new URL(url).port), '127.0.0.1', () => resolve())
      })
    },
    close: async () => {
      if (!server.listening) return
      await new Promise<void>(resolve => { server.close(() => resolve()); server.closeAllConnections() })
    }
  }
}

/** One webhook POST with Net::HTTP's behaviour: a 7 s open and read timeout, no redirects followed. */
interface PostAnswer { status: number, contentType?: string, body: string }

function post (target: string, body: string, timeoutMs: number): Promise<PostAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(target, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      timeout: timeoutMs
    }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'TIMEOUT' })))
    req.on('error', reject)
    req.end(body)
  })
}
