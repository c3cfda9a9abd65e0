// Keeps credentials out of anything a person or a log can read.

// The value stops before brackets and quotes, and a trailing full stop stays outside it, so the
// `).` after a redacted value in a sentence is kept (and `[REDACTED]` is not matched again).
const AUTH_HEADER = /\b(OAuth|GenieKey|Basic|Bearer)\s+([^\s"',;()<>[\]{}]+)/gi

/** Replaces every known secret, and anything that looks like an Authorization header value, with [REDACTED]. */
export function redact (text: string, secrets: ReadonlyArray<string | undefined> = []): string {
  let out = text
  for (const secret of secrets) {
    // Very short values would blank out ordinary words; real keys are long.
    if (secret && secret.length >= 6) out = out.split(secret).join('[REDACTED]')
  }
  return out.replace(AUTH_HEADER, (_all, word: string, value: string) => `${word} [REDACTED]${/\.+$/.exec(value)?.[0] ?? ''}`)
}
