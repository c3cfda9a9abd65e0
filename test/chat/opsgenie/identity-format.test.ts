// The replies about verifying who someone is, as pure functions.
import { expect } from 'chai'
import { formatClaimNoted, formatRecorded, formatTakeUnverified } from '../../../src/chat/opsgenie/identity-format'

const NEO = { id: 'u1', username: 'neo@opsgenie.com', fullName: 'Neo' }
const HINT = 'To verify it, use a chat account whose email is that address, or ask an identity admin ' +
  '(HUBOT_OPSGENIE_IDENTITY_ADMINS) to say /genie <your chat name> is <email>.'

describe('the identity verification replies', () => {
  it('notes a claim it cannot verify against the chat email, and says whose name actions keep going out under', () => {
    expect(formatClaimNoted({ chatName: 'neo', user: NEO, email: 'thomas@example.com', actor: 'thomas@example.com', service: 'OpsGenie', prefix: '/' }))
      .to.equal('Noted, neo: you say you are neo@opsgenie.com (Neo) in OpsGenie, but I cannot verify it ' +
        '(your chat account\'s email is thomas@example.com, not that address). Until it is verified your actions go out as ' +
        `thomas@example.com and /genie take will not put you on call. ${HINT}`)
  })

  it('says when the chat account gives no email to check against', () => {
    expect(formatClaimNoted({ chatName: 'neo', user: { id: 'u1', username: 'neo@opsgenie.com' }, email: '', actor: 'neo', service: 'OpsGenie', prefix: '/' }))
      .to.contain('you say you are neo@opsgenie.com in OpsGenie, but I cannot verify it (your chat account gives me no email to check it against).')
  })

  it('quotes the chat name on one line and makes the account\'s names inert', () => {
    const reply = formatRecorded('neo\nthe one', { id: 'u1', username: 'neo@opsgenie.com', fullName: '@everyone\u202e' }, 'OpsGenie')
    expect(reply).to.equal('Recorded: neo the one is neo@opsgenie.com (＠everyone) in OpsGenie (verified by you). Their actions from chat will show that name.')
  })

  it('refuses a take for an unverified claim, saying nobody was put on call', () => {
    expect(formatTakeUnverified('neo@opsgenie.com', 'OpsGenie', '/'))
      .to.equal(`You said you are neo@opsgenie.com in OpsGenie, but that is not verified, so I will not put it on call; nobody was put on call. ${HINT}`)
  })
})
