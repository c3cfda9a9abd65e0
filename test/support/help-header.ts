// Reads the `// Name:` sections of a Hubot script header (`// Commands:`, `// Configuration:`), the
// part Hubot 3.5's help reads, so the tests can hold them against the help tables.
import fs from 'node:fs'

export const fileLines = (file: string): string[] => fs.readFileSync(file, 'utf8').split('\n')

/**
 * The lines under `// <name>:`, without their `//   ` indent, up to the first line not so indented;
 * [] when there is no such section.
 */
export function headerSection (lines: string[], name: string): string[] {
  const start = lines.indexOf(`// ${name}:`)
  if (start === -1) return []
  const out: string[] = []
  for (const line of lines.slice(start + 1)) {
    if (!/^\/\/ {3}\S/.test(line)) break
    out.push(line.replace(/^\/\/ {3}/, ''))
  }
  return out
}
