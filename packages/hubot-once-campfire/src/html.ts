// What Hubot says, as the HTML body ONCE Campfire stores (it renders message bodies as rich text).
// Text is escaped, so `<script>` shows as text; line breaks survive: replies laid out in columns or
// indented go in <pre>, other multi-line replies get <br> between lines.

export function escapeHtml (text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** Indented lines, tabs, or runs of spaces between words: a layout that only <pre> keeps. */
function isTabular (lines: readonly string[]): boolean {
  return lines.some(line => /\t/.test(line) || /^ +\S/.test(line) || /\S {2,}\S/.test(line))
}

/** The message body for `text`: escaped HTML, its lines kept. */
export function toMessageHtml (text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n')
  if (lines.length === 1) return escapeHtml(lines[0])
  if (isTabular(lines)) return `<pre>${escapeHtml(lines.join('\n'))}</pre>`
  return lines.map(escapeHtml).join('<br>')
}

/** An emote (`/me waves`): Campfire has none, so it is the text in italics. */
export function toEmoteHtml (text: string): string {
  return `<em>${toMessageHtml(text)}</em>`
}
