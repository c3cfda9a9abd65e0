import { expect } from 'chai'
import { EventEmitter } from 'node:events'
import { defineStore, mergeRecords, watchBrain } from '../../src/util/brain-store'

/** Hubot's brain, as far as the store sees it: set emits 'loaded', mergeData replaces top-level keys. */
class Brain extends EventEmitter {
  data: { _private: Record<string, unknown> } = { _private: {} }
  get (key: string): unknown { return this.data._private[key] ?? null }
  set (key: string, value: unknown): void { this.data._private[key] = value; this.emit('loaded', this.data) }
  mergeData (data: { _private: Record<string, unknown> }): void { this.data._private = data._private; this.emit('loaded', this.data) }
}

interface TestRobot { brain: Brain, logger: { info(l: string): void, warning(l: string): void }, lines: string[] }
function robotWith (brain: Brain): TestRobot {
  const lines: string[] = []
  return { brain, lines, logger: { info: l => { lines.push(`info: ${l}`) }, warning: l => { lines.push(`warning: ${l}`) } } }
}

interface Note { text: string }
const notes = defineStore<Note>({
  key: 'test.notes',
  name: 'test notes',
  version: 2,
  bound: 5,
  validate: (data, v) => {
    const d = data as { text?: unknown, words?: unknown }
    if ((v === 2 || v === 0) && typeof d?.text === 'string') return { text: d.text } // 0: before versions
    if (v === 1 && Array.isArray(d?.words)) return { text: d.words.join(' ') } // an older shape, upgraded
    return undefined
  },
  legacy: raw => Array.isArray(raw) ? raw.map((text, i) => ({ id: `old${i}`, at: i, data: { text } })) : undefined
})
const record = (id: string, at: number, text: string): unknown => ({ v: 2, id, at, data: { text } })

describe('brain store (util/brain-store)', () => {
  it('merges data arriving late (hubot-redis-brain\'s mergeData) with what was written before: both kept, ordered, deduplicated, bounded', () => {
    const robot = robotWith(new Brain())
    watchBrain(robot)
    const mine = notes.on(robot.brain)
    mine.put('b', { text: 'written before Redis answered' }, 20)
    mine.put('d', { text: 'also before' }, 40)
    const fromRedis = { format: 1, records: [record('a', 10, 'from Redis'), record('b', 20, 'written before Redis answered'), record('c', 30, 'from Redis too')] }
    robot.brain.mergeData({ _private: { 'test.notes': fromRedis } })
    expect(mine.list().map(n => n.text)).to.deep.equal(['from Redis', 'written before Redis answered', 'from Redis too', 'also before'])
    // Merged at once (not on the next read), so the next save to Redis holds both sides.
    expect((robot.brain.get('test.notes') as { records: unknown[] }).records).to.have.length(4)
    for (let n = 0; n < 4; n++) mine.put(`e${n}`, { text: `new ${n}` }, 50 + n)
    expect(mine.list().map(n => n.text)).to.deep.equal(['also before', 'new 0', 'new 1', 'new 2', 'new 3'])
    expect(robot.lines).to.deep.equal([])
  })

  it('keeps a removal through a merge: what was forgotten before Redis answered stays forgotten', () => {
    const robot = robotWith(new Brain())
    watchBrain(robot)
    const mine = notes.on(robot.brain)
    mine.put('a', { text: 'kept' }, 5)
    const stored = { format: 1, records: [record('a', 5, 'kept'), record('x', 1, 'to forget')] }
    robot.brain.data._private['test.notes'] = stored // read once from Redis, then the person forgot it
    expect(mine.get('x')).to.deep.equal({ text: 'to forget' })
    expect(mine.remove('x', 6)).to.equal(true)
    expect(mine.remove('x', 7)).to.equal(false)
    robot.brain.mergeData({ _private: { 'test.notes': stored } })
    expect(mine.get('x')).to.equal(undefined)
    expect(mine.list()).to.deep.equal([{ text: 'kept' }])
  })

  it('skips malformed records and those of an unknown version with one log line naming them, and reads the rest', () => {
    const robot = robotWith(new Brain())
    watchBrain(robot)
    robot.brain.mergeData({
      _private: {
        'test.notes': {
          format: 1,
          records: [record('a', 1, 'good'), { v: 1, id: 'b', at: 2, data: { words: ['older', 'shape'] } }, { v: 9, id: 'c', at: 3, data: {} },
            { v: 2, id: 'd', at: 4, data: { text: 42 } }, 'garbage', null, { v: 2, at: 5, data: { text: 'no id' } }]
        }
      }
    })
    expect(notes.on(robot.brain).list()).to.deep.equal([{ text: 'good' }, { text: 'older shape' }])
    expect(robot.lines).to.deep.equal([
      "warning: hubot-statuspage-opsgenie: skipped 4 malformed records, records of version 9 (this version reads up to 2) in the brain's test notes (test.notes); the rest is kept"
    ])
  })

  it('reads a value written before records had versions, and skips one it cannot read with a log line', () => {
    const robot = robotWith(new Brain())
    watchBrain(robot)
    robot.brain.mergeData({ _private: { 'test.notes': ['one', 'two', 3] } })
    expect(notes.on(robot.brain).list()).to.deep.equal([{ text: 'one' }, { text: 'two' }])
    expect(robot.lines).to.have.length(1)
    expect(robot.lines[0]).to.contain('skipped 1 malformed record in')
    robot.brain.mergeData({ _private: { 'test.notes': 'nonsense' } })
    expect(notes.on(robot.brain).list()).to.deep.equal([{ text: 'one' }, { text: 'two' }])
    expect(robot.lines[1]).to.contain('skipped a value in an unknown format in the brain\'s test notes')
  })

  it('writes nothing to a brain it only read from', () => {
    const brain = new Brain()
    expect(notes.on(brain).list()).to.deep.equal([])
    expect(notes.on(brain).get('a')).to.equal(undefined)
    expect(brain.data._private).to.deep.equal({})
  })

  it('merges by the later write per id, a removal winning a tie', () => {
    const gone = { id: 'a', at: 2, gone: true as const }
    expect(mergeRecords([{ id: 'a', at: 2 }, gone, { id: 'b', at: 1 }], 10)).to.deep.equal([{ id: 'b', at: 1 }, gone])
    expect(mergeRecords([{ id: 'a', at: 3 }, gone], 10)).to.deep.equal([{ id: 'a', at: 3 }])
    expect(mergeRecords([{ id: 'a', at: 3 }, { id: 'b', at: 1 }, { id: 'c', at: 2 }], 2)).to.deep.equal([{ id: 'c', at: 2 }, { id: 'a', at: 3 }])
  })
})
