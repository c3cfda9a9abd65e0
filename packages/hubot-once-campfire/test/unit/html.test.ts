import { expect } from 'chai'
import { escapeHtml, toEmoteHtml, toMessageHtml } from '../../src/html'

describe('hubot-once-campfire message bodies', () => {
  it('escapes <, >, & and " so text shows as typed', () => {
    expect(escapeHtml('<script>alert("x")</script> & co')).to.equal('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co')
    expect(toMessageHtml('<b>hi</b>')).to.equal('&lt;b&gt;hi&lt;/b&gt;')
  })

  it('keeps the lines of a list with <br>', () => {
    expect(toMessageHtml('OpsGenie: 2 open alerts.\n#101 P1 a <b>\n#102 P2 c & d\n')).to.equal('OpsGenie: 2 open alerts.<br>#101 P1 a &lt;b&gt;<br>#102 P2 c &amp; d')
    expect(toMessageHtml('a\r\nb')).to.equal('a<br>b')
  })

  it('puts indented or column-aligned replies in <pre>', () => {
    const incidents = '1 unresolved incident:\n• Delayed (aa35): identified\n  Latest (identified): late <webhooks>'
    expect(toMessageHtml(incidents)).to.equal('<pre>1 unresolved incident:\n• Delayed (aa35): identified\n  Latest (identified): late &lt;webhooks&gt;</pre>')
    expect(toMessageHtml('name    state\nBuilds  ok')).to.equal('<pre>name    state\nBuilds  ok</pre>')
  })

  it('italicises an emote', () => {
    expect(toEmoteHtml('waves <3')).to.equal('<em>waves &lt;3</em>')
  })
})
