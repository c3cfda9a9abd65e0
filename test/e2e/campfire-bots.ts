// The bot folders the Campfire end-to-end tests share: Hubot (14 or 3.5) with this package and
// hubot-once-campfire from their tarballs (test/e2e/install.ts), plus two scripts of the bot's own
// (fixtures/once-campfire: e2e-ready.js tells when the listeners are in, e2e-long.js answers with
// a 400-line reply). No loopback adapter: these bots run with real chat adapters.
import path from 'node:path'
import { ADAPTER_ROOT, sharedBot, sharedPack, type BotFolder, type BotKind, type Packed } from './install'

export const INSTALL_TIMEOUT_MS = 5 * 60_000
const FIXTURES = path.join(__dirname, 'fixtures', 'once-campfire')

export async function campfireBot (kind: BotKind): Promise<{ folder: BotFolder, adapterPack: Packed }> {
  const [scriptsPack, adapterPack] = await Promise.all([sharedPack(), sharedPack(ADAPTER_ROOT)])
  const folder = await sharedBot(kind, scriptsPack, {
    folder: `bot-${kind.replace('.', '')}-campfire`,
    scripts: [path.join(FIXTURES, 'e2e-ready.js'), path.join(FIXTURES, 'e2e-long.js')],
    loopback: false
  })
  return { folder, adapterPack }
}
