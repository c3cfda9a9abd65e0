import { expect } from 'chai'
import { segment } from '../../src/alerting/shared'
import { createStatuspageClient } from '../../src/statuspage/client'
import { STATUSPAGE } from '../../src/statuspage/service'

describe('ids in request paths', () => {
  it('are never empty, null or undefined', async () => {
    expect(() => segment('')).to.throw('an empty id would go into a request path')
    expect(() => segment(null as unknown as string)).to.throw('an empty id')
    const refuse = async (): Promise<never> => { throw new Error('no request expected') }
    const http = { service: STATUSPAGE, request: refuse, get: refuse }
    const client = createStatuspageClient({ http, pageId: 'p1' })
    let error: unknown
    try { await client.getIncident(undefined as unknown as string) } catch (err) { error = err }
    expect(String(error)).to.contain('an empty id would go into a request path')
  })
})
