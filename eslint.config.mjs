// ESLint (flat config): neostandard's rules for TypeScript, the style this code was written in
// (no semicolons, two spaces, a space before function parentheses), enforced by `npm test`.
import neostandard from 'neostandard'

const MAX_LEN = {
  code: 120, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true
}

export default [
  ...neostandard({ ts: true, ignores: ['dist/**', 'coverage/**', '**/node_modules/**', 'packages/*/dist/**'] }),
  {
    rules: {
      // `void promise` marks a deliberate fire-and-forget (errors are handled inside).
      'no-void': ['error', { allowAsStatement: true }],
      'max-len': ['error', MAX_LEN]
    }
  },
  {
    // Hubot reads each `// Commands:` line of a script's header as one help entry: they stay one line each.
    files: ['src/scripts/*.ts'],
    rules: { 'max-len': ['error', { ...MAX_LEN, ignoreComments: true }] }
  }
]
