// A stand-in for classic Campfire (campfirenow.com) as Hubot's built-in adapter uses it, on a
// 127.0.0.1 port (reached through fixtures/classic-campfire/campfirenow-redirect.cjs):
//   GET /users/me, GET /users/:id, POST /room/:id/join, POST /room/:id/speak {"message":{"body","type"?}},
//   PUT /room/:id, GET /room/:id/live.json (the stream: JSON objects ending in \r, a space as heartbeat).
// Auth is Basic base64("<token>:x"); anything else is 401. Everything spoken is recorded.

import http from 'node:http'
import type { AddressInfo } from 'node:net'

interface Spoken { roomId: number, body: string, type: string }
interface ClassicPerson { id: number, name: string, email_address: string }

export interface ClassicCampfireStandIn {
  /** 127.0.0.1:<port>, for CLASSIC_CAMPFIRE_STANDIN. */
  address: string
  token: string
  spoken: Spoken[]
  /** Rooms whose live stream the bot has open. */
  listening(): number[]
  /** A person says `body` in the room (pushed down the bot's stream). */
  say(roomId: number, person: ClassicPerson, body: string): void
  waitForSpoken(roomId: number, count: number, options?: { since?: number, timeoutMs?: number }): Promise<Spoken[]>
  close(): Promise<void>
}

const BOT = { id: 1, name: 'Hubot', email_address: 'hubot@example.com' }

export async function startClassicCampfire (token = 'classic-token-0123456789'): Promise<ClassicCampfireStandIn> {
  const people = new Map<number, ClassicPerson>([[BOT.id, BOT]])
  const streams = new Map<number, http.ServerResponse>()
  const spoken: Spoken[] = []
  let nextId = 5000
  const authorization = `Basic ${Buffer.from(`${token}:x`).toString('base64')}`

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const json = (status: number, body: unknown): void => { res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body)) }
      if (req.headers.authorization !== authorization) return json(401, { error: 'unauthorized' })
      const url = req.url ?? ''
      let m: RegExpExecArray | null
      if (req.method === 'GET' && url === '/users/me') return json(200, { user: BOT })
      if (req.method === 'GET' && (m = /^\/users\/(\d+)$/.exec(url))) {
        const person = people.get(Number(m[1]))
        return person ? json(200, { user: person }) : json(404, {})
      }
      if (req.method === 'POST' && /^\/room\/\d+\/join$/.test(url)) { res.writeHead(200).end(); return }
      if (req.method === 'PUT' && /^\/room\/\d+$/.test(url)) { res.writeHead(200).end(); return }
      if (req.method === 'POST' && (m = /^\/room\/(\d+)\/speak$/.exec(url))) {
        const message = (JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { message?: { body?: string, type?: string } }).message ?? {}
        const entry = { roomId: Number(m[1]), body: String(message.body ?? ''), type: message.type ?? 'TextMessage' }
        spoken.push(entry)
        const created = {
          id: ++nextId,
          room_id: entry.roomId,
          user_id: BOT.id,
          body: entry.body,
          type: entry.type,
          created_at: new Date().toISOString()
        }
        return json(201, { message: created })
      }
      if (req.method === 'GET' && (m = /^\/room\/(\d+)\/live\.json$/.exec(url))) {
        res.writeHead(200, { 'Content-Type': 'application/json' })
        res.write(' ') // heartbeat
        streams.set(Number(m[1]), res)
        return
      }
      json(404, {})
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  server.unref()

  return {
    address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    token,
    spoken,
    listening: () => [...streams.keys()],
    say: (roomId, person, body) => {
      people.set(person.id, person)
      const stream = streams.get(roomId)
      if (!stream) throw new Error(`the bot is not listening in room ${roomId}`)
      stream.write(`${JSON.stringify({ type: 'TextMessage', id: ++nextId, room_id: roomId, user_id: person.id, body, created_at: new Date().toISOString() })}\r`)
    },
    waitForSpoken: async (roomId, count, opts = {}) => {
      const deadline = Date.now() + (opts.timeoutMs ?? 7000)
      for (;;) {
        const found = spoken.filter(s => s.roomId === roomId).slice(opts.since ?? 0)
        if (found.length >= count) return found
        if (Date.now() > deadline) throw new Error(`room ${roomId}: expected ${count} message(s) from the bot, got ${found.length}`)
        await new Promise(resolve => setTimeout(resolve, 20))
      }
    },
    close: async () => {
      for (const stream of streams.values()) stream.destroy()
      await new Promise<void>(resolve => { server.close(() => resolve()); server.closeAllConnections() })
    }
  }
}
