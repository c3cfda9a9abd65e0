// Configuration is read from HUBOT_* variables when a command runs, never at load time:
// the scripts load without it, and the command says exactly what to set.

export class ConfigError extends Error {
  constructor (readonly service: string, readonly variables: string[], readonly why: string) {
    super(`${service} ${why}: set ${variables.join(' and ')} in the bot's environment and restart it.`)
    this.name = 'ConfigError'
  }
}

/** The variable's value, trimmed; an empty value counts as unset. */
export function env (name: string): string | undefined {
  const value = process.env[name]?.trim()
  return value === '' ? undefined : value
}

/** Every listed variable's value, or one ConfigError naming all that are missing. */
export function requireEnv<K extends string> (service: string, names: readonly K[]): Record<K, string> {
  const missing = names.filter(name => env(name) === undefined)
  if (missing.length > 0) throw new ConfigError(service, missing, 'is not configured')
  return Object.fromEntries(names.map(name => [name, env(name) as string])) as Record<K, string>
}

/** A whole number setting: `fallback` when unset, and a ConfigError outside `min`..`max`. */
export interface IntRange {
  fallback: number
  min: number
  max: number
}

export function intEnv (service: string, name: string, { fallback, min, max }: IntRange): number {
  const raw = env(name)
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(service, [name], `has an invalid ${name}=${JSON.stringify(raw)} (a whole number from ${min} to ${max} is needed)`)
  }
  return value
}

export function boolEnv (service: string, name: string, fallback: boolean): boolean {
  const raw = env(name)?.toLowerCase()
  if (raw === undefined) return fallback
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true
  if (['0', 'false', 'no', 'off'].includes(raw)) return false
  throw new ConfigError(service, [name], `has an invalid ${name}=${JSON.stringify(raw)} (true or false is needed)`)
}

/** A base URL must be http(s); anything else is a typo that would fail on every command. */
export function urlEnv (service: string, name: string, fallback: string): string {
  const raw = env(name) ?? fallback
  if (!/^https?:\/\/[^\s]+$/i.test(raw)) {
    throw new ConfigError(service, [name], `has an invalid ${name} (an http:// or https:// URL is needed)`)
  }
  return raw.replace(/\/+$/, '')
}
