// How JSM Operations describes itself to the HTTP layer and to the chat layer's error wording.
import type { ServiceDescriptor } from '../../http/service'
import { explainJsmRefusal } from './permissions'

export const JSM: ServiceDescriptor = {
  name: 'JSM Operations',
  hints: { keyVariable: 'HUBOT_JSM_API_TOKEN', web: 'Jira Service Management', check: ['genie'], explainRefusal: explainJsmRefusal }
}
