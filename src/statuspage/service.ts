// Statuspage as the HTTP layer and the error wording know it.

import type { ServiceDescriptor } from '../http/service'

export const STATUSPAGE: ServiceDescriptor = {
  name: 'Statuspage',
  hints: { keyVariable: 'HUBOT_STATUSPAGE_API_KEY', web: 'https://manage.statuspage.io', check: ['status', 'status incidents'] }
}
