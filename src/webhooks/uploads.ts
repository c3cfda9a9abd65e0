// Hubot 3.5 puts connect-multiparty in front of every route of its Express app: a multipart upload
// to any path is written to the temp folder before a route (and so the webhook secret) is checked,
// and never deleted. On this package's webhook paths the parser is skipped: the route refuses such
// a body (400, not JSON) without anything touching the disk. Hubot 14 has no multipart parser.

type Next = (err?: unknown) => void
type Middleware = (req: { url?: string }, res: unknown, next: Next) => unknown
interface Layer { handle?: Middleware }

const WEBHOOK_PATH = /^\/hubot\/(?:opsgenie|statuspage)(?:[/?]|$)/

/** Wraps Hubot 3.5's multipart layer so it skips the webhook paths; true when there was one. */
export function skipUploadsOnWebhooks (app: unknown): boolean {
  const stack = (app as { _router?: { stack?: unknown } } | undefined)?._router?.stack
  if (!Array.isArray(stack)) return false
  let wrapped = false
  for (const layer of stack as Layer[]) {
    const parse = layer.handle
    if (typeof parse !== 'function' || parse.name !== 'multipart') continue
    layer.handle = function multipartOffWebhooks (req, res, next) {
      return WEBHOOK_PATH.test(req.url ?? '') ? next() : parse(req, res, next)
    }
    wrapped = true
  }
  return wrapped
}
