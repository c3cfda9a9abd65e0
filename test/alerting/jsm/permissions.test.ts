// What a JSM refusal means (src/alerting/jsm/permissions.ts): the scope it needed, in JSM's own words.
import { expect } from 'chai'
import { jsmRefusedFor, saysScope } from '../../../src/alerting/jsm/permissions'
import { errorDetails } from '../../../src/http/client'
import { jsmFixture } from '../../support/jsm'

describe('JSM refusals', () => {
  it('names the scope the refused request needed', () => {
    expect(jsmRefusedFor('GET', '/alerts')).to.include({ scope: 'read:ops-alert' })
    expect(jsmRefusedFor('POST', '/alerts/x/acknowledge')).to.include({ scope: 'write:ops-alert' })
    expect(jsmRefusedFor('GET', '/schedules/x/on-calls')).to.include({ scope: 'read:ops-config' })
    expect(jsmRefusedFor('POST', '/schedules/x/overrides')).to.include({ scope: 'write:ops-config' })
    expect(jsmRefusedFor('GET', '/rest/api/3/user/search')).to.include({ scope: 'read:jira-user' })
    expect(jsmRefusedFor('POST', '/jsm/ops/integration/v2/alerts/x/close')).to.deep.equal({ kind: 'integration-key' })
  })

  it('reads JSM\'s words from both error shapes', () => {
    expect(errorDetails(jsmFixture('error-401-scope')).apiMessage).to.equal('Unauthorized; scope does not match')
    expect(errorDetails(jsmFixture('error-401-scope-errors')).apiMessage).to.equal('Unauthorized; scope does not match')
    expect(saysScope('Unauthorized; scope does not match')).to.equal(true)
    expect(saysScope('Unauthorized')).to.equal(false)
  })
})
