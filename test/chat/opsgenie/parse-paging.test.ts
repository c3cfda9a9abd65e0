// The paging forms and filters as parsed (pure), and the page's alias and body (pure).
import { expect } from 'chai'
import { newAlert, pageAlias } from '../../../src/alerting/paging'
import { suggest } from '../../../src/alerting/responders'
import { parseGenie } from '../../../src/chat/opsgenie/parse'

describe('parsing genie page and the pager\'s verbs', () => {
  it('reads who, the priority and the message of genie page', () => {
    expect(parseGenie('page Database team P1: the primary is down')).to.deep.equal({ kind: 'page', who: 'Database team', priority: 'P1', text: 'the primary is down' })
    expect(parseGenie('page neo@opsgenie.com: look: now')).to.deep.equal({ kind: 'page', who: 'neo@opsgenie.com', text: 'look: now' })
    expect(parseGenie('page Platform p2: x')).to.include({ priority: 'P2' })
  })

  it('refuses a bad priority, a missing message or a missing colon', () => {
    for (const text of ['page Platform P6: x', 'page Platform P0: x', 'page Platform:', 'page Platform now', 'page : x']) {
      expect(parseGenie(text).kind, text).to.equal('invalid')
    }
  })

  it('reads page #id, escalate, assign and priority', () => {
    expect(parseGenie('page #12 DBA')).to.deep.equal({ kind: 'page-responder', id: '12', who: 'DBA' })
    expect(parseGenie('escalate #12')).to.deep.equal({ kind: 'escalate', id: '12' })
    expect(parseGenie('escalate 12 to DBA_escalation')).to.deep.equal({ kind: 'escalate', id: '12', escalation: 'DBA_escalation' })
    expect(parseGenie('assign #12 to @dana')).to.deep.equal({ kind: 'assign', id: '12', to: 'dana' })
    expect(parseGenie('priority #12 p1')).to.deep.equal({ kind: 'priority', id: '12', priority: 'P1' })
    expect(parseGenie('teams')).to.deep.equal({ kind: 'teams' })
    expect(parseGenie('escalations')).to.deep.equal({ kind: 'teams' })
    for (const text of ['escalate', 'assign 12', 'priority 12', 'priority 12 P7', 'escalate abc']) expect(parseGenie(text).kind, text).to.equal('invalid')
  })

  it('reads the filters of genie ack and close, and still reads ids and close all', () => {
    expect(parseGenie('ack P1')).to.deep.equal({ kind: 'ack-filtered', selector: { by: 'priority', priorities: ['P1'] } })
    expect(parseGenie('ack P1, p2,P1')).to.deep.equal({ kind: 'ack-filtered', selector: { by: 'priority', priorities: ['P1', 'P2'] } })
    expect(parseGenie('ack mine')).to.deep.equal({ kind: 'ack-filtered', selector: { by: 'mine' } })
    expect(parseGenie('close tag:db')).to.deep.equal({ kind: 'close-filtered', selector: { by: 'tag', tag: 'db' } })
    expect(parseGenie('ack P8').kind).to.equal('invalid')
    expect(parseGenie('ack 12 13')).to.deep.equal({ kind: 'ack', ids: ['12', '13'] })
    expect(parseGenie('close all')).to.deep.equal({ kind: 'close-all' })
    expect(parseGenie('unack mine').kind).to.equal('invalid')
  })
})

describe('the page itself', () => {
  it('gives the same alias for the same room, message and minute, and another one otherwise', () => {
    const at = Date.UTC(2026, 11, 3, 18, 0, 10)
    expect(pageAlias('ops', 'down', at)).to.equal(pageAlias('ops', 'down', at + 40_000))
    expect(pageAlias('ops', 'down', at)).not.to.equal(pageAlias('ops', 'down', at + 60_000))
    expect(pageAlias('ops', 'down', at)).not.to.equal(pageAlias('dev', 'down', at))
    expect(pageAlias('ops', 'down', at)).not.to.equal(pageAlias('ops', 'down!', at))
    expect(pageAlias('ops', 'down', at).length).to.be.at.most(512)
  })

  it('cuts the message at 130 characters and keeps the whole text, who and where in the description', () => {
    const text = 'y'.repeat(300)
    const alert = newAlert({ responder: { type: 'team', id: 't', name: 'DBA' }, text, who: 'alice', room: 'ops', at: 0 })
    expect(alert.message).to.have.length(130)
    expect(alert.description).to.equal(`Paged from chat by alice in ops, to team DBA.\n\n${text}`)
    expect(alert).not.to.have.property('priority')
  })

  it('suggests the names closest to one mistyped', () => {
    expect(suggest('platfrom', ['Platform', 'Builds', 'Platform_escalation'])).to.deep.equal(['Platform'])
    expect(suggest('data', ['Database', 'DBA', 'Builds'])).to.deep.equal(['Database', 'DBA'])
    expect(suggest('zzz', ['Platform', 'Builds'])).to.deep.equal([])
  })
})
