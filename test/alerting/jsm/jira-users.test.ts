// People on JSM Operations through the Jira user API of the site (src/alerting/jsm/jira-users.ts),
// stood in by nock: an email to an account, an account to a name, names cached across commands.
import { expect } from 'chai'
import { createJiraUsers, jiraNames, type JiraNames } from '../../../src/alerting/jsm/jira-users'
import { JSM } from '../../../src/alerting/jsm/service'
import { createHttpClient } from '../../../src/http/client'
import { HurriedClock } from '../../support/fake-clock'
import { ANA, BASIC, BEN, jira, jsmFixture, SITE, TOKEN } from '../../support/jsm'
import { expectDone } from '../../support/opsgenie'

const SEARCH = '/rest/api/3/user/search'
const USER = '/rest/api/3/user'

function users (names: JiraNames = jiraNames(() => 0)) {
  const runtime = { clock: new HurriedClock() }
  const http = createHttpClient({ service: JSM, baseURL: SITE, authorization: BASIC, secrets: [TOKEN], runtime })
  return createJiraUsers(http, SITE, names)
}

describe('JSM Operations: people on the Jira site', () => {
  it('finds an account by its email, whatever its case', async () => {
    const scope = jira().get(SEARCH).query({ query: 'Ana@Example.com' }).reply(200, jsmFixture('jira-user-search'))
    expect(await users().byEmail('Ana@Example.com')).to.deep.equal({
      kind: 'found', user: { id: ANA.accountId, accountId: ANA.accountId, username: ANA.email, fullName: ANA.name }
    })
    expectDone(scope)
  })

  it('says the site hides emails when the only match shows no address, and none when nothing matches', async () => {
    const scope = jira()
    scope.get(SEARCH).query({ query: BEN.email }).reply(200, jsmFixture('jira-user-search-hidden'))
    scope.get(SEARCH).query({ query: 'nobody@example.com' }).reply(200, [])
    expect(await users().byEmail(BEN.email)).to.deep.equal({
      kind: 'hidden', candidates: [{ id: BEN.accountId, accountId: BEN.accountId, username: BEN.name, fullName: BEN.name }]
    })
    expect(await users().byEmail('nobody@example.com')).to.deep.equal({ kind: 'none' })
    expectDone(scope)
  })

  it('leaves out inactive accounts, apps and rows without an account id', async () => {
    const [ana] = jsmFixture('jira-user-search')
    const scope = jira().get(SEARCH).query({ query: ANA.email }).reply(200, [
      { ...ana, active: false },
      { ...ana, accountType: 'app' },
      { ...ana, accountId: '' }
    ])
    expect(await users().byEmail(ANA.email)).to.deep.equal({ kind: 'none' })
    expectDone(scope)
  })

  it('reads an account by its id, and none for an account the site does not know', async () => {
    const scope = jira()
    scope.get(USER).query({ accountId: BEN.accountId }).reply(200, jsmFixture('jira-user'))
    scope.get(USER).query({ accountId: 'gone' }).reply(404, { errorMessages: ['not found'] })
    expect(await users().byAccountId(BEN.accountId))
      .to.deep.equal({ id: BEN.accountId, accountId: BEN.accountId, username: BEN.name, fullName: BEN.name })
    expect(await users().byAccountId('gone')).to.equal(undefined)
    expectDone(scope)
  })

  it('asks a name once for one person named twice at once, and keeps it for the next command', async () => {
    const names = jiraNames(() => 0)
    const scope = jira().get(USER).query({ accountId: BEN.accountId }).once().reply(200, jsmFixture('jira-user'))
    const people = users(names)
    const twice = await Promise.all([people.displayName(BEN.accountId), people.displayName(BEN.accountId)])
    expect(twice).to.deep.equal([BEN.name, BEN.name])
    expectDone(scope)
    expect(names.get(`${SITE}\n${BEN.accountId}`)).to.equal(BEN.name)
    // Another command, another client on the same cache: no call at all.
    expect(await users(names).displayName(BEN.accountId)).to.equal(BEN.name)
  })

  it('gives the account id when the site cannot name it', async () => {
    const scope = jira().get(USER).query({ accountId: 'gone' }).reply(404, { errorMessages: ['not found'] })
    expect(await users().displayName('gone')).to.equal('gone')
    expectDone(scope)
  })
})
