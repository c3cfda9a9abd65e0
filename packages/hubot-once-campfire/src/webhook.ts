// The JSON ONCE Campfire posts to a bot's webhook, read defensively: a malformed call is refused
// with a reason (for the log), never thrown.
//   {"user":{"id","name"}, "room":{"id","name","path"}, "message":{"id","body":{"html","plain"},"path"}}
// `plain` has every @mention of the bot removed; direct rooms have no name.

export interface CampfireCall {
  user: { id: string, name: string }
  room: { id: string, name: string | null, path: string, direct: boolean }
  message: { id: string, plain: string }
}

export type ParsedCall = { ok: true, call: CampfireCall } | { ok: false, reason: string }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isId = (v: unknown): v is number | string => (typeof v === 'number' && Number.isInteger(v) && v > 0) || (typeof v === 'string' && /^\d+$/.test(v))

export function parseCall (body: unknown): ParsedCall {
  if (!isObject(body)) return { ok: false, reason: 'the body is not a JSON object' }
  const { user, room, message } = body
  if (!isObject(user) || !isId(user.id) || typeof user.name !== 'string') return { ok: false, reason: 'user.id or user.name is missing' }
  if (!isObject(room) || !isId(room.id)) return { ok: false, reason: 'room.id is missing' }
  if (!isObject(message) || !isId(message.id) || !isObject(message.body) || typeof message.body.plain !== 'string') {
    return { ok: false, reason: 'message.id or message.body.plain is missing' }
  }
  const roomName = typeof room.name === 'string' && room.name.trim() !== '' ? room.name : null
  return {
    ok: true,
    call: {
      user: { id: String(user.id), name: user.name },
      room: { id: String(room.id), name: roomName, path: typeof room.path === 'string' ? room.path : '', direct: roomName === null },
      message: { id: String(message.id), plain: message.body.plain }
    }
  }
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The text addressed to the robot, so `robot.respond` listeners fire: Campfire removed the
 * @mention, so the robot's name goes back in front unless the text already starts with the name
 * or the alias.
 */
export function addressToRobot (text: string, robotName: string, alias?: string | false): string {
  const trimmed = text.trim()
  const names = [robotName, alias].filter((n): n is string => typeof n === 'string' && n !== '')
  const addressed = names.some(name => new RegExp(`^@?${escapeRegExp(name)}(?:$|[\\s:,])`, 'i').test(trimmed) ||
    (!/\w$/.test(name) && trimmed.toLowerCase().startsWith(name.toLowerCase())))
  return addressed ? trimmed : `${robotName} ${trimmed}`.trim()
}

/** The bot key in a room path `/rooms/3/9-AbCdEf123456/messages`, or undefined. */
export function keyInRoomPath (path: string): string | undefined {
  return /^\/rooms\/\d+\/([^/]+)\/messages$/.exec(path)?.[1]
}
