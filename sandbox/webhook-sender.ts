// Delivers the stand-ins' webhooks to the bot, as OpsGenie's webhook integration and a Statuspage
// webhook subscriber would: a JSON POST per event, fire and forget. Nothing is sent until `point`
// names the bot's endpoint (npm start does it once the bot listens).

export interface WebhookTarget {
  url: string
  headers?: Record<string, string>
}

export class WebhookSender {
  private target?: WebhookTarget
  delivered = 0
  failed = 0
  /** The last failure, for GET /__sandbox/state (never contains the target URL). */
  lastError?: string

  point (target: WebhookTarget | undefined): void { this.target = target }

  get pointed (): boolean { return this.target !== undefined }

  send (body: unknown): void {
    const target = this.target
    if (!target) return
    fetch(target.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...target.headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000)
    }).then(async (res) => {
      await res.arrayBuffer()
      if (res.ok) this.delivered++
      else { this.failed++; this.lastError = `HTTP ${res.status}` }
    }, (err: unknown) => {
      this.failed++
      this.lastError = err instanceof Error ? err.name : 'error'
    })
  }
}
