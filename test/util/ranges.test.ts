import { expect } from 'chai'
import { numberRuns } from '../../src/util/ranges'

describe('numberRuns', () => {
  it('sorts, drops repeats and writes runs of at least minRun as ranges, counting what each part stands for', () => {
    expect(numberRuns([52, 48, 50, 49, 48], 3)).to.deep.equal([{ text: '#48–#50', count: 3 }, { text: '#52', count: 1 }])
    expect(numberRuns([11, 12, 9], 3)).to.deep.equal([{ text: '#9', count: 1 }, { text: '#11', count: 1 }, { text: '#12', count: 1 }])
    expect(numberRuns([11, 12, 9], 2)).to.deep.equal([{ text: '#9', count: 1 }, { text: '#11–#12', count: 2 }])
    expect(numberRuns([], 2)).to.deep.equal([])
  })
})
