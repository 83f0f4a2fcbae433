// ESLint (flat config): typescript-eslint's recommended rules everywhere, and the Office add-in rules of
// eslint-plugin-office-addins (load before read, sync before read, no sync in loops …) where Office.js is used.
const tseslint = require('typescript-eslint');
const officeAddinsModule = require('eslint-plugin-office-addins');

const officeAddins = officeAddinsModule.default ?? officeAddinsModule;
const reactHooks = require('eslint-plugin-react-hooks');

module.exports = tseslint.config(
  { ignores: ['build/', 'dist/', 'node_modules/', 'coverage/', 'test-artifacts/', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // the checking core is pure: no Office, no DOM frameworks, no file reading, no Node built-ins, and nothing
    // from the layers built on it (tsconfig.core.json also type-checks it without DOM or Node types)
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['exceljs', 'react', 'react-dom', 'commander', 'picocolors', 'fs', 'path', 'os', 'child_process', 'crypto', 'stream', 'util', 'http', 'https', 'zlib', 'worker_threads', 'perf_hooks', 'url', 'buffer', 'events', 'process'],
        patterns: [
          { group: ['node:*'], message: 'src/core is pure: no Node built-ins.' },
          { group: ['@microsoft/*', '@fluentui/*', 'office-*', '@types/office-js'], message: 'src/core is pure: Office.js belongs in src/excel, the UI in src/taskpane.' },
          { group: ['**/excel/**', '**/taskpane/**', '**/cli/**', '**/commands/**', '**/sample/**'], message: 'src/core depends on nothing outside it.' },
        ],
      }],
    },
  },
  {
    // the pane's hooks: called unconditionally, and their dependencies complete (no stale state in callbacks)
    files: ['src/taskpane/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/excel/**/*.ts', 'src/taskpane/**/*.{ts,tsx}', 'src/commands/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/no-office-initialize': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
);
