// The webhook settings (src/webhooks/settings.ts): the alert link template.
import { expect } from 'chai'
import { alertLink } from '../../src/webhooks/settings'

describe('webhooks: settings', () => {
  it('fills the alert link template, and gives none when the id it needs is missing', () => {
    expect(alertLink('https://x.example/a/{alertId}?t={tinyId}', { alertId: 'a b', tinyId: '5' })).to.equal('https://x.example/a/a%20b?t=5')
    expect(alertLink('https://x.example/a/{alertId}', { tinyId: '5' })).to.equal(undefined)
  })
})
