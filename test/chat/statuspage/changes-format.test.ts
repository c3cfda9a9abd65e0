import { expect } from 'chai'
import {
  failedChange, formatOpened, formatResolved, formatSetLines, formatUpdated, stateChange
} from '../../../src/chat/statuspage/changes-format'
import { componentRow, severalUnresolved } from '../../support/statuspage'

describe('replies of the commands that change the page', () => {
  const group = componentRow('g1', 'Core', { group: true })
  const child = (n: number) => componentRow(`c${n}`, `Part ${n}`, { group_id: 'g1' })
  const all = [group, child(1), child(2), child(3)]

  it('says a group\'s state follows its components, counting them, one line each: the lines say what happened', () => {
    const lines = (n: number): string[] => formatSetLines(group, all.slice(1, 1 + n), all, () => 'operational → major outage')
    expect(lines(1)[0]).to.equal('Core is a group: its state follows its one component, shown below.')
    expect(lines(2)[0]).to.equal('Core is a group: its state follows its 2 components, each shown below.')
    // The first line claims no outcome: one component may be unchanged and another not confirmed.
    const mixed = formatSetLines(group, all.slice(1, 3), all, c => (c.id === 'c1' ? 'already major outage' : 'not confirmed (timeout)'))
    expect(mixed.join('\n')).to.not.match(/were set|was set/)
    expect(lines(3)).to.deep.equal([
      'Core is a group: its state follows its 3 components, each shown below.',
      '• Part 1: operational → major outage', '• Part 2: operational → major outage', '• Part 3: operational → major outage'
    ])
  })

  it('says one component\'s change on one line, and never calls an unconfirmed change unchanged', () => {
    const api = componentRow('c9', 'API')
    expect(formatSetLines(api, [api], [api], () => stateChange('operational', 'operational'))).to.deep.equal(['API: already operational.'])
    expect(stateChange('operational', 'major outage')).to.equal('operational → major outage')
    expect(failedChange(true, 'Statuspage did not answer in time.')).to.equal('not confirmed (Statuspage did not answer in time.)')
    expect(failedChange(false, 'refused')).to.equal('not changed (refused)')
  })

  it('names the incident with its id, status and link', () => {
    const incident = severalUnresolved()[1]
    expect(formatOpened(incident)).to.equal('Opened incident Slow web app (k7bw4n2xq9vd, investigating). https://stspg.io/web1')
    expect(formatOpened(incident, true)).to.contain('(k7bw4n2xq9vd, investigating) with your message.')
    expect(formatUpdated({ ...incident, status: 'identified' }, 'resolved'))
      .to.equal('Reopened incident Slow web app (k7bw4n2xq9vd), which was resolved: identified. https://stspg.io/web1')
    expect(formatResolved({ ...incident, shortlink: undefined }, [], [])).to.equal('Resolved incident Slow web app (k7bw4n2xq9vd).')
  })
})
