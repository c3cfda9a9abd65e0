// Try the adapter by hand: a ONCE Campfire stand-in in your terminal.
//   npx tsx packages/hubot-once-campfire/test/stand-in/cli.ts [bot port, default 8080]
// It prints the settings to start the bot with; then each line you type is said by "You" in the
// Ops room (type @Hubot to mention the bot), or in your direct room with the bot if it starts
// with "dm ". What the bot posts is printed as it arrives. Ctrl-C stops it.
import readline from 'node:readline'
import { startOnceCampfire } from './once-campfire'

const PATH = '/once-campfire/5d1f0b8e93a24c7e8b61f2a0c4d9e37a'

async function main (): Promise<void> {
  const botPort = Number(process.argv[2] ?? 8080)
  const campfire = await startOnceCampfire({ botName: 'Hubot', webhookUrl: `http://127.0.0.1:${botPort}${PATH}` })
  const ops = campfire.addRoom('Ops')
  const direct = campfire.addRoom(null)
  console.log('ONCE Campfire stand-in. Start the bot in another terminal with:')
  console.log(`  HUBOT_ONCE_CAMPFIRE_URL=${campfire.url} HUBOT_ONCE_CAMPFIRE_BOT_KEY=${campfire.botKey} \\`)
  console.log(`  HUBOT_ONCE_CAMPFIRE_WEBHOOK_PATH=${PATH} PORT=${botPort} npx hubot -a hubot-once-campfire -n hubot`)
  console.log('Then type here, e.g. "@Hubot help", or "dm help" for the direct room.')
  let shown = 0
  setInterval(() => {
    for (const m of campfire.messages.slice(shown)) {
      if (m.creator === 'bot') console.log(`[${m.roomId === direct.id ? 'direct' : 'Ops'}] Hubot (${m.kind}, ${m.via}): ${m.body}`)
    }
    shown = campfire.messages.length
  }, 100)
  const rl = readline.createInterface({ input: process.stdin })
  rl.on('line', (line) => {
    const dm = line.startsWith('dm ')
    campfire.say(dm ? direct.id : ops.id, { id: 1, name: 'You' }, dm ? line.slice(3) : line)
      .then(({ delivery }) => {
        if (!delivery) console.log('(no mention and not a direct room: Campfire does not call the bot)')
        else if (delivery.outcome === 'failed') console.log(`(the webhook failed: ${delivery.error})`)
      }, (err: unknown) => console.error(err))
  })
  rl.on('close', () => process.exit(0))
}

main().catch((err: unknown) => { console.error(err); process.exit(1) })
