// The brain on a real Redis survives a restart, on Hubot 3.5 (test/e2e/redis-brain.ts).
import { describeRedisBrain } from './redis-brain'

describeRedisBrain('3.5')
