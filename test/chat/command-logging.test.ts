// How a command's failure is logged: ordinary answers (a mistyped id, a missing setting) at info,
// so they do not fill the operator's terminal with errors; the service failing stays an error.
import { expect } from 'chai'
import { botForEachTest } from '../support/bots'
import { api, configure, getComponents, onlyReply, PAGE } from '../support/statuspage'

const linesAt = (logs: readonly string[], level: string): string[] => logs.filter(l => l.startsWith(`${level}: [statuspage.status]`))

/** What the bot logged while answering (not the lines it logs at start). */
let from = 0
const logged = (logs: readonly string[], level: string): string[] => linesAt(logs.slice(from), level)

describe('what a failed command logs', () => {
  const bot = botForEachTest(configure)
  beforeEach(() => { from = bot.logs.length })

  it('logs a 404 for a mistyped incident id at info, not as an error', async () => {
    const scope = api().get(`${PAGE}/incidents/zzzzzzzzzzz1`).reply(404, { error: 'Incident not found' })
    expect(await onlyReply(bot, '/status resolve zzzzzzzzzzz1')).to.contain('could not find it (404)')
    scope.done()
    expect(logged(bot.logs, 'info')).to.have.length(1)
    expect(logged(bot.logs, 'info')[0]).to.contain('404')
    expect(logged(bot.logs, 'error')).to.deep.equal([])
  })

  it('logs a missing setting at info, on every command, never as an error', async () => {
    delete process.env.HUBOT_STATUSPAGE_API_KEY
    await onlyReply(bot, '/status')
    await onlyReply(bot, '/status incidents')
    expect(logged(bot.logs, 'info')).to.have.length(2)
    expect(logged(bot.logs, 'info')[0]).to.contain('HUBOT_STATUSPAGE_API_KEY')
    expect(logged(bot.logs, 'error')).to.deep.equal([])
  })

  it('still logs the service failing (500) as an error', async () => {
    const scope = getComponents(api()).get(`${PAGE}/incidents/unresolved`).query(true).reply(500, { message: 'Internal error' })
    await onlyReply(bot, '/status incidents')
    scope.done()
    expect(logged(bot.logs, 'error')).to.have.length(1)
    expect(logged(bot.logs, 'info')).to.deep.equal([])
  })
})
