// The webhook secret comparison (src/webhooks/secret.ts).
import { expect } from 'chai'
import { sameSecret } from '../../src/webhooks/secret'

describe('webhooks: secrets', () => {
  it('compares secrets exactly, whatever their lengths', () => {
    expect(sameSecret('s3cret-value', 's3cret-value')).to.equal(true)
    expect(sameSecret('s3cret-valuX', 's3cret-value')).to.equal(false)
    expect(sameSecret('s3cret', 's3cret-value')).to.equal(false)
    expect(sameSecret(undefined, 's3cret-value')).to.equal(false)
    expect(sameSecret('', '')).to.equal(false)
    expect(sameSecret('x', undefined)).to.equal(false)
  })
})
