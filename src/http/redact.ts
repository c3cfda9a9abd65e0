// Keeps credentials out of anything a person or a log can read.

const AUTH_HEADER = /\b(OAuth|GenieKey|Basic|Bearer)\s+[^\s"',;]+/gi

/** Replaces every known secret, and anything that looks like an Authorization header value, with [REDACTED]. */
export function redact (text: string, secrets: ReadonlyArray<string | undefined> = []): string {
  let out = text
  for (const secret of secrets) {
    // Very short values would blank out ordinary words; real keys are long.
    if (secret && secret.length >= 6) out = out.split(secret).join('[REDACTED]')
  }
  return out.replace(AUTH_HEADER, '$1 [REDACTED]')
}
