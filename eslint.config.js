import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (patterns, message) => ['error', { patterns: [{ group: patterns, message }] }];

export default tseslint.config(
  { ignores: ['dist/', 'dist-seams/', 'release/', 'dist-kit/', 'examples/*/node_modules/', 'examples/*/test-results/', 'examples/*/playwright-report/', 'dist-cli/', 'node_modules/', 'test-results/', 'playwright-report/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  // The examples type-check against the installed `cors-lens` package (examples/basic/tsconfig.json,
  // after `npm ci` there), which lint runs before; so lint them without type information.
  {
    files: ['examples/**'],
    ...tseslint.configs.disableTypeChecked,
  },
  // Boundaries (STYLE.md §3): shared is pure, the panel and the worker only meet through shared.
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'chrome', message: 'src/shared runs outside the browser.' }],
      'no-restricted-imports': restrict(
        ['**/background/**', '**/panel/**', '**/playwright/**', 'react', 'react-dom'],
        'src/shared imports nothing from the extension or the UI.',
      ),
    },
  },
  {
    files: ['src/panel/**'],
    rules: { 'no-restricted-imports': restrict(['**/background/**'], 'The panel talks to the worker only through src/shared/protocol.') },
  },
  {
    files: ['src/background/**'],
    rules: { 'no-restricted-imports': restrict(['**/panel/**'], 'The worker knows nothing of the panel UI.') },
  },
);
