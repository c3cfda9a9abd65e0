// `npm run sandbox`: the stand-ins alone (no bot), for any bot you run yourself. Prints the settings
// to paste into the bot's shell (sandbox/paste.ts), points the stand-ins' webhooks at the bot's HTTP
// server, and fires a P1 alert once the bot answers there. Ctrl-C stops it.
//
//   SANDBOX_BACKEND=jsm          JSM Operations' stand-in instead of OpsGenie's
//   SANDBOX_BOT_URL=http://127.0.0.1:8080   where the bot's HTTP server will listen (EXPRESS_PORT)
//   SANDBOX_ROOM=Shell           the room webhook messages go to (the Shell adapter's room by default)
//   SANDBOX_CAMPFIRE=1           also a ONCE Campfire stand-in for a bot on the hubot-once-campfire
//                                adapter: prints its settings and rooms; lines you type here are said in
//                                its Ops room by "You" (start them with @Hubot), "dm ..." in the direct room
import { randomBytes } from 'node:crypto'
import readline from 'node:readline'
import { alertingFromEnv, startSandbox } from '../sandbox'
import { pasteLines, pasteSettings } from '../sandbox/paste'
import { startOnceCampfire } from '../packages/hubot-once-campfire/test/stand-in/once-campfire'

/** A Campfire message body (HTML) as text for the terminal. */
const plain = (html: string): string => html.replace(/<\/?pre>/g, '').replace(/<br\s*\/?>/g, '\n')
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')

const CAMPFIRE_PATH = `/once-campfire/${randomBytes(20).toString('hex')}`

async function main (): Promise<void> {
  const botUrl = (process.env.SANDBOX_BOT_URL?.trim() || 'http://127.0.0.1:8080').replace(/\/+$/, '')
  const alerting = alertingFromEnv()
  const sandbox = await startSandbox({ alerting })
  const stand = sandbox.opsgenie ?? sandbox.jsm
  const campfire = process.env.SANDBOX_CAMPFIRE?.trim() === '1'
    ? await startOnceCampfire({ botName: 'Hubot', webhookUrl: `${botUrl}${CAMPFIRE_PATH}` })
    : undefined
  const ops = campfire?.addRoom('Ops')
  const direct = campfire?.addRoom(null)
  const room = ops ? String(ops.id) : (process.env.SANDBOX_ROOM?.trim() || 'Shell')
  const facts = {
    env: sandbox.env,
    botUrl,
    room,
    opsgenieSecret: randomBytes(18).toString('base64url'),
    statuspageSecret: randomBytes(18).toString('base64url'),
    alertingOrigin: stand?.origin,
    statuspageOrigin: sandbox.statuspage?.origin,
    alertingName: alerting === 'jsm' ? 'JSM Operations' : 'OpsGenie'
  }
  const settings = pasteSettings(facts)
  stand?.webhooks.point({ url: `${botUrl}/hubot/opsgenie`, headers: { 'X-Hubot-Secret': facts.opsgenieSecret } })
  sandbox.statuspage?.webhooks.point({ url: `${botUrl}/hubot/statuspage/${facts.statuspageSecret}` })

  for (const line of pasteLines(facts)) console.log(line)
  if (campfire && ops && direct) {
    console.log('')
    console.log('ONCE Campfire stand-in: also paste these, and start the bot on the adapter (both tarballs installed):')
    console.log(`export HUBOT_ONCE_CAMPFIRE_URL=${campfire.url}`)
    console.log(`export HUBOT_ONCE_CAMPFIRE_BOT_KEY=${campfire.botKey}`)
    console.log(`export HUBOT_ONCE_CAMPFIRE_WEBHOOK_PATH=${CAMPFIRE_PATH}`)
    console.log('  npx hubot --adapter hubot-once-campfire --name Hubot --alias /     (Hubot 3.5: --adapter once-campfire)')
    console.log(`Rooms: Ops is room ${ops.id} (alerts and status changes go there), your direct room with the bot is ${direct.id}.`)
    console.log('Type here to talk in Ops as "You" (mention the bot: @Hubot /status), or "dm /status" in the direct room.')
  }
  console.log('')

  // The first alert, once the bot answers on its HTTP server.
  const ready = setInterval(() => {
    fetch(`${botUrl}/`, { signal: AbortSignal.timeout(1000) }).then(async (res) => {
      await res.arrayBuffer()
      clearInterval(ready)
      stand?.createAlert({
        message: 'Checkout API: error rate above 5% for 5 minutes',
        priority: 'P1',
        tags: ['checkout', 'api'],
        description: 'The sandbox monitor fired this one so you can see an alert arrive. Try /genie ack.'
      })
      console.log(`The bot answers at ${botUrl}: a P1 alert was fired for room ${settings.HUBOT_OPSGENIE_ROOM ?? room}.`)
    }, () => { /* not up yet */ })
  }, 1000)

  if (campfire && ops && direct) {
    let shown = 0
    setInterval(() => {
      for (const m of campfire.messages.slice(shown)) {
        if (m.creator === 'bot') console.log(`[${m.roomId === direct.id ? 'direct' : 'Ops'}] Hubot: ${plain(m.body)}`)
      }
      shown = campfire.messages.length
    }, 100)
    readline.createInterface({ input: process.stdin }).on('line', (line) => {
      const dm = line.startsWith('dm ')
      campfire.say(dm ? direct.id : ops.id, { id: 1, name: 'You' }, dm ? line.slice(3) : line).then(({ delivery }) => {
        if (!delivery) console.log('(no @mention and not the direct room: Campfire does not call the bot)')
        else if (delivery.outcome === 'failed') console.log(`(the webhook to the bot failed: ${delivery.error})`)
      }, (err: unknown) => { console.error(err) })
    })
  }

  const stop = (): void => {
    clearInterval(ready)
    void Promise.all([sandbox.stop(), campfire?.close()]).finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  console.error(`npm run sandbox: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
