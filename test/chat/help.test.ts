// Help for both Hubots: Hubot 14's CommandBus gets each script's table (ids with a dot, so no message
// is taken from the listeners); Hubot 3.5 has no CommandBus (its
// robot.commands is the list of help lines), and gets nothing.
import { expect } from 'chai'
import { registerHelp, type HelpEntry } from '../../src/chat/help'
import type { HubotRobot } from '../../src/chat/hubot'
import { OPSGENIE_HELP } from '../../src/chat/opsgenie/help'
import { startBot, type TestBot } from '../support/bots'

const ENTRY: HelpEntry = { id: 'test.thing', usage: 'thing <x>', description: 'Does a thing' }

/** A robot with only what registerHelp reads, and a bus that records what is registered. */
function robotWithBus (alias: string | false, known: string[] = []): { robot: HubotRobot, registered: any[] } {
  const registered: any[] = []
  const commands = {
    register: (spec: unknown) => { registered.push(spec) },
    getCommand: (id: string) => (known.includes(id) ? {} : undefined)
  }
  return { robot: { name: 'hubot', alias, commands } as unknown as HubotRobot, registered }
}

describe('help on the CommandBus', () => {
  it('registers each entry with its usage, description and an example as people type it', () => {
    const { robot, registered } = robotWithBus('/')
    registerHelp(robot, [ENTRY])
    expect(registered).to.have.length(1)
    const [spec] = registered
    expect(spec).to.deep.include({ id: 'test.thing', description: 'thing <x> - Does a thing', examples: ['/thing <x>'], confirm: 'never' })
    expect(spec.handler()).to.equal('Type: /thing <x>')
  })

  it('uses the robot\'s name when it has no alias, and skips an id already registered', () => {
    const { robot, registered } = robotWithBus(false, ['test.known'])
    registerHelp(robot, [{ ...ENTRY, id: 'test.known' }, ENTRY])
    expect(registered.map(s => [s.id, s.examples])).to.deep.equal([['test.thing', ['hubot thing <x>']]])
  })

  it('does nothing on a robot without a CommandBus', () => {
    expect(() => { registerHelp({ name: 'hubot', alias: '/' } as unknown as HubotRobot, [ENTRY]) }).not.to.throw()
    expect(() => { registerHelp({ name: 'hubot', commands: {} } as unknown as HubotRobot, [ENTRY]) }).not.to.throw()
  })

  describe('on real robots', () => {
    let bot: TestBot | undefined
    afterEach(async () => { await bot?.stop(); bot = undefined })

    it('gives Hubot 14\'s CommandBus every genie command, pointing at the real command when the id is typed', async () => {
      bot = await startBot('14', { alias: '/' })
      for (const entry of OPSGENIE_HELP) {
        const command = bot.robot.commands.getCommand(entry.id)
        expect(command, entry.id).to.deep.include({ description: `${entry.usage} - ${entry.description}`, examples: [`/${entry.usage}`] })
      }
      expect(await bot.robot.commands.getCommand('opsgenie.status').handler({})).to.equal('Type: /genie')
      // Loading the scripts again (a second robot in one process) registers nothing twice.
      expect(() => { registerHelp(bot!.robot, OPSGENIE_HELP) }).not.to.throw()
    })

    it('leaves Hubot 3.5\'s commands (its help lines, no CommandBus) as they are', async () => {
      bot = await startBot('3.5', { alias: '/' })
      expect(bot.robot.commands).to.be.an('array').with.length.above(0)
      for (const line of bot.robot.commands) expect(line).to.be.a('string')
    })
  })
})
