import { expect } from 'chai'
import {
  failedChange, formatOpened, formatResolved, formatSetLines, formatUpdated, stateChange
} from '../../../src/chat/statuspage/changes-format'
import { componentRow, severalUnresolved } from '../../support/statuspage'

describe('replies of the commands that change the page', () => {
  const group = componentRow('g1', 'Core', { group: true })
  const child = (n: number) => componentRow(`c${n}`, `Part ${n}`, { group_id: 'g1' })
  const all = [group, child(1), child(2), child(3)]

  it('says a group\'s state follows its components, counting them in words, one line each', () => {
    const lines = (n: number): string[] => formatSetLines(group, all.slice(1, 1 + n), all, () => 'operational → major outage')
    expect(lines(1)[0]).to.contain('its one component was set')
    expect(lines(2)[0]).to.contain('both of its components were set')
    expect(lines(3)).to.deep.equal([
      'Core is a group: its state follows its components, so all 3 of its components were set.',
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
