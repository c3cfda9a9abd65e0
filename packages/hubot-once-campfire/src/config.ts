// The adapter's settings, read once when the bot starts. Every problem is one sentence that names
// the variable and says what to do, and never repeats the bot key or the webhook secret.

export const URL_VAR = 'HUBOT_ONCE_CAMPFIRE_URL'
export const BOT_KEY_VAR = 'HUBOT_ONCE_CAMPFIRE_BOT_KEY'
const WEBHOOK_PATH_VAR = 'HUBOT_ONCE_CAMPFIRE_WEBHOOK_PATH'

export interface OnceCampfireConfig {
  /** Campfire's base URL without a trailing slash, e.g. `https://chat.example.com`. */
  baseUrl: string
  /** `<bot id>-<token>`. */
  botKey: string
  /** The path Campfire posts to, e.g. `/once-campfire/3f9c...`; no trailing slash. */
  webhookPath: string
}

export class OnceCampfireConfigError extends Error {
  constructor (readonly variable: string, message: string) {
    super(message)
    this.name = 'OnceCampfireConfigError'
  }
}

/** The shortest secret part of the webhook path we accept: 24 random letters and digits. */
const MIN_SECRET_LENGTH = 24
/** A random 24+ character string uses many different characters; `aaaa...` or `1234...` does not. */
const MIN_DISTINCT_CHARACTERS = 10

const HOW_TO_MAKE_ONE = 'e.g. /once-campfire/ followed by the output of `openssl rand -hex 20`'

function parseBaseUrl (raw: string): string {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new OnceCampfireConfigError(URL_VAR, `${URL_VAR} is not a URL: set it to your Campfire's address, e.g. https://chat.example.com.`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new OnceCampfireConfigError(URL_VAR, `${URL_VAR} must start with https:// (or http://), e.g. https://chat.example.com.`)
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new OnceCampfireConfigError(URL_VAR, `${URL_VAR} must be only Campfire's address (no user, password, query or #), e.g. https://chat.example.com.`)
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '')
}

function parseBotKey (raw: string): string {
  // Campfire's keys are `<user id>-<12 letters and digits>`; v1.3.0+ refuses anything else.
  if (!/^[1-9]\d*-[A-Za-z0-9]{12,64}$/.test(raw)) {
    throw new OnceCampfireConfigError(BOT_KEY_VAR, `${BOT_KEY_VAR} does not look like a bot key (<bot id>-<12 letters and digits>): copy it from Campfire's Account settings → Bots.`)
  }
  return raw
}

/** Why this webhook path is not secret enough, or undefined when it will do. */
export function weakWebhookPath (path: string): string | undefined {
  if (!path.startsWith('/')) return `must start with / (${HOW_TO_MAKE_ONE})`
  if (!/^[A-Za-z0-9/_.~-]+$/.test(path)) return `may contain only letters, digits and / _ . ~ - (${HOW_TO_MAKE_ONE})`
  const longest = path.split('/').reduce((a, b) => (b.length > a.length ? b : a), '')
  if (longest.length < MIN_SECRET_LENGTH) {
    return `is too short to be secret: it needs a part of at least ${MIN_SECRET_LENGTH} random letters and digits, since anyone who knows it can speak to the bot as anyone (${HOW_TO_MAKE_ONE})`
  }
  if (new Set(longest.toLowerCase()).size < MIN_DISTINCT_CHARACTERS || !/[0-9]/.test(longest) || !/[a-z]/i.test(longest)) {
    return `looks guessable: its secret part should be random letters and digits, not a word or a pattern (${HOW_TO_MAKE_ONE})`
  }
  return undefined
}

function parseWebhookPath (raw: string): string {
  const path = raw.replace(/\/+$/, '')
  const weak = weakWebhookPath(path)
  if (weak) throw new OnceCampfireConfigError(WEBHOOK_PATH_VAR, `${WEBHOOK_PATH_VAR} ${weak}.`)
  return path
}

/** Reads all three settings; throws the first problem found. */
export function readConfig (env: NodeJS.ProcessEnv = process.env): OnceCampfireConfig {
  const names = [URL_VAR, BOT_KEY_VAR, WEBHOOK_PATH_VAR]
  const missing = names.filter(name => !env[name]?.trim())
  if (missing.length > 0) {
    const list = missing.join(' and ')
    throw new OnceCampfireConfigError(missing[0], `${list} ${missing.length === 1 ? 'is' : 'are'} not set: the ONCE Campfire adapter needs ${missing.length === 1 ? 'it' : 'them'} (see the hubot-once-campfire README).`)
  }
  const [url, key, path] = names.map(name => env[name]!.trim())
  return { baseUrl: parseBaseUrl(url), botKey: parseBotKey(key), webhookPath: parseWebhookPath(path) }
}

/** The secret part of the settings, for scrubbing logs. */
export const secretsOf = (config: Pick<OnceCampfireConfig, 'botKey' | 'webhookPath'>): string[] => {
  const longest = config.webhookPath.split('/').reduce((a, b) => (b.length > a.length ? b : a), '')
  return [config.botKey, config.botKey.slice(config.botKey.indexOf('-') + 1), longest].filter(s => s.length >= 8)
}

/** `text` with every secret replaced by `[redacted]`. */
export function redact (text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join('[redacted]')
  return out
}
