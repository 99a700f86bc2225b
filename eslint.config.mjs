// ESLint flat config: ESLint's and typescript-eslint's recommended rules, with every rule that
// would argue with Prettier about layout switched off (eslint-config-prettier, last).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier/flat';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores(['dist/', 'node_modules/', '.data/', '.test-data/', 'examples/*/dist/', 'examples/*/src/gql/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // A leading underscore marks what is unused on purpose (an Express error handler's `next`,
      // a key left out of a rest copy), as the code already writes it.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // jest.config.js: CommonJS, run by Node.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { __dirname: 'readonly' } },
  },
  {
    // Node scripts written as ES modules (the peer gateways').
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  prettier,
]);
