import { expect } from 'chai'
import { formatNoResponder, formatPaged, formatTeams } from '../../../src/chat/opsgenie/paging-format'

describe('the paging replies', () => {
  it('make names from the service one inert line: no room mention, no line break', () => {
    const teams = formatTeams('OpsGenie', [{ id: '1', name: '@here Ops\nFake line' }], [], '/')
    expect(teams.split('\n')[0]).to.equal('Teams: ＠here Ops Fake line.')
    const words = { service: 'OpsGenie', responder: { type: 'team' as const, id: '1', name: '<!channel>' }, confirmTimeoutMs: 1000, prefix: '/' }
    expect(formatPaged({ label: '#1' }, words)).to.equal('Paged team ‹!channel›: #1 is open, confirmed by OpsGenie.')
    expect(formatNoResponder('x', ['@everyone'], '/')).to.contain('Did you mean: ＠everyone?')
  })
})
