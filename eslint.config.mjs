// The house rules that a machine can check (`npm run lint`, and the Lint step of `npm test`). The boundaries
// between the parts of the tree come first: they are why this file exists.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** A `no-restricted-imports` pattern: a relative import through a folder of ours with this name. */
const throughFolder = (folder, message) => ({ regex: `^\\.{1,2}/(.*/)?${folder}(/|$)`, message });

const NOT_TEST_OR_TOOLING = [
  throughFolder('test', 'src/ ships: it never imports test code.'),
  throughFolder('emulator', 'src/ never imports the emulator: it is a separate product part.'),
  throughFolder('tools', 'src/ never imports dev tooling (tools/).'),
];
const NOT_VSCODE = (who) => ({ name: 'vscode', message: `${who} never imports the VS Code API.` });

/** One `no-restricted-imports` rule per part of the tree (a later config object replaces the rule, so each lists all). */
const boundaries = [
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: NOT_TEST_OR_TOOLING }] },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [NOT_VSCODE('src/core/ (plain TypeScript that runs under Node and mocha)')],
          patterns: [
            ...NOT_TEST_OR_TOOLING,
            throughFolder('vscode', 'src/core/ never imports the VS Code layer (src/vscode/).'),
            throughFolder('panel', 'src/core/ never imports the panel app (src/panel/).'),
            { regex: '^\\.{1,2}/(.*/)?extension$', message: 'src/core/ never imports the entry point.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/panel/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [NOT_VSCODE('src/panel/ (it runs in the webview, a browser)')],
          patterns: [
            ...NOT_TEST_OR_TOOLING,
            throughFolder('vscode', 'The panel app talks to the extension only through protocol.ts.'),
          ],
        },
      ],
    },
  },
  {
    files: ['emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [NOT_VSCODE('The emulator')],
          patterns: [throughFolder('src', 'The emulator never imports src/: it stands on its own.')],
        },
      ],
    },
  },
];

export default defineConfig(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      '.vscode-test/**',
      'test-results/**',
      '**/generated/**',
      'media/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // A leading `_` marks a name that is unused on purpose (a signature that must match, a value kept alive).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true, caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: globals.node },
    // `const crypto = require('crypto')` is fine although Node also has a global `crypto`.
    rules: { 'no-redeclare': ['error', { builtinGlobals: false }] },
  },
  {
    // CommonJS scripts: `require` is their module system.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Loaded on first use so activation stays cheap (node:crypto, node:http, node-fetch, the knowledge bundle):
    // these files require on purpose, inside the function that first needs the module.
    files: [
      'src/core/oauth/pkce.ts',
      'src/vscode/diagnosticsPanel.ts',
      'src/vscode/knowledge.ts',
      'src/vscode/redirect/browserLauncher.ts',
      'src/vscode/redirect/loopbackServer.ts',
      'src/vscode/ringcentral/httpFetch.ts',
    ],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  boundaries,
);
