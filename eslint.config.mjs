// Lint for the whole project (part of `npm test`): typescript-eslint's recommended rules, React hooks, and the
// import boundaries of docs/architecture.md ("The flow of a call"): src never imports server; server/core never
// imports domain; the seed never imports a host. Tests may import anything.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

const boundary = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] }
})

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'cloudfunctions/**', 'node_modules/**', 'coverage/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: {
        console: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly'
      }
    },
    rules: {
      // The compiler (strict, noUnusedLocals/Parameters) already reports these, with fewer false alarms.
      'no-undef': 'off',
      // Chinese text lays out with the ideographic space (U+3000) in strings, templates and JSX text on purpose.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }]
    }
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' }
  },
  boundary(
    ['src/**'],
    [{ group: ['**/server', '**/server/**'], message: 'src/ talks to the server only through services/transport.' }]
  ),
  boundary(
    ['server/core/**'],
    [{ group: ['**/domain', '**/domain/**'], message: 'server/core is below the domain: it must not import it.' }]
  ),
  boundary(
    ['server/seed/**'],
    [{ group: ['**/hosts', '**/hosts/**'], message: 'The seed writes through the storage port, never through a host.' }]
  ),
  {
    // Tests read JSON envelopes and poke at internals; \`any\` there is a reading aid, not a type hole in the product.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' }
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  }
)
