// `npm start`: Hubot 14 (the `hubot14` alias in node_modules) with the Shell adapter and this
// package's scripts loaded from src/ through tsx (no build step), HUBOT_ALIAS=/ so /status works
// as typed in Campfire. Run as `node --import tsx scripts/start.mjs` (what `npm start` does).
// Services without a key get the local sandbox stand-ins (in this process; they stop with it).
//
// A launcher rather than Hubot's bin: the bin would load ./scripts (this folder) as Hubot scripts.
// It needs a terminal (Hubot's Shell adapter crashes without one). It writes only inside the
// project: Shell's .hubot_history in the working folder (npm start runs from the project root).
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { startSandbox } = require(path.join(root, 'sandbox', 'index.ts'))
const { planLaunch, banner, startFaults, alertingName, webhookBanner } = require(path.join(root, 'sandbox', 'launch-plan.ts'))
const { loadSourceScripts } = require(path.join(root, 'sandbox', 'load-source.ts'))

// A mistyped setting is one clear line, never a stack trace (checked before the terminal, so it is
// said wherever npm start runs).
const plan = planLaunch(process.env)
const chosen = startFaults(process.env, plan)
if (!chosen.ok) {
  console.error(chosen.message)
  process.exit(1)
}

if (!process.stdout.isTTY) {
  console.error('npm start needs a terminal (Hubot\'s Shell adapter). Run it in a terminal, or under tmux/screen.')
  process.exit(1)
}

process.chdir(root)
// The Shell adapter keeps its history here and prints a stack trace when the file is missing.
if (!fs.existsSync('.hubot_history')) fs.writeFileSync('.hubot_history', '')
let sandbox
try {
  sandbox = await startSandbox({
    statuspage: plan.statuspage === 'sandbox',
    opsgenie: plan.opsgenie === 'sandbox',
    statuspageFault: chosen.faults.statuspage,
    opsgenieFault: chosen.faults.opsgenie
  })
} catch (err) {
  console.error(`npm start: the sandbox could not start: ${err.message}`)
  process.exit(1)
}
Object.assign(process.env, sandbox.env)
process.env.HUBOT_ALIAS = '/'
process.env.HUBOT_LOG_LEVEL ??= 'warn'
// Hubot's own HTTP server, for the webhooks: loopback only, on a free port (unless set).
process.env.EXPRESS_BIND_ADDRESS ??= '127.0.0.1'
process.env.EXPRESS_PORT ??= '0'
// The stand-ins deliver their webhooks into the Shell's room, with a fresh secret each run.
const SHELL_ROOM = 'Shell'
// OpsGenie's stand-in or JSM Operations' (SANDBOX_BACKEND=jsm): the same alerts, webhooks and controls.
const alerting = sandbox.opsgenie ?? sandbox.jsm
if (alerting) {
  process.env.HUBOT_OPSGENIE_WEBHOOK_SECRET ??= randomBytes(18).toString('base64url')
  process.env.HUBOT_OPSGENIE_ROOM ??= SHELL_ROOM
  // Alert links open the stand-in's copy of the alert, not app.opsgenie.com.
  process.env.HUBOT_OPSGENIE_WEB_URL ??= `${alerting.origin}/__sandbox/alert/{alertId}`
}
if (sandbox.statuspage) {
  process.env.HUBOT_STATUSPAGE_WEBHOOK_SECRET ??= randomBytes(18).toString('base64url')
  process.env.HUBOT_STATUSPAGE_ROOM ??= SHELL_ROOM
}

for (const line of banner(plan, {
  statuspageUrl: process.env.HUBOT_STATUSPAGE_API_URL || 'https://api.statuspage.io/v1',
  pageId: process.env.HUBOT_STATUSPAGE_PAGE_ID,
  opsgenieUrl: process.env.HUBOT_OPSGENIE_API_URL || process.env.HUBOT_JSM_API_URL ||
    (process.env.HUBOT_JSM_API_TOKEN ? 'https://api.atlassian.com' : 'https://api.opsgenie.com'),
  faults: chosen.faults,
  alertingName: alertingName(process.env),
  hiddenPerson: sandbox.jsm?.state.people.find(p => !p.emailVisible)
})) console.log(line)
console.log('')

const { Robot } = await import('hubot14')
// With its HTTP server (on 127.0.0.1, see above) for the webhooks; name hubot, alias /.
const robot = new Robot('Shell', true, process.env.HUBOT_NAME || 'hubot', '/')

let stopping = false
async function stop (code = 0) {
  if (stopping) return
  stopping = true
  try { robot.shutdown() } catch { /* already down */ }
  await sandbox.stop()
  process.exit(code)
}
// Ctrl-C or Ctrl-D: the Shell's readline pauses stdin (it has no SIGINT handler of its own).
process.stdin.on('pause', () => { void stop(0) })
process.on('SIGINT', () => { void stop(0) })
process.on('SIGTERM', () => { void stop(0) })
// The Shell's `exit` calls process.exit directly; the in-process stand-ins end with the process.

await robot.loadAdapter()
robot.adapter.once('connected', async () => {
  try {
    await loadSourceScripts(robot)
  } catch (err) {
    console.error(`Could not load hubot-statuspage-opsgenie: ${err.stack || err}`)
    await stop(1)
  }
  robot.emit('scripts have loaded', robot)
})
// Hubot 14 starts listening in run(), before the Shell's prompt.
robot.on('listening', (server) => { connectWebhooks(server) })
await robot.run()

/** Points the stand-ins' webhooks at the bot, prints how to fire one, and fires the first alert. */
function connectWebhooks (server) {
  const botUrl = `http://127.0.0.1:${server.address().port}`
  alerting?.webhooks.point({
    url: `${botUrl}/hubot/opsgenie`,
    headers: { 'X-Hubot-Secret': process.env.HUBOT_OPSGENIE_WEBHOOK_SECRET }
  })
  sandbox.statuspage?.webhooks.point({ url: `${botUrl}/hubot/statuspage/${process.env.HUBOT_STATUSPAGE_WEBHOOK_SECRET}` })
  if (!alerting && !sandbox.statuspage) return
  const origins = { opsgenieOrigin: alerting?.origin, statuspageOrigin: sandbox.statuspage?.origin }
  for (const line of webhookBanner({ botUrl, ...origins })) console.log(line)
  console.log('')
  if (alerting) {
    setTimeout(() => {
      alerting.createAlert({
        message: 'Checkout API: error rate above 5% for 5 minutes',
        priority: 'P1',
        tags: ['checkout', 'api'],
        description: 'The sandbox monitor fired this one so you can see an alert arrive. Try /genie ack.'
      })
    }, 4000).unref()
  }
}
