// ESLint (flat config): typescript-eslint's recommended rules everywhere, and the Office add-in rules of
// eslint-plugin-office-addins (load before read, sync before read, no sync in loops …) where Office.js is used.
const tseslint = require('typescript-eslint');
const officeAddinsModule = require('eslint-plugin-office-addins');

const officeAddins = officeAddinsModule.default ?? officeAddinsModule;

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
