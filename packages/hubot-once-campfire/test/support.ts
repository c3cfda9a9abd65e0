// Shared by the adapter's tests: loopback allowed through nock for the test's duration, and a
// ONCE Campfire stand-in with an Ops room and a direct room.
import nock from 'nock'
import { startOnceCampfire, type OnceCampfireStandIn, type StandInOptions } from './stand-in/once-campfire'

export const WEBHOOK_PATH = '/once-campfire/8f3a9c2e71d04b5fa6e2c9d17b3e4f05'

export function allowLoopback (): void {
  before(() => { nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/) })
  after(() => { nock.disableNetConnect() })
}

interface CampfireWithRooms { campfire: OnceCampfireStandIn, ops: number, direct: number, outside: number }

export async function campfireWithRooms (options: StandInOptions = {}): Promise<CampfireWithRooms> {
  const campfire = await startOnceCampfire(options)
  const ops = campfire.addRoom('Ops').id
  const direct = campfire.addRoom(null).id
  const outside = campfire.addRoom('Lunch', { botMember: false }).id
  return { campfire, ops, direct, outside }
}

export const ALICE = { id: 42, name: 'Alice' }
