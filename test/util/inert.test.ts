import { expect } from 'chai'
import { inert, inertMessage } from '../../src/util/inert'

describe('inert (outside text made safe for a room)', () => {
  it('turns controls and line breaks into single spaces and drops direction and zero-width characters', () => {
    expect(inert('a\u001b[31mb\u0007c\u0000d\r\ne\u2028f\u0085g')).to.equal('a [31mb c d e f g')
    expect(inert('\u202eevil\u202c \u2066x\u2069\u200b\ufeff\u200f!')).to.equal('evil x!')
  })

  it('defuses room-wide mentions and Slack mention markup, leaving other text and HTML alone', () => {
    expect(inert('@everyone @Here @channel @all @room mail@here.com')).to.equal('＠everyone ＠Here ＠channel ＠all ＠room mail@here.com')
    expect(inert('<!channel> <!here> <!subteam^S1> <@U024BE7LH> <#C1> <b>x</b> a < b')).to.equal(
      '‹!channel› ‹!here› ‹!subteam^S1› ‹@U024BE7LH› ‹#C1› <b>x</b> a < b')
  })

  it('bounds the result, looking only at a bounded prefix of a huge text, and takes finite numbers', () => {
    expect(inert('x'.repeat(50), 10)).to.equal(`${'x'.repeat(9)}…`)
    expect(inert(`${'\u0000'.repeat(10_000_000)}tail`, 10)).to.equal('…')
    expect(inert(42)).to.equal('42')
    expect(inert(NaN)).to.equal('')
    expect(inert({ toString: () => '@everyone' })).to.equal('')
  })
})

describe('inertMessage (every text the room port sends)', () => {
  it('keeps the lines of a reply and makes everything else in it inert', () => {
    expect(inertMessage('Line one @everyone\nLine two <!here> <@U1>\n\u001b[2J\u0007\u0000tab\there\r\u202eend'))
      .to.equal('Line one ＠everyone\nLine two ‹!here› ‹@U1›\n [2J  tab here end')
  })

  it('leaves a plain reply and usage placeholders as they are', () => {
    const reply = 'Try: /status update [<incident id>]: <message>\nmail dana@example.com'
    expect(inertMessage(reply)).to.equal(reply)
  })
})
