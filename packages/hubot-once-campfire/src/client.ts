// Posts messages through ONCE Campfire's bot API with Node's own http/https:
//   POST <base>/rooms/<room id>/<bot key>/messages   body: the message as HTML (text/html)
// 201 is success. A bad key is answered with a redirect to the sign-in page (not 401), so a 3xx
// is read as "wrong key". 429 and 5xx are retried a bounded number of times with a growing wait;
// a timeout is not retried (the message may have been posted). Error messages carry the room id
// and Campfire's address, never the key.

import http from 'node:http'
import https from 'node:https'
import { BOT_KEY_VAR, URL_VAR, redact } from './config'

export type SendFailure = 'bad_key' | 'forbidden' | 'not_found' | 'empty' | 'rate_limited' | 'unavailable' | 'timeout' | 'network' | 'refused'

export class CampfireSendError extends Error {
  constructor (readonly kind: SendFailure, message: string, readonly status?: number) {
    super(message)
    this.name = 'CampfireSendError'
  }
}

export interface ClientOptions {
  baseUrl: string
  botKey: string
  /** Per attempt (default 10 s). */
  timeoutMs?: number
  /** Attempts for 429, 5xx and refused connections (default 3). */
  attempts?: number
  /** Wait before the second attempt; doubles each time (default 500 ms). */
  backoffMs?: number
  /** The longest wait a Retry-After may ask for before we give up instead (default 5 s). */
  maxRetryAfterMs?: number
  userAgent?: string
}

interface Answer { status: number, location: string, retryAfter: string }

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

export class CampfireClient {
  private readonly timeoutMs: number
  private readonly attempts: number
  private readonly backoffMs: number
  private readonly maxRetryAfterMs: number

  constructor (private readonly options: ClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000
    this.attempts = Math.max(1, options.attempts ?? 3)
    this.backoffMs = options.backoffMs ?? 500
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 5_000
  }

  /** Posts `html` into room `roomId`; resolves when Campfire answered 2xx, else throws CampfireSendError. */
  async postMessage (roomId: string, html: string): Promise<void> {
    if (html.trim() === '') throw new CampfireSendError('empty', 'nothing to post: the message is empty')
    const url = `${this.options.baseUrl}/rooms/${encodeURIComponent(roomId)}/${this.options.botKey}/messages`
    let wait = this.backoffMs
    for (let attempt = 1; ; attempt++) {
      let answer: Answer
      try {
        answer = await this.request(url, html)
      } catch (err) {
        const failure = this.transportFailure(err)
        if (failure.kind === 'network' && attempt < this.attempts) { await sleep(wait); wait *= 2; continue }
        throw failure
      }
      if (answer.status >= 200 && answer.status < 300) return
      const failure = this.statusFailure(answer, roomId)
      const retryable = failure.kind === 'rate_limited' || failure.kind === 'unavailable'
      if (!retryable || attempt >= this.attempts) throw failure
      const asked = Number(answer.retryAfter) * 1000
      if (Number.isFinite(asked) && asked > this.maxRetryAfterMs) throw failure
      await sleep(Number.isFinite(asked) && asked > 0 ? asked : wait)
      wait *= 2
    }
  }

  private request (url: string, html: string): Promise<Answer> {
    const body = Buffer.from(html, 'utf8')
    const target = new URL(url)
    const transport = target.protocol === 'https:' ? https : http
    return new Promise((resolve, reject) => {
      const req = transport.request(target, {
        method: 'POST',
        headers: {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Length': body.length,
          Accept: '*/*',
          'User-Agent': this.options.userAgent ?? 'hubot-once-campfire'
        },
        timeout: this.timeoutMs
      }, (res) => {
        res.resume() // the body (empty on 201) is not needed
        res.on('end', () => resolve({ status: res.statusCode ?? 0, location: String(res.headers.location ?? ''), retryAfter: String(res.headers['retry-after'] ?? '') }))
        res.on('error', reject)
      })
      req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })))
      req.on('error', reject)
      req.end(body)
    })
  }

  private where (): string {
    return `ONCE Campfire at ${this.options.baseUrl}`
  }

  private transportFailure (err: unknown): CampfireSendError {
    const code = String((err as { code?: string })?.code ?? '')
    if (code === 'TIMEOUT') {
      return new CampfireSendError('timeout', `${this.where()} did not answer within ${this.timeoutMs / 1000} s: the message may or may not have been posted`)
    }
    const detail = code || (err instanceof Error ? err.message : String(err))
    return new CampfireSendError('network', redact(`could not reach ${this.where()} (${detail}): check ${URL_VAR} and that Campfire is up`, [this.options.botKey]))
  }

  private statusFailure (answer: Answer, roomId: string): CampfireSendError {
    const { status } = answer
    if (status >= 300 && status < 400) {
      if (/\/session\/new\b/.test(answer.location) || answer.location === '') {
        return new CampfireSendError('bad_key', `${this.where()} refused the bot key (it answered with its sign-in page): check ${BOT_KEY_VAR} against Account settings → Bots (regenerating the key there invalidates the old one)`, status)
      }
      return new CampfireSendError('refused', `${this.where()} redirected the message elsewhere (${status}): check ${URL_VAR} (is it the https:// address?)`, status)
    }
    if (status === 401 || status === 403) return new CampfireSendError('forbidden', `${this.where()} refused the bot (${status}): check ${BOT_KEY_VAR} and that the bot is still active`, status)
    if (status === 404) return new CampfireSendError('not_found', `${this.where()} has no room ${roomId} for this bot (404): the room is unknown or the bot is not a member`, status)
    if (status === 422) return new CampfireSendError('empty', `${this.where()} refused an empty message (422)`, status)
    if (status === 429) return new CampfireSendError('rate_limited', `${this.where()} is refusing this bot's address (429) and the retries ran out: the message was not posted`, status)
    if (status >= 500) return new CampfireSendError('unavailable', `${this.where()} failed (${status}) and the retries ran out: the message may or may not have been posted`, status)
    return new CampfireSendError('refused', `${this.where()} refused the message (${status})`, status)
  }
}
