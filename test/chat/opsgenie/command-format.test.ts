import { expect } from 'chai'
import { formatHelp, formatInvalid, formatUnknown } from '../../../src/chat/opsgenie/command-format'

describe('replies about a genie command', () => {
  it('writes every command as the room must type it', () => {
    expect(formatHelp('/')).to.match(/^genie commands: \/genie, \/genie ack, .+\/genie log \[<n>\]\.$/)
    expect(formatInvalid({ usage: 'genie note <id> <text>', why: 'say what to note' }, 'hubot '))
      .to.equal('Usage: hubot genie note <id> <text> (say what to note).')
    expect(formatUnknown('x'.repeat(500), '/')).to.match(/^I don't know "genie x+…"\. Try: \/genie, /)
  })
})
