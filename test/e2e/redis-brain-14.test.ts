// The brain on a real Redis survives a restart, on Hubot 14 (test/e2e/redis-brain.ts).
import { describeRedisBrain } from './redis-brain'

describeRedisBrain('14')
